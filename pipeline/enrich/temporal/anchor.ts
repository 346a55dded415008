/**
 * Resolution against the publication date, which may be known only to the month or the year.
 * A relative expression gets a value only when every day the publication could fall on gives the same
 * one: with a publication in December 2021, `le 30 septembre dernier` is 2021-09-30 whatever the day,
 * but `mardi` could be any of four Tuesdays and stays null. Checking the first and last day of the
 * period is enough, as every resolver is monotonic in its anchor.
 */

import { formatPartial } from '../../dates/calendar.js'
import { type Day, parseIsoDay } from '../../dates/day.js'
import type { PartialDate } from '../../types.js'
import type { Published } from '../document/published.js'

export function againstPublished(
  published: Published | null,
  resolve: (anchor: Day) => PartialDate | null,
): PartialDate | null {
  if (published === null) return null
  const first = parseIsoDay(published.min)
  const last = parseIsoDay(published.max)
  if (first === null || last === null) return null
  const a = resolve(first)
  if (a === null || published.precision === 'day') return a
  const b = resolve(last)
  return b !== null && formatPartial(a) === formatPartial(b) ? a : null
}
