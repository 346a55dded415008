/**
 * Character-level normalisation of a whole input: line endings, control and invisible characters,
 * Unicode spaces, and NFC. Every step keeps the offset map (see `util/mapped-text.ts`).
 */
import type { MappedText } from '../util/mapped-text.js'

export interface NormalizeResult {
  readonly text: MappedText
  readonly removedControls: number
}

/** CRLF and lone CR become LF; form feeds, vertical tabs and Unicode line/paragraph separators too. */
export const foldLineEndings = (t: MappedText): MappedText =>
  t.replace(/\r\n?|[\f\v\u2028\u2029\u0085]/g, () => '\n')

// NUL, C0 and C1 controls (except tab and newline), zero-width characters, soft hyphens, stray BOMs
const INVISIBLE =
  /[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f\u00ad\u200b-\u200d\u2060\ufeff\ufffe]+/g

export function normalizeCharacters(input: MappedText): NormalizeResult {
  let removedControls = 0
  let t = foldLineEndings(input)
  t = t.replace(INVISIBLE, (m) => {
    if (/[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/.test(m[0])) removedControls += m[0].length
    return ''
  })
  // every Unicode space (no-break, narrow no-break, thin, ideographic…) and tab → one plain space; a
  // single plain space is not matched at all (matching it and giving it back cost a callback per word)
  t = t.replace(/[\t\p{Zs}]{2,}|(?! )[\t\p{Zs}]/gu, () => ' ')
  t = t.replace(/ {2,}/g, () => ' ')
  if (t.text.normalize('NFC') !== t.text) {
    t = t.replace(/\P{M}\p{M}+|[^\u0000-\u007f]/gu, (m) => m[0].normalize('NFC'))
  }
  // trailing and leading spaces on lines; at most one blank line
  t = t.replace(/ +\n|\n +/g, () => '\n')
  t = t.replace(/\n{3,}/g, () => '\n\n')
  return { text: t, removedControls }
}
