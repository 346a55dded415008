/**
 * Repair of obvious casing accidents: a word with random case flips (`SaNGaRé` → `Sangaré`), and a
 * sentence or paragraph that starts in lower case (`. dans une vidéo` → `. Dans une vidéo`).
 * Names written in lower case (`sergueï Lavrov`) are left as they are: entity linking reads them.
 */
import { hasAstral, nextCaseChangeRun } from '../util/letters.js'
import type { MappedText } from '../util/mapped-text.js'
import { CAMEL_CASE_WORDS } from './reference-words.js'

/**
 * A word (a whole run of letters) in which a lower-case letter is followed by a capital: only such a
 * word can have the four case flips of an accident, so the others are not even visited (testing every
 * word of five letters or more cost a callback each).
 */
export const FLIPPED_WORD = /(?<!\p{L})\p{L}*\p{Ll}\p{Lu}\p{L}*/gu
const SENTENCE_START = /(^|\n|[.!?…]\s)(\p{Ll})(?=\p{Ll}+[\s,;:])/gu
// lower-case starts after these are normal (`etc. ou`, `M. de Villepin`)
const NO_CAP_AFTER = /\b(?:etc|cf|p|pp|env|av|apr|J\.-C|M|Mme|MM|Dr|Pr|St|n°|art|al)\.\s$/u

function flips(w: string): number {
  let n = 0
  let prevUpper: boolean | null = null
  for (const ch of w) {
    const up = ch !== ch.toLowerCase()
    if (prevUpper !== null && up !== prevUpper) n++
    prevUpper = up
  }
  return n
}

export interface CasingResult {
  readonly text: MappedText
  readonly repaired: number
}

export function repairCasing(input: MappedText): CasingResult {
  let repaired = 0
  let t = input.replace(
    FLIPPED_WORD,
    (m) => {
      const w = m[0]
      if (w.length < 5 || w === w.toUpperCase() || CAMEL_CASE_WORDS.has(w) || flips(w) < 4) return w
      repaired++
      return w[0]!.toUpperCase() + w.slice(1).toLowerCase()
    },
    // tried only at the words where a capital follows a lower-case letter (exact without astral characters)
    hasAstral(input.text) ? undefined : nextCaseChangeRun,
  )
  t = t.replace(SENTENCE_START, (m) => {
    const before = t.text.slice(Math.max(0, m.index - 8), m.index + m[1]!.length)
    if (NO_CAP_AFTER.test(before)) return m[0]
    repaired++
    return `${m[1]}${m[2]!.toUpperCase()}`
  })
  return { text: t, repaired }
}
