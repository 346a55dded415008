/**
 * Letter classes of UTF-16 code units (lower-case, capital, letter), from a table built once per
 * thread from the Unicode properties the regular expressions use (`\p{Ll}`, `\p{Lu}`, `\p{L}`), so a
 * hand-written scan agrees with them exactly. Units of astral characters (surrogates) are no letter
 * here: a scan over a text that has some must fall back to the regular expression (`hasAstral`).
 *
 * Used to find the few places where a costly pattern can match (`MappedText.replace`'s `seek`), instead
 * of letting the regular-expression engine try it at every position of every article.
 */
export const LOWER = 1
export const UPPER = 2
export const LETTER = 4

let table: Uint8Array | null = null

export function letterClasses(): Uint8Array {
  if (table) return table
  const t = new Uint8Array(0x10000)
  const lower = /\p{Ll}/u
  const upper = /\p{Lu}/u
  const letter = /\p{L}/u
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue
    const ch = String.fromCharCode(c)
    if (!letter.test(ch)) continue
    t[c] = LETTER | (lower.test(ch) ? LOWER : 0) | (upper.test(ch) ? UPPER : 0)
  }
  table = t
  return t
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
