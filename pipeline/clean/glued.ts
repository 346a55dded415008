/**
 * Repair of sentences and intertitles glued together when an article was copied from a web page:
 * `Bamako.Lors` → `Bamako. Lors`, `M.Diop` → `M. Diop`, and an intertitle run into the next sentence,
 * `…militaire.Moscou dément tout lien … privéesÉvoquant les…` → `…militaire.` / `Moscou dément … privées` /
 * `Évoquant les…` as separate paragraphs.
 */
import { hasAstral, letterClasses, nextCaseChangeRun, UPPER } from '../util/letters.js'
import { MappedText } from '../util/mapped-text.js'
import { CAMEL_CASE_WORDS } from './reference-words.js'

/** An intertitle glued at both ends: after a sentence's final mark, before the next sentence's capital. */
const INTERTITLE_BOTH = /([.!?»"”])(\p{Lu}[^.!?\n«»"“”]{2,160}?\p{Ll}{3})(\p{Lu}\p{Ll}+)(?=[\s,;:'’]|$)/gu
/**
 * A lower-case word run straight into a capitalised one: the end of an intertitle, or of a paragraph.
 * The match starts only at the start of a word (`(?<!\p{L})`): without it the engine retried the
 * leading `\p{L}*` from every letter of a long word, quadratic on a 200,000-letter line.
 */
export const LOWER_UPPER = /(?<!\p{L})(\p{L}*\p{Ll}{3})(\p{Lu}\p{Ll}+)(?=[\s,;:'’]|$)/gu
const TITLE_ABBR = /\b(M|MM|Mme|Mmes|Mlle|Mgr|Dr|Pr|Me|St|Ste)\.(?=\p{Lu})/gu
export const SENTENCE_GLUE = /(\p{Ll}{2}|\p{Ll}[»"”)]|\d[»"”)]?)([.!?]|\.\.\.|…)(?=[\p{Lu}«"“])/gu

/**
 * Where `SENTENCE_GLUE` may match from `from` on: a sentence mark directly followed by a capital or an
 * opening quote, at `c`, lets a match start at `c - 5` (`ab...L`) to `c - 2` (`1.L`).
 */
export function nextGlue(text: string, from: number): number {
  const cls = letterClasses()
  for (let c = from + 2; c < text.length; c++) {
    const next = text.charCodeAt(c)
    if ((cls[next]! & UPPER) === 0 && next !== 0xab && next !== 0x22 && next !== 0x201c) continue
    const mark = text.charCodeAt(c - 1)
    if (mark === 0x2e || mark === 0x21 || mark === 0x3f || mark === 0x2026) return Math.max(from, c - 5)
  }
  return -1
}

const isCamel = (left: string, right: string): boolean => {
  for (const w of CAMEL_CASE_WORDS) {
    const at = w.indexOf(right)
    if (at > 0 && left.endsWith(w.slice(0, at))) return true
  }
  return false
}

export interface GlueResult {
  readonly text: MappedText
  readonly repaired: number
}

/**
 * Cuts a text at the given offsets (ascending), with a blank line at each cut. Built from slices, so
 * every original unit keeps its own span (a replacement that changes a match's length would map each
 * unit of the changed part to the span of the whole part: `Moscou` to a whole intertitle).
 */
function cutAt(t: MappedText, cuts: readonly number[]): MappedText {
  const parts: MappedText[] = []
  let last = 0
  for (const c of cuts) {
    parts.push(t.slice(last, c))
    last = c
  }
  parts.push(t.slice(last, t.length))
  return MappedText.join(parts, '\n\n')
}

export function repairGlued(input: MappedText): GlueResult {
  let repaired = 0
  const cuts: number[] = []
  INTERTITLE_BOTH.lastIndex = 0
  for (let m = INTERTITLE_BOTH.exec(input.text); m !== null; m = INTERTITLE_BOTH.exec(input.text)) {
    const [, mark, title, next] = m as unknown as [string, string, string, string]
    if (isCamel(title, next)) continue
    repaired++
    const at = m.index + mark.length
    cuts.push(at, at + title.length)
  }
  let t = cuts.length > 0 ? cutAt(input, cuts) : input
  // the costly patterns are tried only where they can match (exact only without astral characters)
  const plain = !hasAstral(t.text)
  t = t.replace(
    LOWER_UPPER,
    (m) => {
      const [, left, right] = m as unknown as [string, string, string]
      if (isCamel(left, right)) return m[0]
      repaired++
      return `${left}\n\n${right}`
    },
    plain ? nextCaseChangeRun : undefined,
  )
  t = t.replace(TITLE_ABBR, (m) => {
    repaired++
    return `${m[1]}. `
  })
  t = t.replace(
    SENTENCE_GLUE,
    (m) => {
      repaired++
      return `${m[1]}${m[2]} `
    },
    plain ? nextGlue : undefined,
  )
  return { text: t, repaired }
}
