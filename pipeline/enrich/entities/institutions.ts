/**
 * Ministries, named generally: `ministère` + country + portfolio, in either order
 * (`le ministère russe des Affaires étrangères`, `ministère malien des affaires étrangères du
 * Mali`, `ministère des Affaires étrangères du Mali`), become one organisation with the canonical
 * name `Ministère <adjective> <article> <Portfolio>` and the country's code. A ministry whose
 * country the phrase does not give is left to coreference (`le ministère`).
 */
import { CONFIDENCE } from './confidence.js'
import { countryAdjectiveAt, countryQualifierAt } from './demonyms.js'
import { type Gazetteer, gazetteer, type Portfolio } from './gazetteer.js'
import type { Candidate } from './matcher.js'
import { aliasKeys, joinableBetween, type Token } from './normalize.js'
import { type TokenTrie, tokenTrie } from './trie.js'

let portfolios: TokenTrie<Portfolio> | undefined
function portfolioTrie(g: Gazetteer): TokenTrie<Portfolio> {
  if (portfolios) return portfolios
  const t = tokenTrie<Portfolio>()
  for (const p of g.portfolios) for (const a of [p.name, ...p.aliases]) t.add(aliasKeys(a), p)
  portfolios = t
  return t
}

const ARTICLES = new Set(['de', 'la', 'des', 'du', 'l', 'd'])

/** The longest portfolio at token `i` (after its article), or null. */
export function portfolioAt(
  text: string,
  tokens: readonly Token[],
  i: number,
  g: Gazetteer = gazetteer(),
): { to: number; portfolio: Portfolio } | null {
  let j = i
  while (j < tokens.length && j - i < 2 && ARTICLES.has(tokens[j]!.key)) j++
  if (j === i || j >= tokens.length || !joinableBetween(text, tokens[j - 1]!.end, tokens[j]!.start))
    return null
  const hits = portfolioTrie(g).walk(text, tokens, j)
  const last = hits.at(-1)
  return last ? { to: last[0], portfolio: last[1][0]! } : null
}

export function ministryName(p: Portfolio, adjective: string | null, countryName: string): string {
  const sep = p.article.endsWith("'") ? '' : ' '
  return adjective
    ? `Ministère ${adjective} ${p.article}${sep}${p.name}`
    : `Ministère ${p.article}${sep}${p.name} (${countryName})`
}

export interface MinistryPhrase {
  readonly candidate: Candidate | null
  /** A ministry without a country (`le ministère des Affaires étrangères`): for coreference. */
  readonly bare: { from: number; to: number; portfolio: Portfolio } | null
}

/** Every ministry phrase of the text. */
export function ministries(
  text: string,
  tokens: readonly Token[],
  g: Gazetteer = gazetteer(),
): MinistryPhrase[] {
  const out: MinistryPhrase[] = []
  for (let i = 0; i < tokens.length; i++) {
    if (!g.ministryHeads.has(tokens[i]!.key)) continue
    const adjA = countryAdjectiveAt(text, tokens, i + 1, g)
    if (adjA && !joinableBetween(text, tokens[i]!.end, tokens[i + 1]!.start)) continue
    const p = portfolioAt(text, tokens, adjA ? adjA.to : i + 1, g)
    if (!p) continue
    const after = p.to < tokens.length && joinableBetween(text, tokens[p.to - 1]!.end, tokens[p.to]!.start)
    const adjB = after ? countryQualifierAt(text, tokens, p.to, g) : null
    const country = adjA ?? adjB
    const to = adjB ? adjB.to : p.to
    if (!country) {
      out.push({ candidate: null, bare: { from: i, to: p.to, portfolio: p.portfolio } })
      continue
    }
    const c = g.entities[country.entity]!
    const name = ministryName(p.portfolio, c.adjective, c.draft.name)
    out.push({
      candidate: {
        from: i,
        to,
        start: tokens[i]!.start,
        end: tokens[to - 1]!.end,
        entity: -1,
        confidence: CONFIDENCE.institution,
        method: 'pattern',
        built: { name, country: c.draft.country_code },
      },
      bare: null,
    })
  }
  return out
}
