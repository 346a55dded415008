/**
 * Readings counted from the day of writing (`hier`, `mardi`, `la semaine dernière`, `il y a trois ans`)
 * to a partial date. The value is never finer than what the words say:
 *  - days (`hier`, `il y a trois jours`, a weekday, a weekend's Saturday) → the day;
 *  - weeks (`la semaine dernière`, `il y a deux semaines`) → the Monday-to-Sunday week holding the day,
 *    given as the month, or the year, that holds all of it (see `covering`): a week is not a day;
 *  - months → the month; years → the year.
 */

import {
  covering,
  type Day,
  dayOfWeek,
  mondayOf,
  saturdayAfter,
  saturdayBefore,
  shiftDays,
  shiftMonth,
  shiftMonthsKeepingDay,
} from '../../dates/day.js'
import type { PartialDate } from '../../types.js'
import type { Unit } from './lexicon.js'
import type { Direction, Tense, WeekdayReading } from './readings.js'

const SATURDAY = 6
const SUNDAY = 0

export function resolveShift(unit: Unit, amount: number, anchor: Day): PartialDate | null {
  switch (unit) {
    case 'hour':
      // `il y a trois heures` may cross midnight: no day is certain.
      return null
    case 'day':
      return shiftDays(anchor, amount)
    case 'week': {
      const monday = mondayOf(shiftDays(anchor, 7 * amount))
      return covering(monday, shiftDays(monday, 6))
    }
    case 'month':
      return shiftMonth(anchor, amount)
    case 'year':
      return { year: anchor.year + amount }
  }
}

/**
 * `jeudi dernier`: the Thursday strictly before; `jeudi prochain`: strictly after; `jeudi`, `ce jeudi`:
 * the latest Thursday on or before the day of writing (news reports what happened), or the next one
 * on or after it when the clause is in the future (`se rendra jeudi`).
 */
export function resolveWeekday(r: WeekdayReading, anchor: Day, tense: Tense): Day {
  const today = dayOfWeek(anchor)
  const back = (today - r.weekday + 7) % 7
  const ahead = (r.weekday - today + 7) % 7
  if (r.direction === 'past') return shiftDays(anchor, -(back === 0 ? 7 : back))
  if (r.direction === 'future') return shiftDays(anchor, ahead === 0 ? 7 : ahead)
  return tense === 'future' ? shiftDays(anchor, ahead) : shiftDays(anchor, -back)
}

/**
 * A weekend is given by its Saturday (day precision). `le week-end dernier` is the last weekend that
 * is over: on a Sunday, the one before. `ce week-end` is the current one on a Saturday or Sunday;
 * otherwise the past one in a past clause, the coming one in a future clause, and without a cue the past
 * one early in the week (Monday to Wednesday) and the coming one from Thursday.
 */
export function resolveWeekend(direction: Direction, anchor: Day, tense: Tense): Day {
  const today = dayOfWeek(anchor)
  if (direction === 'past') {
    const saturday = saturdayBefore(anchor)
    return today === SUNDAY ? shiftDays(saturday, -7) : saturday
  }
  if (direction === 'future') return saturdayAfter(anchor)
  if (today === SATURDAY) return anchor
  if (today === SUNDAY) return shiftDays(anchor, -1)
  const past = tense === 'past' || (tense === null && today <= 3)
  return past ? saturdayBefore(anchor) : saturdayAfter(anchor)
}

/**
 * `il y a 1 an, 1 mois, 1 semaine et 1 jour`: years and months first (the day of the month kept, or the
 * month's last), then weeks and days; hours and minutes do not move the day. The value is as fine as the
 * finest calendar unit named: a day for days or weeks, else the month, else the year.
 */
export function resolveCompound(
  parts: readonly { unit: Unit; amount: number }[],
  anchor: Day,
): PartialDate | null {
  let months = 0
  let days = 0
  for (const p of parts) {
    if (p.unit === 'year') months += 12 * p.amount
    else if (p.unit === 'month') months += p.amount
    else if (p.unit === 'week') days += 7 * p.amount
    else if (p.unit === 'day') days += p.amount
  }
  const day = shiftDays(shiftMonthsKeepingDay(anchor, months), days)
  const units = new Set(parts.map((p) => p.unit))
  if (units.has('day') || units.has('week')) return day
  if (units.has('month')) return { year: day.year, month: day.month }
  return units.has('year') ? { year: day.year } : null
}
