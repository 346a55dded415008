/**
 * Word tokens and their comparison keys. Matching works on keys (accents, case and ligatures
 * folded) so that `sergueï Lavrov`, `Serguei LAVROV` and `Sergueï Lavrov` meet the same alias;
 * each token keeps its UTF-16 span so a match maps back to the exact characters of the text.
 */
import { codePointWidth, letterClasses, OTHER, wordClassAt } from '../../util/letters.js'

export interface Token {
  readonly start: number
  readonly end: number
  /** The characters of the token as written. */
  readonly raw: string
  /** Folded comparison key: no accents, lower case, ligatures expanded. */
  readonly key: string
}

/** Letters and digits; everything else (spaces, hyphens, apostrophes, punctuation) separates tokens. */
const WORD = /[\p{L}\p{N}]+/gu
const MARKS = /\p{M}/gu

/** Keys of the non-ASCII words met so far: words repeat, and NFD plus four replacements cost. */
const FOLDED = new Map<string, string>()
const FOLDED_MAX = 50_000

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false
  return true
}

/** Accent-, case- and ligature-insensitive key of a word or phrase. */
export function foldKey(s: string): string {
  if (isAscii(s)) return s.toLowerCase()
  let k = FOLDED.get(s)
  if (k === undefined) {
    k = s
      .normalize('NFD')
      .replace(MARKS, '')
      .toLowerCase()
      .replace(/œ/g, 'oe')
      .replace(/æ/g, 'ae')
      .replace(/ß/g, 'ss')
    // a bounded memo: cleared when full, so memory stays flat whatever the corpus
    if (FOLDED.size >= FOLDED_MAX) FOLDED.clear()
    FOLDED.set(s, k)
  }
  return k
}

/** Folds accents and ligatures but keeps case: what an `exact` alias is compared with. */
export function foldAccents(s: string): string {
  return s.normalize('NFD').replace(MARKS, '').replace(/œ/g, 'oe').replace(/Œ/g, 'OE')
}

/**
 * The words of `text` (maximal runs of letters and digits, `[\p{L}\p{N}]+`), found by a scan over
 * character codes with the letter table of `util/letters.ts` (a test checks it against the pattern).
 */
export function tokenize(text: string): Token[] {
  const classes = letterClasses()
  const out: Token[] = []
  const n = text.length
  let i = 0
  while (i < n) {
    if (wordClassAt(classes, text, i) === OTHER) {
      i += codePointWidth(text, i)
      continue
    }
    const start = i
    while (i < n && wordClassAt(classes, text, i) !== OTHER) i += codePointWidth(text, i)
    const raw = text.slice(start, i)
    out.push({ start, end: i, raw, key: foldKey(raw) })
  }
  return out
}

/** The keys of an alias, tokenised as the text is: `Côte-d'Ivoire` → `cote d ivoire`. */
export function aliasKeys(alias: string): string[] {
  return [...alias.matchAll(WORD)].map((m) => foldKey(m[0]))
}

/**
 * Whether two consecutive tokens of a multi-word name may be separated by `gap`: spaces (one line
 * break at most, since extraction may wrap lines), hyphens and apostrophes. A full stop, comma or
 * blank line ends a name, so `Mali. Burkina` never reads as one.
 */
export function joinableGap(gap: string): boolean {
  return joinableBetween(gap, 0, gap.length)
}

const JOINERS = " \t\u00a0\u202f-\u2010\u2011\u2013'\u2019"

/** `joinableGap` of `text.slice(from, to)`, without making the slice. */
export function joinableBetween(text: string, from: number, to: number): boolean {
  const n = to - from
  if (n <= 0 || n > 3) return n === 0
  let newlines = 0
  for (let k = from; k < to; k++) {
    const c = text[k]!
    if (c === '\n') newlines++
    else if (!JOINERS.includes(c)) return false
  }
  return newlines <= 1
}

const UPPER = /\p{Lu}/u
const LOWER = /\p{Ll}/u

export const hasUpper = (s: string): boolean => UPPER.test(s)
export const isCapitalized = (s: string): boolean => UPPER.test(s.charAt(0))
/** `FAMa`, `ONU`: a token with at least two capitals, or a single capital letter. */
export const isAllLower = (s: string): boolean => !UPPER.test(s) && LOWER.test(s)
