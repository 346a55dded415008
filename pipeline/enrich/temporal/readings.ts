/**
 * What a matched expression says, before it is placed on the calendar: the rules (`rules.ts`) turn a
 * match into a reading, the resolvers (`resolve-absolute.ts`, `resolve-relative.ts`) turn a reading and
 * the publication date into a value.
 */
import type { Unit } from './lexicon.js'

/** `dernier`/`passé` → past, `prochain` → future, none → decided by tense or nearness. */
export type Direction = 'past' | 'future' | null

/** Tense of the clause around an expression, from its verbs (`tense.ts`); null when nothing says. */
export type Tense = 'past' | 'future' | null

/** A date written with calendar names: `7 février 2023`, `le 30 septembre dernier`, `en juin`, `fin 2021`. */
export interface CalendarReading {
  readonly type: 'calendar'
  readonly year: number | null
  readonly month: number | null
  readonly day: number | null
  /** The weekday the text gives with the date (`mardi 7 février`), 0 = Sunday. */
  readonly weekday: number | null
  readonly direction: Direction
  /** Written in English (`March 1, 2022`): quoted material, never taken as the day of writing. */
  readonly foreign?: boolean
}

/** `mardi`, `ce jeudi`, `jeudi dernier`, `vendredi prochain`. */
export interface WeekdayReading {
  readonly type: 'weekday'
  readonly weekday: number
  readonly direction: Direction
}

/** `le week-end dernier`, `ce week-end`: resolved to its Saturday. */
export interface WeekendReading {
  readonly type: 'weekend'
  readonly direction: Direction
}

/**
 * A whole unit counted from the unit holding the day of writing: `hier` (day −1), `la semaine dernière`
 * (week −1), `cette année` (year 0), `il y a trois mois` (month −3).
 */
export interface ShiftReading {
  readonly type: 'shift'
  readonly unit: Unit
  readonly amount: number
}

/** `il y a 1 an, 1 mois et 1 semaine`, `dans 1 an 2 mois`: several units counted together. */
export interface CompoundShiftReading {
  readonly type: 'compound'
  readonly parts: readonly { readonly unit: Unit; readonly amount: number }[]
}

/**
 * `au lendemain de …`, `à la veille de …`, `le même jour`: a day counted from another expression (the
 * date that follows, else the last day named before).
 */
export interface NeighbourReading {
  readonly type: 'neighbour'
  readonly days: -1 | 0 | 1
}

/** `trois jours plus tard`, `un mois plus tôt`: a distance from the last day named before. */
export interface OffsetReading {
  readonly type: 'offset'
  readonly unit: Unit
  readonly amount: number
}

/** `le 16 mars, et …, le 22.`: a day of the month of the last day named before. */
export interface DayOfMonthReading {
  readonly type: 'dayOfMonth'
  readonly day: number
}

/** A length of time (`depuis trois ans`) or a vague distance (`il y a quelques jours`): no date. */
export interface UnvaluedReading {
  readonly type: 'duration' | 'vague'
}

export type Reading =
  | CalendarReading
  | WeekdayReading
  | WeekendReading
  | ShiftReading
  | CompoundShiftReading
  | NeighbourReading
  | OffsetReading
  | DayOfMonthReading
  | UnvaluedReading

/** The role of an expression, as published in the `kind` column. */
export type Kind = 'date' | 'range_start' | 'range_end' | 'duration'

/** One expression found in a match (a range gives two), with its span relative to the match. */
export interface Part {
  readonly start: number
  readonly end: number
  readonly reading: Reading
  readonly kind: Kind
  readonly confidence: number
  /** Why the text contradicts itself, when it does (a weekday that does not fit the date). */
  readonly warning?: string
}
