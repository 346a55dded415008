/**
 * Later, shorter references to an entity the document has already named:
 * - a surname (`M. Diop`, `Diop`) of a person named in full elsewhere in the document, when no
 *   other person of the document shares it (gazetteer surnames that are common, such as Diop or
 *   Traoré, link only this way);
 * - a role phrase (`le chef de la diplomatie russe`, `le ministre malien des Affaires étrangères`)
 *   when exactly one person of the document holds that role for that country in the gazetteer;
 * - a bare `le ministère` when the document names exactly one ministry.
 */
import type { EntityDraft } from '../extract.js'
import { CONFIDENCE } from './confidence.js'
import { countryQualifierAt } from './demonyms.js'
import { type Gazetteer, gazetteer } from './gazetteer.js'
import { portfolioAt } from './institutions.js'
import { aliasKeys, isCapitalized, joinableBetween, type Token } from './normalize.js'
import { type TokenTrie, tokenTrie } from './trie.js'

export interface Found {
  readonly start: number
  readonly end: number
  readonly from: number
  readonly to: number
  readonly entity: EntityDraft
  readonly confidence: number
}

export interface DocPerson {
  readonly entity: EntityDraft
  /** Surnames that may stand for the person in this document. */
  readonly surnames: readonly string[]
  readonly roles: readonly string[]
}

/** `Abdoulaye Diop` → `Diop`; `Iyad Ag Ghaly` → `Ag Ghaly`, `Ghaly`; `Jean-Yves Le Drian` → `Le Drian`, `Drian`. */
export function surnamesOf(name: string, particles: ReadonlySet<string>): string[] {
  const words = name.split(/\s+/)
  if (words.length < 2) return []
  const last = words.at(-1)!
  const out = [last]
  const before = words.at(-2)!
  if (words.length >= 3 && particles.has(before.toLowerCase())) out.push(`${before} ${last}`)
  return out
}

export function surnameMentions(
  text: string,
  tokens: readonly Token[],
  covered: Uint8Array,
  people: readonly DocPerson[],
): Found[] {
  const trie: TokenTrie<EntityDraft> = tokenTrie()
  for (const p of people) for (const s of new Set(p.surnames)) trie.add(aliasKeys(s), p.entity)
  const out: Found[] = []
  for (let i = 0; i < tokens.length; i++) {
    if (covered[i] || !isCapitalized(tokens[i]!.raw)) continue
    const hits = trie.walk(text, tokens, i)
    const last = hits.at(-1)
    if (!last) continue
    const [to, ents] = last
    const ids = new Set(ents.map((e) => e.entity_id))
    let free = true
    for (let k = i; k < to; k++) free &&= covered[k] === 0
    if (ids.size !== 1 || !free) continue
    out.push({
      start: tokens[i]!.start,
      end: tokens[to - 1]!.end,
      from: i,
      to,
      entity: ents[0]!,
      confidence: CONFIDENCE.corefSurname,
    })
    i = to - 1
  }
  return out
}

interface RolePhrase {
  readonly key: string
  readonly words: readonly string[]
}

interface RoleIndex {
  readonly trie: TokenTrie<RolePhrase>
  /** First words of the role phrases: a token that is none of them starts no role. */
  readonly heads: ReadonlySet<string>
}

let roles: RoleIndex | undefined
function roleIndex(g: Gazetteer): RoleIndex {
  if (roles) return roles
  const trie = tokenTrie<RolePhrase>()
  const heads = new Set<string>()
  for (const r of g.rules.roles)
    for (const p of r.phrases) {
      const words = aliasKeys(p)
      trie.add(words, { key: r.key, words })
      if (words[0] !== undefined) heads.add(words[0])
    }
  roles = { trie, heads }
  return roles
}

/**
 * A role phrase at token `i`: the phrase itself, with the country given by an adjective after its
 * first word (`ministre russe des Affaires étrangères`) or after the phrase (`chef de la
 * diplomatie russe`, `ministre des Affaires étrangères du Mali`).
 */
function roleAt(
  text: string,
  tokens: readonly Token[],
  i: number,
  g: Gazetteer,
): { to: number; key: string; country: string } | null {
  const { trie, heads } = roleIndex(g)
  // both forms begin with the first word of a role phrase
  if (!heads.has(tokens[i]!.key)) return null
  const direct = trie.walk(text, tokens, i).at(-1)
  if (direct) {
    const q =
      direct[0] < tokens.length && joinableBetween(text, tokens[direct[0] - 1]!.end, tokens[direct[0]]!.start)
        ? countryQualifierAt(text, tokens, direct[0], g)
        : null
    if (q)
      return { to: q.to, key: direct[1][0]!.key, country: g.entities[q.entity]!.draft.country_code ?? '' }
  }
  // `ministre russe des Affaires étrangères`: the adjective sits after the first word.
  const adj = countryQualifierAt(text, tokens, i + 1, g)
  if (!adj || adj.to !== i + 2) return null
  const head = tokens[i]!.key
  const p = portfolioAt(text, tokens, adj.to, g)
  if (!p) {
    return null
  }
  const phrase = g.rules.roles.find((r) =>
    r.phrases.some((ph) => {
      const w = aliasKeys(ph)
      return w[0] === head && aliasKeys(p.portfolio.name).every((k) => w.includes(k))
    }),
  )
  return phrase
    ? { to: p.to, key: phrase.key, country: g.entities[adj.entity]!.draft.country_code ?? '' }
    : null
}

export function roleMentions(
  text: string,
  tokens: readonly Token[],
  people: readonly DocPerson[],
  g: Gazetteer = gazetteer(),
): Found[] {
  if (people.length === 0) return []
  const out: Found[] = []
  for (let i = 0; i < tokens.length; i++) {
    const r = roleAt(text, tokens, i, g)
    if (!r) continue
    const holders = people.filter((p) => p.entity.country_code === r.country && p.roles.includes(r.key))
    if (holders.length === 1)
      out.push({
        start: tokens[i]!.start,
        end: tokens[r.to - 1]!.end,
        from: i,
        to: r.to,
        entity: holders[0]!.entity,
        confidence: CONFIDENCE.corefRole,
      })
    i = r.to - 1
  }
  return out
}

/** `le ministère` (or `le ministère des Affaires étrangères`) when the document names one ministry. */
export function ministryMentions(
  text: string,
  tokens: readonly Token[],
  covered: Uint8Array,
  ministriesInDoc: readonly EntityDraft[],
  g: Gazetteer = gazetteer(),
): Found[] {
  if (ministriesInDoc.length !== 1) return []
  const only = ministriesInDoc[0]!
  const out: Found[] = []
  for (let i = 0; i < tokens.length; i++) {
    if (covered[i] || !g.ministryHeads.has(tokens[i]!.key)) continue
    const p = portfolioAt(text, tokens, i + 1, g)
    if (p && !only.name.includes(p.portfolio.name)) continue
    const to = p ? p.to : i + 1
    out.push({
      start: tokens[i]!.start,
      end: tokens[to - 1]!.end,
      from: i,
      to,
      entity: only,
      confidence: CONFIDENCE.corefInstitution,
    })
    i = to - 1
  }
  return out
}
