/** Small text helpers shared by the quote modules: a French-aware tokenizer and a comparison key. */
import { codePointWidth, letterClasses, OTHER, SPACE, wordClassAt } from '../../util/letters.js'
import { nameKey } from '../../util/name-key.js'

export interface Token {
  readonly text: string
  /** Lower case, accents kept (the lexicon is written with accents). */
  readonly lower: string
  readonly start: number
  readonly end: number
  readonly kind: 'word' | 'punct'
}

/** An elided article or pronoun with its apostrophe (`l'`, `qu’`), before a letter or digit. */
const ELIDED_AT = /(?:jusqu|lorsqu|puisqu|qu|[dlnjmtsc])['’](?=[\p{L}\p{N}])/iuy

/**
 * Words (with inner hyphens: `a-t-il`, `porte-parole`), elided articles kept apart with their
 * apostrophe (`l'`, `d’`, `qu'`) so that `l’Ukraine` is two tokens, and single punctuation marks.
 * Spaces, words and punctuation are read from the letter table of `util/letters.ts` and the elided
 * forms tried where the scan stands (sticky), so no match object is built per token: the same tokens as
 * the one pattern `(?:jusqu|lorsqu|puisqu|qu|[dlnjmtsc])['’](?=[\p{L}\p{N}])
 * |[\p{L}\p{N}]+(?:[-‑][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]` (flags `giu`) finds, as a test checks.
 */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const t = letterClasses()
  const out: Token[] = []
  const slice = text.slice(from, to)
  const n = slice.length
  let at = 0
  for (;;) {
    while (at < n && (t[slice.charCodeAt(at)]! & SPACE) !== 0) at++
    if (at >= n) break
    const s = at
    let kind: Token['kind'] = 'word'
    ELIDED_AT.lastIndex = s
    if (wordClassAt(t, slice, s) === OTHER) {
      kind = 'punct'
      at = s + codePointWidth(slice, s)
    } else if (ELIDED_AT.test(slice)) at = ELIDED_AT.lastIndex
    else {
      // `[\p{L}\p{N}]+(?:[-‑][\p{L}\p{N}]+)*`
      at = wordEnd(t, slice, s)
      for (let c = slice.charCodeAt(at); c === 0x2d || c === 0x2011; c = slice.charCodeAt(at)) {
        if (at + 1 >= n || wordClassAt(t, slice, at + 1) === OTHER) break
        at = wordEnd(t, slice, at + 1)
      }
    }
    const w = slice.slice(s, at)
    // The apostrophe is normalised so that lexicon entries need one spelling.
    const folded = w.toLowerCase()
    const lower = folded.includes('’') ? folded.replace(/’/g, "'") : folded
    out.push({ text: w, lower, start: from + s, end: from + at, kind })
  }
  return out
}

/** UTF-16 end of the run of letters and digits from `i`. */
function wordEnd(t: Uint8Array, s: string, i: number): number {
  let k = i
  while (k < s.length && wordClassAt(t, s, k) !== OTHER) k += codePointWidth(s, k)
  return k
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
