/**
 * The temporal rules, in priority order: where two rules match at the same place, the earlier wins, so
 * the most specific constructions come first (`mardi 7 février 2023` before `7 février` before `mardi`).
 * Each rule is a pattern (from `patterns.ts`) and a reader that turns its groups into readings.
 * Confidence is fixed per rule (the codebook lists it): how often the rule's matches are dates, and
 * how safely their value follows.
 */
import { isRealDate, weekdayOf } from '../../dates/calendar.js'
import { englishMonthNumber } from '../../dates/english-words.js'
import { monthNumber, WEEKDAY_ABBREVIATION_RE, weekdayNumber } from '../../dates/french-words.js'
import { DEICTIC_DAYS, FUTURE_MODIFIERS, NUMBER_WORDS, PAST_MODIFIERS, UNITS } from './lexicon.js'
import {
  AP,
  APPROX,
  COUNT,
  DATE_WEEKDAY,
  DAY,
  DAY_PART,
  DE,
  DET,
  DIRECTION,
  ENGLISH_MONTH,
  FUTURE_MOD,
  GLUE,
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

/**
 * `11.11.2021`, `24/09/2024`, `le 7-2-2023`: day first, as in French; both separators the same. A
 * two-digit year only after a weekday (`samedi 9/2/20`): alone, `9/2/20` may be a score or a ratio.
 */
const numericDate: Rule = {
  id: 'numericDate',
  source: `${DET}${DATE_WEEKDAY}?(?<![\\d./-])(0?[1-9]|[12]\\d|3[01])([./-])(0?[1-9]|1[0-2])([./-])((?:18|19|20)\\d{2}|\\d{2})(?![\\d]|[./-]\\d)`,
  trim: false,
  read: (m) => {
    if (m[4] !== m[6]) return []
    if (m[7]!.length === 2 && m[2] === undefined) return null
    const year = m[7]!.length === 2 ? 2000 + Number(m[7]) : Number(m[7])
    return fullDatePart(m, m[2], year, Number(m[5]), Number(m[3])).map((p) => ({
      ...p,
      confidence: Math.min(p.confidence, 0.9),
    }))
  },
}

/**
 * `du 7 au 9 février 2023`, `les 3 et 4 mars`, `10 au 22 août 2012`, `10 - 22 août`, `de jeudi 14 au
 * vendredi 15 juillet 2022`: two expressions, the first day alone and the second date. Without `du`,
 * `les`, `entre`, only `au` or a dash joins the days (`3 et 4 mars` needs its `les`).
 */
const dayRange: Rule = {
  id: 'dayRange',
  source: `(?:(du|les|entre${S}le|de|dans${S}la${S}nuit${S}de)${S})?(?:${WEEKDAY}${S})?${DAY}\\s{0,3}(au|et|à|-|–)\\s{0,3}(?:le${S})?(?:${WEEKDAY}${S})?${DAY}${S}${MONTH_ANY}(?:${S}${YEAR})?`,
  trim: false,
  read: (m) => {
    const [d1, d2, month] = [dayNumber(m[3]!), dayNumber(m[6]!), monthNumber(m[7]!)]
    if (month === undefined || d1 >= d2) return null
    if (m[1] === undefined && !/^(?:au|-|–)$/i.test(m[4]!)) return null
    const year = m[8] === undefined ? null : Number(m[8])
    if (year !== null && !isRealDate(year, month, d2)) return []
    const wd = (g: number) => (m[g] === undefined ? null : (weekdayNumber(m[g]) ?? null))
    const s1 = m.indices[2]?.[0] ?? m.indices[3]![0]
    const e1 = m.indices[3]![1]
    const s2 = m.indices[5]?.[0] ?? m.indices[6]![0]
    const confidence = year === null ? 0.8 : 0.9
    return [
      { start: s1, end: e1, reading: calendar(year, month, d1, wd(2)), kind: 'range_start', confidence },
      {
        start: s2,
        end: m[0].length,
        reading: calendar(year, month, d2, wd(5)),
        kind: 'range_end',
        confidence,
      },
    ]
  },
}

/**
 * `du 10 août au 12 septembre 2013`, `10 août - 12 septembre`: two dates; the first takes the year of
 * the second (the year before when its month comes later: `du 20 décembre au 5 janvier 2024`).
 */
const dayMonthRange: Rule = {
  id: 'dayMonthRange',
  source: `(?:(?:du|entre${S}le)${S})?${DAY}${GLUE}${MONTH_ANY}\\s{0,3}(?:au|-|–|et${S}le)\\s{0,3}${DAY}${GLUE}${MONTH_ANY}(?:${S}${YEAR})?`,
  trim: false,
  read: (m) => {
    const [d1, m1, d2, m2] = [dayNumber(m[1]!), monthNumber(m[2]!), dayNumber(m[3]!), monthNumber(m[4]!)]
    if (m1 === undefined || m2 === undefined || m1 === m2) return null
    const y2 = m[5] === undefined ? null : Number(m[5])
    const y1 = y2 === null ? null : m1 > m2 ? y2 - 1 : y2
    if (!isRealDate(y1 ?? 2000, m1, d1) || !isRealDate(y2 ?? 2000, m2, d2)) return []
    const [s1] = m.indices[1]!
    const [, e1] = m.indices[2]!
    const [s2] = m.indices[3]!
    const confidence = y2 === null ? 0.8 : 0.9
    return [
      { start: s1, end: e1, reading: calendar(y1, m1, d1), kind: 'range_start', confidence },
      { start: s2, end: m[0].length, reading: calendar(y2, m2, d2), kind: 'range_end', confidence },
    ]
  },
}

/** `March 1, 2022`, `Aug. 6, 2018`, `1 March 2022`: dates quoted in English (an embedded post). */
const englishDate: Rule = {
  id: 'englishDate',
  source: `${ENGLISH_MONTH}${S}${DAY}(?:st|nd|rd|th)?,?${S}${YEAR}|${DAY}(?:st|nd|rd|th)?${S}${ENGLISH_MONTH},?${S}${YEAR}`,
  trim: false,
  read: (m) => {
    const [mo, d, y] = m[1] !== undefined ? [m[1], m[2]!, m[3]!] : [m[5]!, m[4]!, m[6]!]
    const month = englishMonthNumber(mo)
    if (month === undefined) return null
    const [year, day] = [Number(y), dayNumber(d)]
    if (!isRealDate(year, month, day)) return []
    return [whole(m, { ...calendar(year, month, day), foreign: true }, 0.9)]
  },
}

/** `décembre 5 2014`, `fév 15, 2013`: the month first, as in a form or a listing; with its year. */
const monthDayYear: Rule = {
  id: 'monthDayYear',
  source: `${DATE_WEEKDAY}?${MONTH_ANY}${S}${DAY},?${S}${YEAR}`,
  trim: false,
  read: (m) => {
    const month = monthNumber(m[2]!)
    if (month === undefined) return null
    return fullDatePart(m, m[1], Number(m[4]), month, dayNumber(m[3]!))
  },
}

/** `mardi 7 février 2023`, `le 1er août 2024`, `7 sept. 2021`, `15juin 2016`, `dimanche, 11 Mai 2014`. */
const dayMonthYear: Rule = {
  id: 'dayMonthYear',
  source: `${DET}${DATE_WEEKDAY}?${DAY}${GLUE}${MONTH_ANY}${S}${YEAR}`,
  trim: false,
  read: (m) => {
    const month = monthNumber(m[4]!)
    if (month === undefined) return null
    return fullDatePart(m, m[2], Number(m[5]), month, dayNumber(m[3]!))
  },
}

/**
 * `le 30 septembre dernier`, `ce jeudi 11 novembre`, `le 1er août`, `Dim 15 Sept`: the year comes from
 * publication.
 */
const dayMonth: Rule = {
  id: 'dayMonth',
  source: `${DET}${DATE_WEEKDAY}?${DAY}${GLUE}${MONTH_ANY}(?:${S}${DIRECTION})?`,
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

/** `depuis 1992 et 1999`, `en 2015 ou 2016`: two years in one context, each a date. */
const yearPair: Rule = {
  id: 'yearPair',
  source: `(?:en|depuis|dès|avant|après)${S}${YEAR}${S}(?:et|ou)${S}(?:en${S})?${YEAR}${NOT_QUANTITY}`,
  trim: false,
  read: (m) =>
    [1, 2].map((g) => {
      const [start, end] = m.indices[g]!
      return {
        start,
        end,
        reading: calendar(Number(m[g]), null, null),
        kind: 'date' as const,
        confidence: 0.85,
      }
    }),
}

/**
 * Words before `de` that make the four-digit number after it a quantity (`plus de 2000`, `un total de
 * 2021`), not the year of the noun (`le référendum de 2023`, `la présidentielle de 2024`).
 */
const QUANTITY_BEFORE = new Set([
  'altitude',
  'augmentation',
  'autour',
  'baisse',
  'capacité',
  'chiffre',
  'distance',
  'effectif',
  'effectifs',
  'environ',
  'hausse',
  'hauteur',
  'longueur',
  'montant',
  'moins',
  'niveau',
  'nombre',
  'passé',
  'plus',
  'population',
  'près',
  'profondeur',
  'record',
  'score',
  'seuil',
  'somme',
  'total',
])

/**
 * `le référendum constitutionnel de 2023`, `la présidentielle de 2024,`: the year of a noun. Not before
 * a plural or a unit (`de 2000 personnes`, `de 2021 millions`), nor after a quantity word.
 */
const yearOfNoun: Rule = {
  id: 'yearOfNoun',
  source: `de${S}${YEAR}${NOT_QUANTITY}(?!${S}(?:\\p{L}+s|mille|millions?|milliards?)(?![\\p{L}])|\\s{0,3}(?:%|à|-|–|et${S}\\d))`,
  trim: false,
  read: (m, ctx) => {
    const word = /(\p{L}+)\s{1,3}$/u.exec(ctx.before)?.[1]
    if (word === undefined || word !== word.toLowerCase() || word.length < 3 || QUANTITY_BEFORE.has(word))
      return null
    const [start, end] = m.indices[1]!
    return [{ start, end, reading: calendar(Number(m[1]), null, null), kind: 'date', confidence: 0.75 }]
  },
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

/**
 * Units after `dans`: `année`/`journée` only at the end of the phrase (`dans une année.`): `dans une
 * année difficile`, `dans la journée de mardi` are not distances.
 */
const SHORT_UNIT = `(heures?|jours?|semaines?|mois|ans?|(?:années?|journées?)(?!${S}\\p{L}))`

/** One count and its unit inside a compound distance: `1 an`, `09 mois`, `une semaine`, `1 heure`. */
const COUNTED = `(?:\\d{1,3}|${[...NUMBER_WORDS.keys()].join('|')})${S}(?:${[...UNITS.keys()].join('|')}|minutes?|secondes?)`
const COUNTED_ONE = new RegExp(
  `(\\d{1,3}|${[...NUMBER_WORDS.keys()].join('|')})\\s{1,3}(${[...UNITS.keys()].join('|')}|minutes?|secondes?)(?![\\p{L}])`,
  'giu',
)

/**
 * `il y a 1 an, 1 mois, 1 semaine et 1 jour`, `dans 1 an 2 mois`: a distance in several units, after
 * `il y a` or `dans` (without them, `1 an 2 mois` is a length of time, a sentence, not a date).
 */
const agoInCompound: Rule = {
  id: 'agoInCompound',
  source: `(?:il${S}y\\s{0,3}a|dans)${S}${COUNTED}(?:(?:,\\s{0,3}|${S}et${S}|${S})${COUNTED}){1,5}`,
  trim: false,
  read: (m) => {
    const sign = /^dans/i.test(m[0]) ? 1 : -1
    const parts = [...m[0].matchAll(COUNTED_ONE)].flatMap((c) => {
      const n = countOf(c[1]!)
      const unit = UNITS.get(norm(c[2]!))
      return n === null || unit === undefined ? [] : [{ unit, amount: sign * n }]
    })
    if (parts.length === 0) return [whole(m, { type: 'vague' }, 0.7)]
    return [whole(m, { type: 'compound', parts }, 0.8)]
  },
}

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

/** `trois jours plus tard`, `un mois plus tôt`, `deux ans auparavant`: from the last day named before. */
const offset: Rule = {
  id: 'offset',
  source: `${COUNT}${S}${UNIT}${S}(plus${S}tôt|plus${S}tard|auparavant)`,
  trim: false,
  read: (m) => {
    const n = countOf(m[1]!)
    const unit = UNITS.get(norm(m[2]!))
    if (unit === undefined) return null
    if (n === null || unit === 'hour') return [whole(m, { type: 'vague' }, 0.6)]
    const sign = /tard/i.test(m[3]!) ? 1 : -1
    return [whole(m, { type: 'offset', unit, amount: sign * n }, 0.7)]
  },
}

/**
 * `le 16 mars, et l'intervention du président, le 22.`: a day number alone, closed by punctuation, in
 * the month of the last day named before in the paragraph (no value without one).
 */
const dayAlone: Rule = {
  id: 'dayAlone',
  source: `le${S}${DAY}(?=\\s{0,3}(?:[.,;:)]|$))`,
  trim: false,
  read: (m) => [whole(m, { type: 'dayOfMonth', day: dayNumber(m[1]!) }, 0.6)],
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

/**
 * `ce jeudi 14,`, `vendredi 3 au matin`: a weekday and a day number without the month, closed by
 * punctuation or a part of the day; the month is the one around the day of writing where that day is
 * that weekday. `jeudi 14 soldats` (a count) is left alone.
 */
const weekdayDay: Rule = {
  id: 'weekdayDay',
  source: `${DET}${WEEKDAY}${S}${DAY}(?=\\s{0,3}(?:[,.;:)]|$)|${S}(?:au${S}matin|au${S}soir|dans${S}la${S}nuit|matin|soir|dernier)(?![\\p{L}]))`,
  trim: false,
  read: (m) => {
    const weekday = weekdayNumber(m[2]!)
    if (weekday === undefined) return null
    return [whole(m, calendar(null, null, dayNumber(m[3]!), weekday), 0.75)]
  },
}

/** `Jeu 15:12`: an abbreviated weekday, taken only before a time (alone, `mar`, `sam` are other words). */
const weekdayBeforeTime: Rule = {
  id: 'weekdayBeforeTime',
  source: `(${WEEKDAY_ABBREVIATION_RE})\\.?${S}(?:à${S})?(?:[01]?\\d|2[0-3])[:h][0-5]\\d`,
  trim: false,
  read: (m) => {
    const wd = weekdayNumber(m[1]!)
    if (wd === undefined) return null
    // The expression is the weekday: the time is left out, as everywhere.
    const end = m.indices[1]![1]
    return [
      {
        start: 0,
        end,
        reading: { type: 'weekday', weekday: wd, direction: null },
        kind: 'date',
        confidence: 0.75,
      },
    ]
  },
}

export const RULES: readonly Rule[] = [
  isoDate,
  numericDate,
  dayRange,
  dayMonthRange,
  dayMonthYear,
  monthDayYear,
  // After the French forms: `26 sept. 2021` is French, though `sept` is also English.
  englishDate,
  dayMonth,
  monthYear,
  yearRange,
  yearPair,
  yearContext,
  yearOfNoun,
  monthAlone,
  weekend,
  weekRelative,
  monthRelative,
  yearRelative,
  agoInCompound,
  agoIn,
  offset,
  duration,
  neighbour,
  deictic,
  weekdayDay,
  weekday,
  weekdayBeforeTime,
  dayAlone,
]

/** `dayMonthYear` → `day-month-year`: the value of the `rule` column. */
export const ruleName = (id: string): string => id.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)
