/**
 * The temporal rules, in priority order: where two rules match at the same place, the earlier wins, so
 * the most specific constructions come first (`mardi 7 février 2023` before `7 février` before `mardi`).
 * Each rule is a pattern (from `patterns.ts`) and a reader that turns its groups into readings.
 * Confidence is fixed per rule (the codebook lists it): how often the rule's matches are dates, and
 * how safely their value follows.
 */
import { isRealDate, weekdayOf } from '../dates/calendar.js'
import { monthNumber, weekdayNumber } from '../dates/french-words.js'
import { DEICTIC_DAYS, FUTURE_MODIFIERS, NUMBER_WORDS, PAST_MODIFIERS, UNITS } from './lexicon.js'
import {
  AP,
  APPROX,
  COUNT,
  DAY,
  DAY_PART,
  DE,
  DET,
  DIRECTION,
  FUTURE_MOD,
  MONTH_ANY,
  MONTH_FULL,
  MONTH_NAMED,
  NOT_QUANTITY,
  PAST_MOD,
  S,
  SIGNAL,
  UNIT,
  WEEKDAY,
  YEAR,
} from './patterns.js'
import type { CalendarReading, Direction, Kind, Part, Reading } from './readings.js'

/** A match of one rule, read again on its own text with group indices (`d` flag). */
export type RuleMatch = RegExpExecArray & { indices: RegExpIndicesArray }

export interface RuleContext {
  /** A few characters of text just before the match. */
  readonly before: string
}

export interface Rule {
  /** Name of the rule's group in the combined pattern, and the `rule` column (kebab-case there). */
  readonly id: string
  readonly source: string
  /** Whether a leading signal word (`depuis`, `avant`…) is cut from the surface. */
  readonly trim: boolean
  /** The expressions in the match, or null when the match turns out not to be one. */
  read(m: RuleMatch, ctx: RuleContext): readonly Part[] | null
}
// A reader returns [] for "these characters are no date" (`30 février 2023`, `d'hier`): the scan goes on
// after them; and null for "not this rule": the scan looks again from the next character.

const APOSTROPHE_RE = new RegExp(AP, 'g')
const norm = (s: string): string => s.toLowerCase().replace(APOSTROPHE_RE, "'").replace(/\s+/g, ' ')

const dayNumber = (s: string): number => (/^(1er|premier)$/i.test(s) ? 1 : Number(s))

export function directionOf(word: string | undefined): Direction {
  if (word === undefined) return null
  const w = norm(word)
  if ((PAST_MODIFIERS as readonly string[]).includes(w)) return 'past'
  if ((FUTURE_MODIFIERS as readonly string[]).includes(w)) return 'future'
  return null
}

const whole = (m: RuleMatch, reading: Reading, confidence: number, kind: Kind = 'date'): Part => ({
  start: 0,
  end: m[0].length,
  reading,
  kind,
  confidence,
})

const calendar = (
  year: number | null,
  month: number | null,
  day: number | null,
  weekday: number | null = null,
  direction: Direction = null,
): CalendarReading => ({ type: 'calendar', year, month, day, weekday, direction })

const countOf = (word: string): number | null =>
  /^\d+$/.test(word) ? Number(word) : (NUMBER_WORDS.get(norm(word)) ?? null)

/**
 * A weekday written with a full date must fall on it; when it does not, the date is kept (the numbers
 * are more often right than the weekday) with a lower confidence and a warning.
 */
function fullDatePart(m: RuleMatch, wd: string | undefined, y: number, mo: number, d: number): Part[] {
  if (!isRealDate(y, mo, d)) return []
  const weekday = wd === undefined ? null : (weekdayNumber(wd) ?? null)
  const part = whole(m, calendar(y, mo, d, weekday), 0.95)
  if (weekday === null || weekdayOf(y, mo, d) === weekday) return [part]
  return [{ ...part, confidence: 0.6, warning: `"${wd}" does not fall on ${y}-${mo}-${d}` }]
}

const isoDate: Rule = {
  id: 'isoDate',
  // An ISO timestamp keeps its time and zone in the expression: `2015-05-02T10:20:19+0000`.
  source:
    '(?<![\\d./-])((?:18|19|20)\\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])(?:T(?:[01]\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d(?:[.,]\\d{1,9})?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?(?![\\d]|[./-]\\d)',
  trim: false,
  read: (m) => fullDatePart(m, undefined, Number(m[1]), Number(m[2]), Number(m[3])),
}

/** `11.11.2021`, `24/09/2024`, `le 7-2-2023`: day first, as in French; both separators the same. */
const numericDate: Rule = {
  id: 'numericDate',
  source: `${DET}(?:${WEEKDAY},?${S})?(?<![\\d./-])(0?[1-9]|[12]\\d|3[01])([./-])(0?[1-9]|1[0-2])([./-])((?:18|19|20)\\d{2})(?![\\d]|[./-]\\d)`,
  trim: false,
  read: (m) => {
    if (m[4] !== m[6]) return []
    return fullDatePart(m, m[2], Number(m[7]), Number(m[5]), Number(m[3])).map((p) => ({
      ...p,
      confidence: Math.min(p.confidence, 0.9),
    }))
  },
}

/** `du 7 au 9 février 2023`, `les 3 et 4 mars`: two expressions, the first day alone and the second date. */
const dayRange: Rule = {
  id: 'dayRange',
  source: `(?:du|les|entre${S}le)${S}${DAY}\\s{0,3}(?:au|et|à|-|–)\\s{0,3}(?:le${S})?${DAY}${S}${MONTH_ANY}(?:${S}${YEAR})?`,
  trim: false,
  read: (m) => {
    const [d1, d2, month] = [dayNumber(m[1]!), dayNumber(m[2]!), monthNumber(m[3]!)]
    if (month === undefined || d1 >= d2) return null
    const year = m[4] === undefined ? null : Number(m[4])
    if (year !== null && !isRealDate(year, month, d2)) return []
    const [s1, e1] = m.indices[1]!
    const [s2] = m.indices[2]!
    const confidence = year === null ? 0.8 : 0.9
    return [
      { start: s1, end: e1, reading: calendar(year, month, d1), kind: 'range_start', confidence },
      { start: s2, end: m[0].length, reading: calendar(year, month, d2), kind: 'range_end', confidence },
    ]
  },
}

/** `mardi 7 février 2023`, `le 1er août 2024`, `7 sept. 2021`. */
const dayMonthYear: Rule = {
  id: 'dayMonthYear',
  source: `${DET}(?:${WEEKDAY},?${S})?${DAY}${S}${MONTH_ANY}${S}${YEAR}`,
  trim: false,
  read: (m) => {
    const month = monthNumber(m[4]!)
    if (month === undefined) return null
    return fullDatePart(m, m[2], Number(m[5]), month, dayNumber(m[3]!))
  },
}

/** `le 30 septembre dernier`, `ce jeudi 11 novembre`, `le 1er août`: the year comes from publication. */
const dayMonth: Rule = {
  id: 'dayMonth',
  source: `${DET}(?:${WEEKDAY},?${S})?${DAY}${S}${MONTH_ANY}(?:${S}${DIRECTION})?`,
  trim: false,
  read: (m) => {
    const month = monthNumber(m[4]!)
    const day = dayNumber(m[3]!)
    // 29 February is real in some year: the resolver checks the year it picks.
    if (month === undefined || !isRealDate(2000, month, day)) return []
    const weekday = m[2] === undefined ? null : (weekdayNumber(m[2]) ?? null)
    return [whole(m, calendar(null, month, day, weekday, directionOf(m[5])), weekday === null ? 0.85 : 0.9)]
  },
}

/** Qualifiers of a month or year that are part of how it is written: `en`, `fin`, `début`, `mi-`. */
const QUALIFIER = `(?:(?:en|fin|début|courant)${S}|(?:(?:à${S}la|au)${S}(?:fin|début)|(?:au|ce|le)${S}mois)${S}${DE}|(?:à${S}la${S})?mi-)`

/** A number no month has as a day, just before a month: `32 août 2014` is no date, nor is `août 2014` in it. */
const IMPOSSIBLE_DAY_BEFORE = /(?<![\d.,])(?:3[2-9]|[4-9]\d|00?)\s{1,3}$/

/** `septembre 2021`, `en juin 2021`, `fin septembre 2021`, `mi-juillet 2022`. */
const monthYear: Rule = {
  id: 'monthYear',
  source: `${QUALIFIER}?${MONTH_NAMED}${S}${YEAR}`,
  trim: false,
  read: (m, ctx) => {
    if (IMPOSSIBLE_DAY_BEFORE.test(ctx.before)) return []
    const month = monthNumber(m[1]!)
    const year = Number(m[2])
    if (month === undefined || !isRealDate(year, month)) return []
    return [whole(m, calendar(year, month, null), 0.95)]
  },
}

/** `de 2019 à 2021`, `entre 2012 et 2013`, `2019-2021`: two years. */
const yearRange: Rule = {
  id: 'yearRange',
  source: `(?:de|entre)${S}${YEAR}${S}(?:à|et)${S}${YEAR}|${YEAR}\\s?[-–]\\s?${YEAR}`,
  trim: false,
  read: (m) => {
    const [g1, g2] = m[1] !== undefined ? [1, 2] : [3, 4]
    const [y1, y2] = [Number(m[g1]), Number(m[g2])]
    if (y2 <= y1 || y2 - y1 > 100) return null
    const [s1, e1] = m.indices[g1]!
    const [s2, e2] = m.indices[g2]!
    return [
      { start: s1, end: e1, reading: calendar(y1, null, null), kind: 'range_start', confidence: 0.85 },
      { start: s2, end: e2, reading: calendar(y2, null, null), kind: 'range_end', confidence: 0.85 },
    ]
  },
}

/**
 * A year only where the words around make it one: `en 2019`, `fin 2021`, `depuis 2015`, `l'été 2022`.
 * A bare four-digit number is left alone: it is as often a count (`2021 soldats`) as a year.
 */
const yearContext: Rule = {
  id: 'yearContext',
  source: `(?:(?:en|fin|début|courant|cette${S}année|l${AP}année|l${AP}an|année|${SIGNAL})${S}|mi-|(?:(?:à${S})?l${AP}|au${S}|cet?${S}|en${S})(?:été|hiver|automne|printemps)${S})${YEAR}${NOT_QUANTITY}`,
  trim: true,
  read: (m) => [whole(m, calendar(Number(m[1]), null, null), 0.9)],
}

/** `en juin`, `fin mai`, `mi-juillet`, `au mois d'août`, `septembre dernier`: the year from publication. */
const monthAlone: Rule = {
  id: 'monthAlone',
  source: `(?:${QUALIFIER}|${SIGNAL}${S})${MONTH_FULL}(?!${S}(?:18|19|20)\\d{2})(?:${S}${DIRECTION})?|${MONTH_FULL}${S}${DIRECTION}`,
  trim: true,
  read: (m) => {
    const month = monthNumber(m[1] ?? m[3]!)
    if (month === undefined) return null
    return [whole(m, calendar(null, month, null, null, directionOf(m[2] ?? m[4])), 0.8)]
  },
}

/** `le week-end dernier`, `ce week-end`; `le week-end` alone is habitual (`le week-end, le marché…`). */
const weekend: Rule = {
  id: 'weekend',
  source: `(ce|le)${S}(?:week-end|weekend|week${S}end|fin${S}de${S}semaine)(?:${S}(dernier|passé|prochain))?`,
  trim: false,
  read: (m) => {
    if (norm(m[1]!) === 'le' && m[2] === undefined) return null
    return [whole(m, { type: 'weekend', direction: directionOf(m[2]) }, 0.8)]
  },
}

/** `cette semaine`, `la semaine dernière`, `la semaine prochaine`. */
const weekRelative: Rule = {
  id: 'weekRelative',
  source: `cette${S}semaine(?![-‑]là)|la${S}semaine${S}(dernière|passée|prochaine)`,
  trim: false,
  read: (m) => {
    const d = directionOf(m[1])
    return [
      whole(m, { type: 'shift', unit: 'week', amount: d === 'past' ? -1 : d === 'future' ? 1 : 0 }, 0.85),
    ]
  },
}

/** `le mois dernier`, `le mois prochain`, `ce mois-ci`. */
const monthRelative: Rule = {
  id: 'monthRelative',
  source: `le${S}mois${S}(dernier|passé|prochain)|ce${S}mois(?:-ci)?(?![-‑]là)`,
  trim: false,
  read: (m) => {
    const d = directionOf(m[1])
    return [
      whole(m, { type: 'shift', unit: 'month', amount: d === 'past' ? -1 : d === 'future' ? 1 : 0 }, 0.85),
    ]
  },
}

/** `l'an dernier`, `l'année prochaine`, `cette année`, `l'année en cours`. */
const yearRelative: Rule = {
  id: 'yearRelative',
  source: `l${AP}(?:an|année)${S}(${PAST_MOD}|${FUTURE_MOD})|cette${S}année(?![-‑]là)|l${AP}année${S}en${S}cours`,
  trim: false,
  read: (m) => {
    const d = directionOf(m[1])
    return [
      whole(m, { type: 'shift', unit: 'year', amount: d === 'past' ? -1 : d === 'future' ? 1 : 0 }, 0.85),
    ]
  },
}

/** Units after `dans` exclude `année`/`journée`: `dans une année difficile` is not a distance. */
const SHORT_UNIT = '(heures?|jours?|semaines?|mois|ans)'

/** `il y a deux semaines`, `dans trois jours`, `il y a quelques jours` (vague: no value). */
const agoIn: Rule = {
  id: 'agoIn',
  source: `il${S}y\\s{0,3}a${S}${APPROX}${COUNT}${S}${UNIT}|dans${S}${APPROX}${COUNT}${S}${SHORT_UNIT}`,
  trim: false,
  read: (m) => {
    const [approx, count, unitWord, sign] =
      m[2] !== undefined ? [m[1], m[2], m[3]!, -1] : [m[4], m[5]!, m[6]!, 1]
    const n = countOf(count!)
    const unit = UNITS.get(norm(unitWord))
    if (unit === undefined) return null
    if (approx !== undefined || n === null || unit === 'hour') return [whole(m, { type: 'vague' }, 0.7)]
    // A count of weeks from a day is a day (`il y a une semaine`): only `la semaine dernière` is a week.
    if (unit === 'week') return [whole(m, { type: 'shift', unit: 'day', amount: sign * 7 * n }, 0.8)]
    return [whole(m, { type: 'shift', unit, amount: sign * n }, 0.8)]
  },
}

/** `depuis trois ans`, `pendant deux semaines`, `ces derniers mois`: lengths of time, not dates. */
const duration: Rule = {
  id: 'duration',
  source: `(?:depuis|pendant|durant|en${S}l${AP}espace${S}de)${S}${APPROX}${COUNT}${S}${UNIT}|(?:au${S}cours${S}des|ces|les)${S}(?:\\d{1,3}${S})?(?:derniers|dernières|prochains|prochaines)${S}(?:jours|semaines|mois|années)`,
  trim: false,
  read: (m) => [whole(m, { type: 'duration' }, 0.7, 'duration')],
}

/**
 * `au lendemain du 3 mars`, `la veille`, `le même jour`: counted from the date that follows, else from
 * the last day named before (see `index.ts`); `à la veille des élections` has no value.
 */
const neighbour: Rule = {
  id: 'neighbour',
  source: `(?:au|le)${S}lendemain|(?:à${S})?la${S}veille|(?:le|ce)${S}même${S}jour|le${S}jour${S}même`,
  trim: false,
  read: (m) => [
    whole(m, { type: 'neighbour', days: /lendemain/i.test(m[0]) ? 1 : /veille/i.test(m[0]) ? -1 : 0 }, 0.6),
  ],
}

/**
 * `hier`, `avant-hier`, `aujourd'hui`, `demain`, `ce matin`, `hier soir`. After `de`/`d'` the word is
 * generic (`les alliés d'hier`, `l'Afrique de demain`, `le Mali d'aujourd'hui`) and is skipped.
 */
const deictic: Rule = {
  id: 'deictic',
  source: `(avant-hier|après-demain|aujourd${AP}hui|hier|demain|ce${S}matin|ce${S}soir|cet${S}après-midi|cet${S}aprem|la${S}nuit${S}dernière)${DAY_PART}(?![-‑]là)`,
  trim: false,
  read: (m, ctx) => {
    if (/(?:^|[^\p{L}])(?:d['’]|de\s{1,3})$/iu.test(ctx.before)) return []
    const days = DEICTIC_DAYS.get(norm(m[1]!))
    if (days === undefined) return null
    // `aujourd'hui` is as often "nowadays" as "today": a lower confidence says so.
    const confidence = days === 0 && /^aujourd/i.test(m[1]!) ? 0.7 : 0.9
    return [whole(m, { type: 'shift', unit: 'day', amount: days }, confidence)]
  },
}

/** `mardi`, `ce jeudi`, `jeudi dernier`, `dès lundi`, `mardi soir`; `le lundi` is often habitual. */
const weekday: Rule = {
  id: 'weekday',
  source: `(?:(ce|le|dès|depuis|jusqu${AP}à)${S})?${WEEKDAY}(?!${S}\\d)(?:${S}(dernier|passé|prochain))?${DAY_PART}(?![-‑]là)`,
  trim: true,
  read: (m) => {
    const wd = weekdayNumber(m[2]!)
    if (wd === undefined) return null
    const direction = directionOf(m[3])
    const det = m[1] === undefined ? '' : norm(m[1])
    const confidence = direction !== null ? 0.9 : det === 'ce' ? 0.85 : det === 'le' ? 0.6 : 0.75
    return [whole(m, { type: 'weekday', weekday: wd, direction }, confidence)]
  },
}

export const RULES: readonly Rule[] = [
  isoDate,
  numericDate,
  dayRange,
  dayMonthYear,
  dayMonth,
  monthYear,
  yearRange,
  yearContext,
  monthAlone,
  weekend,
  weekRelative,
  monthRelative,
  yearRelative,
  agoIn,
  duration,
  neighbour,
  deictic,
  weekday,
]

/** `dayMonthYear` → `day-month-year`: the value of the `rule` column. */
export const ruleName = (id: string): string => id.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)
