/**
 * Repair of sentences and intertitles glued together when an article was copied from a web page:
 * `Bamako.Lors` → `Bamako. Lors`, `M.Diop` → `M. Diop`, and an intertitle run into the next sentence,
 * `…militaire.Moscou dément tout lien … privéesÉvoquant les…` → `…militaire.` / `Moscou dément … privées` /
 * `Évoquant les…` as separate paragraphs.
 */
import type { MappedText } from '../util/mapped-text.js'
import { CAMEL_CASE_WORDS } from './reference-words.js'

/** An intertitle glued at both ends: after a sentence's final mark, before the next sentence's capital. */
const INTERTITLE_BOTH = /([.!?»"”])(\p{Lu}[^.!?\n«»"“”]{2,160}?\p{Ll}{3})(\p{Lu}\p{Ll}+)(?=[\s,;:'’]|$)/gu
/** A lower-case word run straight into a capitalised one: the end of an intertitle, or of a paragraph. */
const LOWER_UPPER = /(\p{L}*\p{Ll}{3})(\p{Lu}\p{Ll}+)(?=[\s,;:'’]|$)/gu
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

export function repairGlued(input: MappedText): GlueResult {
  let repaired = 0
  let t = input.replace(INTERTITLE_BOTH, (m) => {
    const [, mark, title, next] = m as unknown as [string, string, string, string]
    if (isCamel(title, next)) return m[0]
    repaired++
    return `${mark}\n\n${title}\n\n${next}`
  })
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
