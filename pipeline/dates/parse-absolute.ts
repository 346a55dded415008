/**
 * Parsing of one explicit French date written out in full, as found in header lines:
 * `mardi 24 septembre 2024`, `1er août 2024`, `24/09/2024`, `11.11.2021`, `2024-09-24`, `septembre 2024`.
 */
import type { PartialDate } from '../types.js'
import { isRealDate } from './calendar.js'
import { MONTH_RE, monthNumber, WEEKDAY_RE, weekdayNumber } from './french-words.js'

export interface ParsedDate extends PartialDate {
  readonly weekday?: number
}

const WORDY = new RegExp(
  `^(?:(${WEEKDAY_RE})\\s+)?(?:(\\d{1,2})(?:er|e)?\\s+)?(${MONTH_RE})\\.?\\s+(\\d{4})\\b`,
  'iu',
)
const NUMERIC = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})\b/
const ISO = /^(\d{4})-(\d{2})-(\d{2})\b/

export function parseAbsoluteDate(input: string): ParsedDate | null {
  const s = input.trim()
  let m = ISO.exec(s)
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
    return isRealDate(y, mo, d) ? { year: y, month: mo, day: d } : null
  }
  m = NUMERIC.exec(s)
  if (m) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])]
    return isRealDate(y, mo, d) ? { year: y, month: mo, day: d } : null
  }
  m = WORDY.exec(s)
  if (m) {
    const month = monthNumber(m[3]!)
    const year = Number(m[4])
    if (month === undefined) return null
    const weekday = m[1] ? weekdayNumber(m[1]) : undefined
    if (m[2] === undefined) return isRealDate(year, month) ? { year, month } : null
    const day = Number(m[2])
    if (!isRealDate(year, month, day)) return null
    return weekday === undefined ? { year, month, day } : { year, month, day, weekday }
  }
  return null
}
