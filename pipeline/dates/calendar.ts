/** Calendar arithmetic on partial dates (year, year-month, or full day), with date-fns. */
import { endOfMonth, isValid } from 'date-fns'
import type { PartialDate, Precision } from '../types.js'

const pad = (n: number, w = 2) => String(n).padStart(w, '0')

/** A real calendar day: rejects 31 April, 29 February of common years, month 13. */
export function isRealDate(year: number, month?: number, day?: number): boolean {
  if (!Number.isInteger(year) || year < 1000 || year > 2999) return false
  if (month === undefined) return day === undefined
  if (!Number.isInteger(month) || month < 1 || month > 12) return false
  if (day === undefined) return true
  const d = new Date(Date.UTC(year, month - 1, day))
  return isValid(d) && d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day
}

export const precisionOf = (d: PartialDate): Precision =>
  d.day !== undefined ? 'day' : d.month !== undefined ? 'month' : 'year'

/** ISO 8601 at the date's own precision: `2021`, `2021-12`, `2021-12-07`. */
export function formatPartial(d: PartialDate): string {
  if (d.month === undefined) return pad(d.year, 4)
  if (d.day === undefined) return `${pad(d.year, 4)}-${pad(d.month)}`
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`
}

export function parseIsoPartial(s: string): PartialDate | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s)
  if (!m) return null
  const year = Number(m[1])
  const month = m[2] === undefined ? undefined : Number(m[2])
  const day = m[3] === undefined ? undefined : Number(m[3])
  if (!isRealDate(year, month, day)) return null
  return month === undefined ? { year } : day === undefined ? { year, month } : { year, month, day }
}

/** First and last day of the period a partial date denotes, as `YYYY-MM-DD`. */
export function periodBounds(d: PartialDate): [string, string] {
  const m0 = d.month ?? 1
  const m1 = d.month ?? 12
  const lastDay = d.day ?? endOfMonth(new Date(d.year, m1 - 1, 1)).getDate()
  return [`${pad(d.year, 4)}-${pad(m0)}-${pad(d.day ?? 1)}`, `${pad(d.year, 4)}-${pad(m1)}-${pad(lastDay)}`]
}

/** Day of the week (0 = Sunday) of a full date, computed in UTC so that the machine's zone never matters. */
export const weekdayOf = (year: number, month: number, day: number): number =>
  new Date(Date.UTC(year, month - 1, day)).getUTCDay()

/** Compare two `YYYY-MM-DD` strings (lexicographic order is chronological). */
export const compareIsoDay = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
