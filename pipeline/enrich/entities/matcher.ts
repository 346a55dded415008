/**
 * Gazetteer matching: every alias that occurs in the text, checked against its case guard, then
 * the longest matches kept (`Golfe de Guinée` wins over `Guinée`). Names nested in an
 * organisation's name (`Sahel` in `Alliance des États du Sahel`) are kept too: the organisation
 * names the place, whereas a place's name (`Golfe de Guinée`) does not name the country.
 */
import { CONFIDENCE } from './confidence.js'
import { type AliasSpec, type Gazetteer, gazetteer } from './gazetteer.js'
import { aliasKeys, foldAccents, hasUpper, type Token } from './normalize.js'
import { type TokenTrie, tokenTrie } from './trie.js'

export interface Candidate {
  /** Token range [first, last + 1). */
  readonly from: number
  readonly to: number
  readonly start: number
  readonly end: number
  /** Entity index in the gazetteer, or -1 for a blocker. */
  readonly entity: number
  readonly confidence: number
  readonly method: 'gazetteer' | 'pattern'
  /** For entities built by a rule rather than listed (ministries): their canonical name. */
  readonly built?: { readonly name: string; readonly country: string | null }
}

let trie: TokenTrie<AliasSpec> | undefined
/** The alias trie, built once per process from the gazetteer. */
export function aliasTrie(g: Gazetteer = gazetteer()): TokenTrie<AliasSpec> {
  if (trie) return trie
  const t = tokenTrie<AliasSpec>()
  for (const a of g.aliases) t.add(aliasKeys(a.text), a)
  trie = t
  return t
}

const HYPHENS = '-\u2010\u2011'

function guardOk(a: AliasSpec, text: string, tokens: readonly Token[], from: number, to: number): boolean {
  if (a.guard === 'any') return true
  const surface = text.slice(tokens[from]!.start, tokens[to - 1]!.end)
  if (a.guard === 'capitalized') return hasUpper(surface)
  if (a.guard === 'proper') {
    const words = [...a.text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => m[0])
    if (words.length !== to - from) return hasUpper(surface)
    // the article that opens the name is written either way (`à la Réunion`, `Le Cap`)
    return words.every((w, k) => k === 0 || !/^\p{Lu}/u.test(w) || /^\p{Lu}/u.test(tokens[from + k]!.raw))
  }
  const written = tokens
    .slice(from, to)
    .map((t) => foldAccents(t.raw))
    .join(' ')
  const wanted = [...a.text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => foldAccents(m[0])).join(' ')
  return written === wanted
}

function confidenceOf(a: AliasSpec, surface: string): number {
  if (a.kind === 'demonym') return CONFIDENCE.demonym
  if (a.kind === 'combining') return CONFIDENCE.combining
  if (!hasUpper(surface) && hasUpper(a.text)) return CONFIDENCE.gazetteerLowercase
  return a.full ? CONFIDENCE.gazetteerFull : CONFIDENCE.gazetteerShort
}

/** Preference among entities sharing an alias: a country before a place before the rest. */
const TYPE_RANK: Record<string, number> = { country: 0, place: 1, organization: 2, person: 3, equipment: 4 }

/** Every acceptable gazetteer match starting at any token (overlapping; see `selectLongest`). */
export function gazetteerCandidates(
  text: string,
  tokens: readonly Token[],
  g: Gazetteer = gazetteer(),
): Candidate[] {
  const t = aliasTrie(g)
  const out: Candidate[] = []
  for (let i = 0; i < tokens.length; i++) {
    for (const [to, specs] of t.walk(text, tokens, i)) {
      const start = tokens[i]!.start
      const end = tokens[to - 1]!.end
      const surface = text.slice(start, end)
      let best: AliasSpec | undefined
      for (const a of specs) {
        if (!guardOk(a, text, tokens, i, to)) continue
        // `russo` is a country only as the first half of a compound: `russo-malien`.
        if (
          a.kind === 'combining' &&
          !(HYPHENS.includes(text.charAt(end)) && /\p{L}/u.test(text.charAt(end + 1)))
        )
          continue
        if (!best || rank(a, g) < rank(best, g)) best = a
      }
      if (best)
        out.push({
          from: i,
          to,
          start,
          end,
          entity: best.entity,
          confidence: confidenceOf(best, surface),
          method: 'gazetteer',
        })
    }
  }
  return out
}

function rank(a: AliasSpec, g: Gazetteer): number {
  if (a.entity < 0) return -1
  const type = g.entities[a.entity]!.draft.type
  return (TYPE_RANK[type] ?? 9) * 10 + (a.full ? 0 : 1) + (a.kind === 'name' ? 0 : 2)
}

/**
 * Keeps the longest non-overlapping candidates (ties: the earlier, then the higher confidence),
 * plus country and place candidates nested inside a kept organisation (longest first again).
 * Coverage is tracked per token, so the cost stays linear in the text length.
 */
export function selectLongest(
  cands: readonly Candidate[],
  nTokens: number,
  g: Gazetteer = gazetteer(),
): Candidate[] {
  const order = [...cands].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || b.confidence - a.confidence,
  )
  const owner = new Int32Array(nTokens).fill(-1)
  const kept: Candidate[] = []
  const isOrg = (c: Candidate) =>
    c.built !== undefined ||
    (g.entities[c.entity]?.draft.type === 'organization' && g.entities[c.entity]?.media !== true)
  for (const c of order) {
    let free = true
    for (let k = c.from; k < c.to && free; k++) free = owner[k] === -1
    if (!free) continue
    for (let k = c.from; k < c.to; k++) owner[k] = kept.length
    kept.push(c)
  }
  const nested = new Uint8Array(nTokens)
  const inner: Candidate[] = []
  for (const c of order) {
    if (c.entity < 0 || c.built) continue
    const type = g.entities[c.entity]!.draft.type
    if (type !== 'country' && type !== 'place') continue
    const o = owner[c.from]!
    const host = kept[o]
    if (host === undefined || !isOrg(host) || owner[c.to - 1] !== o) continue
    if (host.from === c.from && host.to === c.to) continue
    let free = true
    for (let k = c.from; k < c.to && free; k++) free = nested[k] === 0
    if (!free) continue
    nested.fill(1, c.from, c.to)
    inner.push(c)
  }
  return [...kept.filter((c) => c.entity >= 0 || c.built), ...inner]
}
