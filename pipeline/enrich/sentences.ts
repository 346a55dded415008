/**
 * Sentence segmentation for French news text. A sentence ends at a paragraph break, or at `.`, `!`, `?`
 * or `…` (with any closing quotes or brackets) followed by a space and a capital, an opening quote, a
 * digit or a dash — except after abbreviations (`M.`, `Mme.`, `art.`) and initials (`J. Dupont`).
 */
import type { Span } from '../types.js'

const ABBREVIATIONS = new Set([
  'M',
  'MM',
  'Mme',
  'Mmes',
  'Mlle',
  'Mgr',
  'Dr',
  'Pr',
  'Me',
  'St',
  'Ste',
  'av',
  'apr',
  'J.-C',
  'cf',
  'etc',
  'env',
  'art',
  'al',
  'p',
  'pp',
  'n°',
  'no',
  'vol',
  'éd',
  'coll',
  'gén',
  'col',
  'lt',
  'cdt',
  'sgt',
  'Gén',
  'Col',
  'Lt',
])
// a match may only start where a run of marks starts: otherwise 100,000 dots are retried from each one (quadratic)
const BOUNDARY = /(?<![.!?…])([.!?…]+)([»"”’)\]]*)(\s+)(?=[\p{Lu}«"“\d–—-])/gu

export function sentenceSpans(text: string): Span[] {
  const spans: Span[] = []
  let paraStart = 0
  const pushRange = (s: number, e: number) => {
    const piece = text.slice(s, e)
    const lead = piece.length - piece.trimStart().length
    const trail = piece.length - piece.trimEnd().length
    if (e - trail > s + lead) spans.push({ start: s + lead, end: e - trail })
  }
  const paragraphs = text.split('\n')
  for (const p of paragraphs) {
    const pEnd = paraStart + p.length
    let s = paraStart
    BOUNDARY.lastIndex = 0
    let m = BOUNDARY.exec(p)
    while (m !== null) {
      const markAt = paraStart + m.index
      // only the word before the mark matters: a bounded look-behind keeps this linear on 100,000 dots
      const before = text.slice(Math.max(s, markAt - 24), markAt)
      const word = /([\p{L}.°-]+)$/u.exec(before)?.[1] ?? ''
      const isAbbr = m[1] === '.' && (ABBREVIATIONS.has(word) || /^\p{Lu}$/u.test(word))
      if (!isAbbr) {
        const end = markAt + m[1]!.length + m[2]!.length
        pushRange(s, end)
        s = end + m[3]!.length
      }
      m = BOUNDARY.exec(p)
    }
    pushRange(s, pEnd)
    paraStart = pEnd + 1
  }
  return spans
}

/** Index of the sentence holding an offset (binary search); the last sentence before it when in a gap. */
export function sentenceIndexAt(spans: readonly Span[], offset: number): number {
  let lo = 0
  let hi = spans.length - 1
  let best = 0
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (spans[mid]!.start <= offset) {
      best = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  return best
}
