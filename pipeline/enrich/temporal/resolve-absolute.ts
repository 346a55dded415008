/**
 * Calendar readings (`7 février 2023`, `le 30 septembre dernier`, `en juin`) to a partial date.
 * With a year, the text fixes the date alone. Without one, the year is the one that puts the date
 *  - strictly before the day of writing for `dernier` (`le 30 septembre dernier`, `septembre dernier`),
 *  - strictly after it for `prochain`,
 *  - on or before it when the clause is in the past (`a annoncé en juin`), on or after in the future,
 *  - otherwise nearest to it, a distance into the future counting double: news reports mostly look
 *    back (`le 15 décembre` in a January article is last December) but also announce what comes
 *    shortly (`le 3 août` in an article of 1 August is two days later).
 * A weekday given with the day and month (`jeudi 11 novembre`) keeps only the years where it fits.
 */
import type { PartialDate } from '../../types.js'
import { isRealDate } from '../dates/calendar.js'
import { type Day, dayOfWeek, daysBetween, makeDay, monthIndex } from '../dates/day.js'
import type { CalendarReading, Direction, Tense } from './readings.js'

/** How far from the day of writing a year-less date is looked for: the year before to the year after. */
const YEARS_AROUND = [-1, 0, 1] as const
const FUTURE_WEIGHT = 2

interface Candidate {
  readonly date: PartialDate
  /** Signed distance from the day of writing, in days (with a day) or months (a month alone). */
  readonly distance: number
}

/** The candidate the direction, the tense, or nearness picks; null when none fits. */
export function pick(
  candidates: readonly Candidate[],
  direction: Direction,
  tense: Tense,
): PartialDate | null {
  const before = (strict: boolean) =>
    candidates
      .filter((c) => (strict ? c.distance < 0 : c.distance <= 0))
      .sort((a, b) => b.distance - a.distance)[0]
  const after = (strict: boolean) =>
    candidates
      .filter((c) => (strict ? c.distance > 0 : c.distance >= 0))
      .sort((a, b) => a.distance - b.distance)[0]
  const cost = (c: Candidate) => (c.distance < 0 ? -c.distance : c.distance * FUTURE_WEIGHT)
  const chosen =
    direction === 'past'
      ? before(true)
      : direction === 'future'
        ? after(true)
        : tense === 'past'
          ? before(false)
          : tense === 'future'
            ? after(false)
            : [...candidates].sort((a, b) => cost(a) - cost(b))[0]
  return chosen?.date ?? null
}

export function resolveCalendar(r: CalendarReading, anchor: Day | null, tense: Tense): PartialDate | null {
  if (r.year !== null) {
    if (r.month === null) return { year: r.year }
    if (r.day === null) return isRealDate(r.year, r.month) ? { year: r.year, month: r.month } : null
    return isRealDate(r.year, r.month, r.day) ? { year: r.year, month: r.month, day: r.day } : null
  }
  if (anchor === null || r.month === null) return null
  const month = r.month
  const candidates: Candidate[] = []
  for (const offset of YEARS_AROUND) {
    const year = anchor.year + offset
    if (r.day === null) {
      candidates.push({
        date: { year, month },
        distance: monthIndex(year, month) - monthIndex(anchor.year, anchor.month),
      })
      continue
    }
    const day = makeDay(year, month, r.day)
    if (day === null || (r.weekday !== null && dayOfWeek(day) !== r.weekday)) continue
    candidates.push({ date: day, distance: daysBetween(anchor, day) })
  }
  return pick(candidates, r.direction, tense)
}
