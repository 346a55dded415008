/**
 * Word count: runs of letters and digits, joined by inner hyphens or digit separators; an apostrophe
 * splits (`l’attaque` = 2). The count of the pattern
 * `[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+|(?<=\p{N})[.,]\p{N}+)*` (flags `gu`), found by a scan over character
 * codes with the letter table of `util/letters.ts` (a test checks it against the pattern).
 */
import { codePointWidth, letterClasses, NUMBER, OTHER, wordClassAt } from '../util/letters.js'

const HYPHEN = 0x2d
const DOT = 0x2e
const COMMA = 0x2c

export function countWords(text: string): number {
  const classes = letterClasses()
  const n = text.length
  let count = 0
  let i = 0
  while (i < n) {
    if (wordClassAt(classes, text, i) === OTHER) {
      i += codePointWidth(text, i)
      continue
    }
    count++
    // the first run of letters and digits
    let last = OTHER
    while (i < n) {
      const k = wordClassAt(classes, text, i)
      if (k === OTHER) break
      last = k
      i += codePointWidth(text, i)
    }
    // then any number of `-` + letters and digits, or (after a digit) `.`/`,` + digits
    for (;;) {
      const c = text.charCodeAt(i)
      if (i + 1 >= n) break
      if (c === HYPHEN && wordClassAt(classes, text, i + 1) !== OTHER) {
        i++
        while (i < n) {
          const k = wordClassAt(classes, text, i)
          if (k === OTHER) break
          last = k
          i += codePointWidth(text, i)
        }
      } else if (
        (c === DOT || c === COMMA) &&
        last === NUMBER &&
        wordClassAt(classes, text, i + 1) === NUMBER
      ) {
        i++
        while (i < n && wordClassAt(classes, text, i) === NUMBER) i += codePointWidth(text, i)
        last = NUMBER
      } else break
    }
  }
  return count
}
