/**
 * Word, number and punctuation tokens of a stretch of French text, with UTF-16 offsets into the
 * whole text. Elided articles and pronouns stay tokens of their own (`l'`, `d'`, `s'`), so that
 * `l'attaque` is the trigger `attaque`; hyphenated compounds stay whole (`vingt-deux`, `a-t-il`).
 * Numbers in French notation keep their thousands separators (`2.500`, `5 100`, `5\u00a0100`) and
 * decimal comma (`3,5`). Every pattern here is linear: no nested quantifiers over the same characters.
 */

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

// The same alternatives, each tried where the scan stands (sticky): no match object per token.
const SPACE_AT = /\s*/uy
const NUMBER_AT = new RegExp(NUMBER, 'uy')
const WORD_AT = new RegExp(WORD, 'uy')

/** Tokens of `text` between `start` and `end` (UTF-16), offsets relative to the whole text. */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const piece = text.slice(start, end)
  const out: Token[] = []
  let at = 0
  for (;;) {
    SPACE_AT.lastIndex = at
    SPACE_AT.test(piece)
    const from = SPACE_AT.lastIndex
    if (from >= piece.length) break
    let kind: TokenKind
    NUMBER_AT.lastIndex = from
    if (NUMBER_AT.test(piece)) {
      kind = 'number'
      at = NUMBER_AT.lastIndex
    } else {
      WORD_AT.lastIndex = from
      if (WORD_AT.test(piece)) {
        kind = 'word'
        at = WORD_AT.lastIndex
      } else {
        // any other character is punctuation, a whole code point (`[^\s\p{L}\p{M}\d]` under `u`)
        kind = 'punct'
        at = from + (piece.codePointAt(from)! > 0xffff ? 2 : 1)
      }
    }
    const t = piece.slice(from, at)
    out.push({ kind, text: t, norm: normalizeWord(t), start: start + from, end: start + at })
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
