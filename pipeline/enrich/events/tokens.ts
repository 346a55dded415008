/**
 * Word, number and punctuation tokens of a stretch of French text, with UTF-16 offsets into the
 * whole text. Elided articles and pronouns stay tokens of their own (`l'`, `d'`, `s'`), so that
 * `l'attaque` is the trigger `attaque`; hyphenated compounds stay whole (`vingt-deux`, `a-t-il`).
 * Numbers in French notation keep their thousands separators (`2.500`, `5 100`, `5\u00a0100`) and
 * decimal comma (`3,5`). Every pattern here is linear: no nested quantifiers over the same characters.
 */
import { codePointWidth, LETTER, letterClasses, MARK, SPACE } from '../../util/letters.js'

export type TokenKind = 'word' | 'number' | 'punct'

export interface Token {
  readonly kind: TokenKind
  /** The characters, exactly `text.slice(start, end)`. */
  readonly text: string
  /** Lower case, typographic apostrophe as `'`, for matching against reference data. */
  readonly norm: string
  readonly start: number
  readonly end: number
}

// A number starts where no digit stands before it; thousands groups are exactly three digits.
const NUMBER = String.raw`(?<!\d)(?:\d{1,3}(?:[.\u00a0\u202f ]\d{3})+(?!\d)|\d+)(?:,\d+)?`
const WORD = String.raw`[\p{L}\p{M}]+(?:-[\p{L}\p{M}]+)*(?:['’](?=\p{L}))?`
const TOKEN = new RegExp(`(${NUMBER})|(${WORD})|([^\\s\\p{L}\\p{M}\\d])`, 'gu')

export const normalizeWord = (s: string): string => {
  const lower = s.toLowerCase()
  return lower.includes('’') ? lower.replace(/’/g, "'") : lower
}

// Numbers are matched where the scan stands (sticky); words, spaces and punctuation are read from the
// letter table of `util/letters.ts`: no match object per token.
const NUMBER_AT = new RegExp(NUMBER, 'uy')
const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u
const IS_LETTER = /^\p{L}$/u

/** Whether the code point at `i` is in `classes` (`[\p{L}\p{M}]` or `\p{L}` for an astral one). */
function isAt(t: Uint8Array, s: string, i: number, classes: number, astral: RegExp): boolean {
  if (i >= s.length) return false
  const u = s.charCodeAt(i)
  if (u < 0xd800 || u > 0xdfff) return (t[u]! & classes) !== 0
  return codePointWidth(s, i) === 2 && astral.test(s.slice(i, i + 2))
}

/** UTF-16 end of the run of letters and marks from `i`. */
function lettersFrom(t: Uint8Array, s: string, i: number): number {
  let k = i
  while (isAt(t, s, k, LETTER | MARK, LETTER_OR_MARK)) k += codePointWidth(s, k)
  return k
}

/**
 * Tokens of `text` between `start` and `end` (UTF-16), offsets relative to the whole text: the tokens
 * of `TOKEN` (`tokenizeByPattern`), as a test checks.
 */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const t = letterClasses()
  const piece = text.slice(start, end)
  const n = piece.length
  const out: Token[] = []
  let at = 0
  for (;;) {
    while (at < n && (t[piece.charCodeAt(at)]! & SPACE) !== 0) at++
    if (at >= n) break
    const from = at
    const c = piece.charCodeAt(from)
    let kind: TokenKind = 'punct'
    NUMBER_AT.lastIndex = from
    if (c >= 0x30 && c <= 0x39 && NUMBER_AT.test(piece)) {
      kind = 'number'
      at = NUMBER_AT.lastIndex
    } else if (isAt(t, piece, from, LETTER | MARK, LETTER_OR_MARK)) {
      // `[\p{L}\p{M}]+(?:-[\p{L}\p{M}]+)*(?:['’](?=\p{L}))?`
      kind = 'word'
      at = lettersFrom(t, piece, from)
      while (piece.charCodeAt(at) === 0x2d && isAt(t, piece, at + 1, LETTER | MARK, LETTER_OR_MARK))
        at = lettersFrom(t, piece, at + 1)
      const q = piece.charCodeAt(at)
      if ((q === 0x27 || q === 0x2019) && isAt(t, piece, at + 1, LETTER, IS_LETTER)) at++
    } else {
      // any other character is punctuation, a whole code point (`[^\s\p{L}\p{M}\d]` under `u`)
      at = from + codePointWidth(piece, from)
    }
    const w = piece.slice(from, at)
    out.push({ kind, text: w, norm: normalizeWord(w), start: start + from, end: start + at })
  }
  return out
}

/** The tokens the one pattern gives (`tokenize` must give the same: see its test). */
export function tokenizeByPattern(text: string, start = 0, end = text.length): Token[] {
  const piece = text.slice(start, end)
  const out: Token[] = []
  TOKEN.lastIndex = 0
  for (let m = TOKEN.exec(piece); m !== null; m = TOKEN.exec(piece)) {
    const kind: TokenKind = m[1] !== undefined ? 'number' : m[2] !== undefined ? 'word' : 'punct'
    out.push({
      kind,
      text: m[0],
      norm: normalizeWord(m[0]),
      start: start + m.index,
      end: start + m.index + m[0].length,
    })
  }
  return out
}

/** The token sequence of a phrase from reference data, as normalized words (`s'est rendu` → `s'`, `est`, `rendu`). */
export const phraseWords = (phrase: string): string[] =>
  normalizeWord(phrase)
    .split(/\s+/)
    .flatMap((chunk) => chunk.split(/(?<=')/))
    .filter((w) => w.length > 0)

/** Whether the tokens from `i` on spell `words`. */
export function matchesAt(tokens: readonly Token[], i: number, words: readonly string[]): boolean {
  if (i < 0 || i + words.length > tokens.length) return false
  for (let k = 0; k < words.length; k++) if (tokens[i + k]!.norm !== words[k]) return false
  return true
}

/** The longest of `phrases` (each a word list) spelled from token `i`, as its length in tokens, or 0. */
export function longestAt(
  tokens: readonly Token[],
  i: number,
  phrases: readonly (readonly string[])[],
): number {
  let best = 0
  for (const p of phrases) if (p.length > best && matchesAt(tokens, i, p)) best = p.length
  return best
}

/** Phrases indexed by their first word, longest first, so that a lookup at a token is a small scan. */
export function phraseIndex(phrases: Iterable<string>): ReadonlyMap<string, readonly (readonly string[])[]> {
  const index = new Map<string, string[][]>()
  for (const p of phrases) {
    const words = phraseWords(p)
    const first = words[0]
    if (first === undefined) continue
    const list = index.get(first) ?? []
    list.push(words)
    index.set(first, list)
  }
  for (const list of index.values()) list.sort((a, b) => b.length - a.length)
  return index
}

/** The longest indexed phrase starting at token `i`, as its length in tokens, or 0. */
export function phraseAt(
  tokens: readonly Token[],
  i: number,
  index: ReadonlyMap<string, readonly (readonly string[])[]>,
): number {
  const t = tokens[i]
  if (!t) return 0
  const list = index.get(t.norm)
  if (!list) return 0
  for (const p of list) if (matchesAt(tokens, i, p)) return p.length
  return 0
}

/** The longest indexed phrase ending at token `i` (inclusive), as its length in tokens, or 0. */
export function phraseEndingAt(
  tokens: readonly Token[],
  i: number,
  index: ReadonlyMap<string, readonly (readonly string[])[]>,
  maxLength = 6,
): number {
  for (let len = Math.min(maxLength, i + 1); len >= 1; len--) {
    const at = i - len + 1
    const list = index.get(tokens[at]!.norm)
    if (list?.some((p) => p.length === len && matchesAt(tokens, at, p))) return len
  }
  return 0
}
