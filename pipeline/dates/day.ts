/**
 * Whole calendar days and the arithmetic on them, with date-fns.
 * A `Day` is a plain value (no clock, no time zone): it is turned into a local midnight `Date` only for
 * the length of one date-fns call, and date-fns's day arithmetic (`addDays`, `differenceInCalendarDays`)
 * counts calendar days, so daylight-saving changes of the machine's zone never shift a result.
 */
import {
  addDays,
  addMonths,
  differenceInCalendarDays,
  getDay,
  nextSaturday,
  previousSaturday,
  startOfISOWeek,
} from 'date-fns'
import type { PartialDate } from '../types.js'
import { isRealDate, parseIsoPartial } from './calendar.js'

export interface Day {
  readonly year: number
  readonly month: number
  readonly day: number
}

const toDate = (d: Day): Date => new Date(d.year, d.month - 1, d.day)
const fromDate = (x: Date): Day => ({ year: x.getFullYear(), month: x.getMonth() + 1, day: x.getDate() })

export const makeDay = (year: number, month: number, day: number): Day | null =>
  isRealDate(year, month, day) ? { year, month, day } : null

/** `2024-08-01` → a Day; null for anything else (partial dates included). */
export function parseIsoDay(s: string): Day | null {
  const p = parseIsoPartial(s)
  return p?.month !== undefined && p.day !== undefined ? { year: p.year, month: p.month, day: p.day } : null
}

export const shiftDays = (d: Day, n: number): Day => fromDate(addDays(toDate(d), n))
/** Number of calendar days from `a` to `b` (positive when `b` is later). */
export const daysBetween = (a: Day, b: Day): number => differenceInCalendarDays(toDate(b), toDate(a))
/** 0 = Sunday … 6 = Saturday, as `Date.prototype.getDay`. */
export const dayOfWeek = (d: Day): number => getDay(toDate(d))
/** Monday of the day's week: French weeks start on Monday (ISO 8601). */
export const mondayOf = (d: Day): Day => fromDate(startOfISOWeek(toDate(d)))
/** The Saturday strictly before / strictly after the day. */
export const saturdayBefore = (d: Day): Day => fromDate(previousSaturday(toDate(d)))
export const saturdayAfter = (d: Day): Day => fromDate(nextSaturday(toDate(d)))

/** The year and month `n` months away from the day's month (the day itself is dropped). */
export function shiftMonth(d: Day, n: number): { year: number; month: number } {
  const x = addMonths(new Date(d.year, d.month - 1, 1), n)
  return { year: x.getFullYear(), month: x.getMonth() + 1 }
}

/** The same day `n` months away (the month's last day when it has fewer: 31 March − 1 month = 28 February). */
export const shiftMonthsKeepingDay = (d: Day, n: number): Day => fromDate(addMonths(toDate(d), n))

/** Months counted from year 0: makes month distances a subtraction. */
export const monthIndex = (year: number, month: number): number => year * 12 + (month - 1)

/**
 * The narrowest partial date holding every day from `from` to `to`: the day itself, their common month,
 * their common year, or null when the period straddles a new year (a week from 29 December).
 * This is how a week or a range is given a value without inventing a day.
 */
export function covering(from: Day, to: Day): PartialDate | null {
  if (from.year !== to.year) return null
  if (from.month !== to.month) return { year: from.year }
  if (from.day !== to.day) return { year: from.year, month: from.month }
  return { year: from.year, month: from.month, day: from.day }
}
