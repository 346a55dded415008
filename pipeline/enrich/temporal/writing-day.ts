/**
 * The day of writing, when the publication date is known only to the month or the year, or not at all.
 * A news text names it: `ce samedi 23 juillet`, `mardi 30 juillet 2024`, `26 sept. 2021` in a dateline.
 * It is taken as the latest day the text names in full (day and month, from the French calendar words
 * or figures) that lies within the publication period; with no publication date, only days given with
 * their year count. Days announced as coming (`le 30 juillet prochain`), deadlines (`avant le 28 avril`,
 * `à partir du 5 mai`) and days written in English (an embedded post, `March 1, 2022`) are not the day of
 * writing.
 * Relative expressions (`hier`, `samedi`, `la veille`) are then resolved against it (anchor
 * `expression`): the first-level values (from the publication date) are kept where they exist.
 */

import { formatPartial } from '../../dates/calendar.js'
import { type Day, parseIsoDay } from '../../dates/day.js'
import type { PartialDate } from '../../types.js'
import type { Published } from '../document/published.js'
import type { Reading } from './readings.js'

/** A deadline or a start before a date: `avant le`, `d'ici au`, `au plus tard le`, `à partir du`, `dès le`. */
const BOUND = /(?:avant|d['’]ici|plus\s{1,3}tard|partir|dès)\s{0,3}(?:le|la|au|du|à)?\s{0,3}$/iu

export interface Candidate {
  readonly reading: Reading
  readonly value: PartialDate | null
  /** A few characters of text before the expression. */
  readonly before: string
}

export function writingDay(candidates: readonly Candidate[], published: Published | null): Day | null {
  let best: string | null = null
  for (const { reading: r, value: v, before } of candidates) {
    if (r.type !== 'calendar' || r.day === null || r.foreign || r.direction === 'future') continue
    if (BOUND.test(before)) continue
    if (v?.day === undefined) continue
    if (published === null && r.year === null) continue
    const iso = formatPartial(v)
    if (published !== null && (iso < published.min || iso > published.max)) continue
    if (best === null || iso > best) best = iso
  }
  return best === null ? null : parseIsoDay(best)
}
