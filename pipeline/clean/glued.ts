/**
 * Repair of sentences and intertitles glued together when an article was copied from a web page:
 * `Bamako.Lors` → `Bamako. Lors`, `M.Diop` → `M. Diop`, and an intertitle run into the next sentence,
 * `…militaire.Moscou dément tout lien … privéesÉvoquant les…` → `…militaire.` / `Moscou dément … privées` /
 * `Évoquant les…` as separate paragraphs.
 */
import { MappedText } from '../util/mapped-text.js'
import { CAMEL_CASE_WORDS } from './reference-words.js'

/** An intertitle glued at both ends: after a sentence's final mark, before the next sentence's capital. */
const INTERTITLE_BOTH = /([.!?»"”])(\p{Lu}[^.!?\n«»"“”]{2,160}?\p{Ll}{3})(\p{Lu}\p{Ll}+)(?=[\s,;:'’]|$)/gu
/**
 * A lower-case word run straight into a capitalised one: the end of an intertitle, or of a paragraph.
 * The match starts only at the start of a word (`(?<!\p{L})`): without it the engine retried the
 * leading `\p{L}*` from every letter of a long word, quadratic on a 200,000-letter line.
 */
const LOWER_UPPER = /(?<!\p{L})(\p{L}*\p{Ll}{3})(\p{Lu}\p{Ll}+)(?=[\s,;:'’]|$)/gu
const TITLE_ABBR = /\b(M|MM|Mme|Mmes|Mlle|Mgr|Dr|Pr|Me|St|Ste)\.(?=\p{Lu})/gu
const SENTENCE_GLUE = /(\p{Ll}{2}|\p{Ll}[»"”)]|\d[»"”)]?)([.!?]|\.\.\.|…)(?=[\p{Lu}«"“])/gu

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
  t = t.replace(LOWER_UPPER, (m) => {
    const [, left, right] = m as unknown as [string, string, string]
    if (isCamel(left, right)) return m[0]
    repaired++
    return `${left}\n\n${right}`
  })
  t = t.replace(TITLE_ABBR, (m) => {
    repaired++
    return `${m[1]}. `
  })
  t = t.replace(SENTENCE_GLUE, (m) => {
    repaired++
    return `${m[1]}${m[2]} `
  })
  return { text: t, repaired }
}
