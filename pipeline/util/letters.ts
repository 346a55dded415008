/**
 * Letter classes of UTF-16 code units (lower-case, capital, letter, number, mark, space), from a table
 * built once per thread from the Unicode properties the regular expressions use (`\p{Ll}`, `\p{Lu}`,
 * `\p{L}`, `\p{N}`, `\p{M}`, `\s`), so a hand-written scan agrees with them exactly. Units of astral characters (surrogates)
 * are no letter here: a scan over a text that has some must fall back to the regular expression
 * (`hasAstral`), or classify the pair itself (`countWords`).
 *
 * Used to find the few places where a costly pattern can match (`MappedText.replace`'s `seek`), instead
 * of letting the regular-expression engine try it at every position of every article, and to count
 * words.
 */
export const LOWER = 1
export const UPPER = 2
export const LETTER = 4
/** A number (`\p{N}`: digits, `²`, `½`), which is no letter. */
export const NUMBER = 8
/** A combining mark (`\p{M}`: the accent of a decomposed `é`). */
export const MARK = 16
/** White space as `\s` matches it under the `u` flag (no-break spaces included). */
export const SPACE = 32

let table: Uint8Array | null = null

export function letterClasses(): Uint8Array {
  if (table) return table
  const t = new Uint8Array(0x10000)
  const lower = /\p{Ll}/u
  const upper = /\p{Lu}/u
  const letter = /\p{L}/u
  const number = /\p{N}/u
  const mark = /\p{M}/u
  const space = /\s/u
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue
    const ch = String.fromCharCode(c)
    if (number.test(ch)) t[c] = NUMBER
    else if (mark.test(ch)) t[c] = MARK
    else if (space.test(ch)) t[c] = SPACE
    else if (letter.test(ch)) t[c] = LETTER | (lower.test(ch) ? LOWER : 0) | (upper.test(ch) ? UPPER : 0)
  }
  table = t
  return t
}

/** Neither letter nor number (`wordClassAt`). */
export const OTHER = 0
const LETTER_OR_NUMBER = LETTER | NUMBER
const IS_LETTER = /^\p{L}$/u
const IS_NUMBER = /^\p{N}$/u

/**
 * The class of the code point at `i` of `text`: LETTER, NUMBER or OTHER (a lone surrogate is OTHER);
 * `classes` is `letterClasses()`, and an astral character is classified by its own pattern.
 */
export function wordClassAt(classes: Uint8Array, text: string, i: number): number {
  const u = text.charCodeAt(i)
  if (u >= 0xd800 && u <= 0xdbff && i + 1 < text.length) {
    const v = text.charCodeAt(i + 1)
    if (v >= 0xdc00 && v <= 0xdfff) {
      const c = text.slice(i, i + 2)
      return IS_LETTER.test(c) ? LETTER : IS_NUMBER.test(c) ? NUMBER : OTHER
    }
  }
  return classes[u]! & LETTER_OR_NUMBER
}

/** UTF-16 units of the code point at `i`. */
export const codePointWidth = (text: string, i: number): number => {
  const u = text.charCodeAt(i)
  if (u < 0xd800 || u > 0xdbff || i + 1 >= text.length) return 1
  const v = text.charCodeAt(i + 1)
  return v >= 0xdc00 && v <= 0xdfff ? 2 : 1
}

/** Whether a text holds any surrogate (an astral character, or a lone surrogate). */
export const hasAstral = (text: string): boolean => /[\ud800-\udfff]/.test(text)

/**
 * The start of the next maximal run of letters (`\p{L}+`) that begins at or after `from` and holds a
 * lower-case letter directly followed by a capital (`pèreMoscou`, `SaNGaRé`), or -1. Only valid on a
 * text without astral characters.
 */
export function nextCaseChangeRun(text: string, from: number): number {
  const cls = letterClasses()
  const n = text.length
  for (let i = from + 1; i < n; i++) {
    if ((cls[text.charCodeAt(i)]! & UPPER) === 0 || (cls[text.charCodeAt(i - 1)]! & LOWER) === 0) continue
    let s = i - 1
    while (s > 0 && (cls[text.charCodeAt(s - 1)]! & LETTER) !== 0) s--
    if (s >= from) return s
    // the run began before `from`: go past it
    while (i + 1 < n && (cls[text.charCodeAt(i + 1)]! & LETTER) !== 0) i++
  }
  return -1
}
