/** Small text helpers shared by the quote modules: a French-aware tokenizer and a comparison key. */
import { nameKey } from '../../util/name-key.js'

export interface Token {
  readonly text: string
  /** Lower case, accents kept (the lexicon is written with accents). */
  readonly lower: string
  readonly start: number
  readonly end: number
  readonly kind: 'word' | 'punct'
}

/**
 * Words (with inner hyphens: `a-t-il`, `porte-parole`), elided articles kept apart with their
 * apostrophe (`l'`, `d’`, `qu'`) so that `l’Ukraine` is two tokens, and single punctuation marks.
 * Each alternative is tried where the scan stands (sticky patterns), so no match object is built per
 * token: the same tokens as the one pattern `(?:jusqu|lorsqu|puisqu|qu|[dlnjmtsc])['’](?=[\p{L}\p{N}])
 * |[\p{L}\p{N}]+(?:[-‑][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]` (flags `giu`) finds, as a test checks.
 */
const SPACE_AT = /\s*/uy
const ELIDED_AT = /(?:jusqu|lorsqu|puisqu|qu|[dlnjmtsc])['’](?=[\p{L}\p{N}])/iuy
const WORD_AT = /[\p{L}\p{N}]+(?:[-‑][\p{L}\p{N}]+)*/uy

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = []
  const slice = text.slice(from, to)
  let at = 0
  for (;;) {
    SPACE_AT.lastIndex = at
    SPACE_AT.test(slice)
    const s = SPACE_AT.lastIndex
    if (s >= slice.length) break
    let kind: Token['kind'] = 'word'
    ELIDED_AT.lastIndex = s
    if (ELIDED_AT.test(slice)) at = ELIDED_AT.lastIndex
    else {
      WORD_AT.lastIndex = s
      if (WORD_AT.test(slice)) at = WORD_AT.lastIndex
      else {
        kind = 'punct'
        at = s + (slice.codePointAt(s)! > 0xffff ? 2 : 1)
      }
    }
    const t = slice.slice(s, at)
    // The apostrophe is normalised so that lexicon entries need one spelling.
    const folded = t.toLowerCase()
    const lower = folded.includes('’') ? folded.replace(/’/g, "'") : folded
    out.push({ text: t, lower, start: from + s, end: from + at, kind })
  }
  return out
}

export { nameKey }

export const isCapitalized = (t: Token): boolean => t.kind === 'word' && /^\p{Lu}/u.test(t.text)

/** Spaces, including the no-break spaces French typography puts inside guillemets. */
export const isSpace = (c: string | undefined): boolean => c !== undefined && /\s/u.test(c)

/** Trims white space off both ends of a span. */
export function trimSpan(text: string, start: number, end: number): { start: number; end: number } {
  let s = start
  let e = end
  while (s < e && isSpace(text[s])) s++
  while (e > s && isSpace(text[e - 1])) e--
  return { start: s, end: e }
}

/** Words in the sense of the dataset (`n_words`): runs of letters and digits. */
export const wordCount = (s: string): number =>
  s.match(/[\p{L}\p{N}]+(?:[-‑'’][\p{L}\p{N}]+)*/gu)?.length ?? 0
