/**
 * Countries named inside a phrase: by adjective (`ministère malien`, `homologue russe`) or by name
 * after a preposition (`des Affaires étrangères du Mali`). Used by the ministry and role rules;
 * free-standing demonyms are ordinary gazetteer aliases (`kind: 'demonym'`).
 */
import { type AliasKind, type Gazetteer, gazetteer } from './gazetteer.js'
import { aliasTrie } from './matcher.js'
import { joinableBetween, type Token } from './normalize.js'

export interface CountryAt {
  /** Index of the token after the phrase. */
  readonly to: number
  /** Gazetteer index of the country. */
  readonly entity: number
}

function countryAt(
  text: string,
  tokens: readonly Token[],
  i: number,
  kinds: readonly AliasKind[],
  g: Gazetteer,
): CountryAt | null {
  let found: CountryAt | null = null
  for (const [to, specs] of aliasTrie(g).walk(text, tokens, i)) {
    const s = specs.find(
      (a) => a.entity >= 0 && kinds.includes(a.kind) && g.entities[a.entity]!.draft.type === 'country',
    )
    if (s) found = { to, entity: s.entity }
  }
  return found
}

const DEMONYM: readonly AliasKind[] = ['demonym']
const NAME: readonly AliasKind[] = ['name']

/** A country adjective at token `i` (`russe`, `maliennes`). */
export const countryAdjectiveAt = (
  text: string,
  tokens: readonly Token[],
  i: number,
  g: Gazetteer = gazetteer(),
) => (i < tokens.length ? countryAt(text, tokens, i, DEMONYM, g) : null)

const OF = new Set(['du', 'de', 'la', 'l', 'd', 'des'])

/** `du Mali`, `de la Russie`, `de l'Ukraine`, `des États-Unis` at token `i`. */
export function countryComplementAt(
  text: string,
  tokens: readonly Token[],
  i: number,
  g: Gazetteer = gazetteer(),
): CountryAt | null {
  let j = i
  while (j < tokens.length && j - i < 2 && OF.has(tokens[j]!.key)) {
    if (j + 1 < tokens.length && !joinableBetween(text, tokens[j]!.end, tokens[j + 1]!.start)) return null
    j++
  }
  if (j === i || j >= tokens.length) return null
  return countryAt(text, tokens, j, NAME, g)
}

/** Either form, adjective first. */
export const countryQualifierAt = (
  text: string,
  tokens: readonly Token[],
  i: number,
  g: Gazetteer = gazetteer(),
) => countryAdjectiveAt(text, tokens, i, g) ?? countryComplementAt(text, tokens, i, g)
