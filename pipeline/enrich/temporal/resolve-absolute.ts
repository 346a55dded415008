/**
 * Calendar readings (`7 février 2023`, `le 30 septembre dernier`, `en juin`) to a partial date.
 * With a year, the text fixes the date alone. Without one, the year is the one that puts the date
 *  - strictly before the day of writing for `dernier` (`le 30 septembre dernier`, `septembre dernier`),
 *  - strictly after it for `prochain`,
 *  - on or before it when the clause is in the past (`a annoncé en juin`), on or after in the future,
 *  - otherwise nearest to it, a distance into the future counting double: news reports mostly look
 *    back (`le 15 décembre` in a January article is last December) but also announce what comes
 *    shortly (`le 3 août` in an article of 1 August is two days later).
 * A weekday given with the day and month (`jeudi 11 novembre`) keeps only the years where it fits; when
 * it fits none, the day and month decide alone (the caller flags the mismatch). A date that is not real
 * in the year it would fall in (`29 février` nearest to a common year) is no date.
 * A day without its month (`jeudi 14`) is looked for in the months around the day of writing, on the
 * weekday the text gives.
 */

import { isRealDate } from '../../dates/calendar.js'
import { type Day, dayOfWeek, daysBetween, makeDay, monthIndex } from '../../dates/day.js'
import type { PartialDate } from '../../types.js'
import type { CalendarReading, Direction, Tense } from './readings.js'

/** How far from the day of writing a year-less date is looked for: the year before to the year after. */
const YEARS_AROUND = [-1, 0, 1] as const
const FUTURE_WEIGHT = 2
/** How far, in days, a weekday may move a year-less date from the day of writing. */
const WEEKDAY_REACH = 200

interface Candidate {
  readonly date: PartialDate
  /** Signed distance from the day of writing, in days (with a day) or months (a month alone). */
  readonly distance: number
  /** False for a day its year does not have (29 February of a common year): chosen, it gives no date. */
  readonly real?: boolean
}

/** The candidate the direction, the tense, or nearness picks; null when none fits. */
export function pick(
  candidates: readonly Candidate[],
  direction: Direction,
  tense: Tense,
): PartialDate | null {
  const chosen = pickCandidate(candidates, direction, tense)
  return chosen && chosen.real !== false ? chosen.date : null
}

function pickCandidate(
  candidates: readonly Candidate[],
  direction: Direction,
  tense: Tense,
): Candidate | null {
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
  return chosen ?? null
}

export function resolveCalendar(r: CalendarReading, anchor: Day | null, tense: Tense): PartialDate | null {
  if (r.year !== null) {
    if (r.month === null) return { year: r.year }
    if (r.day === null) return isRealDate(r.year, r.month) ? { year: r.year, month: r.month } : null
    return isRealDate(r.year, r.month, r.day) ? { year: r.year, month: r.month, day: r.day } : null
  }
  if (anchor === null) return null
  if (r.month === null)
    return r.day === null || r.weekday === null ? null : dayOfWeekday(r.day, r.weekday, anchor)
  const month = r.month
  const candidates: Candidate[] = []
  const offWeekday: Candidate[] = []
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
    if (day === null) {
      // Placed where the day would be (the first of the next month), to be refused if chosen.
      const after = makeDay(year, month + 1, 1) ?? makeDay(year + 1, 1, 1)!
      candidates.push({ date: after, distance: daysBetween(anchor, after), real: false })
      continue
    }
    const c = { date: day, distance: daysBetween(anchor, day) }
    // A weekday picks the year only among dates near the day of writing: a year-less date a year away
    // is a slip of the weekday, not another year (`dimanche 23 octobre` in late October 2023).
    if (r.weekday !== null && (dayOfWeek(day) !== r.weekday || Math.abs(c.distance) > WEEKDAY_REACH))
      offWeekday.push(c)
    else candidates.push(c)
  }
  const fitting = candidates.some((c) => c.real !== false) ? candidates : [...candidates, ...offWeekday]
  return pick(fitting, r.direction, tense)
}

/** `jeudi 14`: the 14th nearest the day of writing (the month before, its own or the next) that is a Thursday. */
function dayOfWeekday(dayOfMonth: number, weekday: number, anchor: Day): PartialDate | null {
  let best: Day | null = null
  for (const offset of [-2, -1, 0, 1]) {
    const m = anchor.month + offset
    const [year, month] =
      m < 1 ? [anchor.year - 1, m + 12] : m > 12 ? [anchor.year + 1, m - 12] : [anchor.year, m]
    const day = makeDay(year, month, dayOfMonth)
    if (day === null || dayOfWeek(day) !== weekday) continue
    if (best === null || Math.abs(daysBetween(anchor, day)) < Math.abs(daysBetween(anchor, best))) best = day
  }
  return best
}
