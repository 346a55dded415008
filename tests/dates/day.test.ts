import { describe, expect, it } from 'vitest'
import {
  covering,
  dayOfWeek,
  daysBetween,
  mondayOf,
  parseIsoDay,
  saturdayBefore,
  shiftDays,
  shiftMonth,
} from '../../pipeline/dates/day.js'

const d = (s: string) => {
  const x = parseIsoDay(s)
  if (!x) throw new Error(s)
  return x
}

describe('day arithmetic', () => {
  it('crosses months, years and leap days', () => {
    expect(shiftDays(d('2022-01-01'), -1)).toEqual(d('2021-12-31'))
    expect(shiftDays(d('2024-02-28'), 1)).toEqual(d('2024-02-29'))
    expect(shiftDays(d('2024-03-31'), 1)).toEqual(d('2024-04-01'))
    expect(daysBetween(d('2024-07-18'), d('2024-08-01'))).toBe(14)
  })
  it('knows weekdays, Mondays and Saturdays', () => {
    expect(dayOfWeek(d('2024-08-01'))).toBe(4)
    expect(mondayOf(d('2024-08-04'))).toEqual(d('2024-07-29'))
    expect(saturdayBefore(d('2024-08-01'))).toEqual(d('2024-07-27'))
  })
  it('shifts months across years', () => {
    expect(shiftMonth(d('2024-01-31'), -1)).toEqual({ year: 2023, month: 12 })
  })
  it('covers a period with the narrowest partial date', () => {
    expect(covering(d('2024-07-22'), d('2024-07-28'))).toEqual({ year: 2024, month: 7 })
    expect(covering(d('2024-07-29'), d('2024-08-04'))).toEqual({ year: 2024 })
    expect(covering(d('2024-12-30'), d('2025-01-05'))).toBeNull()
  })
  it('parses only full days', () => {
    expect(parseIsoDay('2024-08')).toBeNull()
    expect(parseIsoDay('2023-02-29')).toBeNull()
  })
})
