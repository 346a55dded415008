/**
 * The building blocks of the temporal rules, as regular-expression sources.
 * Every repetition is bounded (`\s{1,3}`, `\d{1,2}`) and every alternation is anchored on a literal
 * word, so a match attempt costs a bounded number of steps whatever the input (200,000-character lines,
 * runs of 100,000 dots): scanning a text is linear in its length.
 * Sources use capturing groups; each rule reads its own groups (see `rules.ts`).
 */
import { ENGLISH_MONTH_RE } from '../../dates/english-words.js'
import { FULL_MONTH_NAMES, MONTHS, WEEKDAY_ABBREVIATION_RE, WEEKDAY_RE } from '../../dates/french-words.js'
import {
  DAY_PARTS,
  FUTURE_MODIFIERS,
  NUMBER_WORDS,
  PAST_MODIFIERS,
  QUANTITY_NOUNS,
  UNITS,
  VAGUE_COUNTS,
} from './lexicon.js'

/**
 * An apostrophe as typed or typeset: straight, typographic, and the look-alikes that copy-paste and
 * keyboards produce (backtick, acute accent, modifier letters, prime, full-width apostrophe).
 */
export const APOSTROPHES = "'’‘`´ʼʻ՚ꞌ＇′‵ʹ"
export const AP = `[${APOSTROPHES}]`

const alt = (words: Iterable<string>): string =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, AP))
    .join('|')

/** One to three white-space characters (spaces, no-break spaces, a line break). */
export const S = '\\s{1,3}'
/** `de ` or `d'`: the preposition before a month (`au mois de juin`, `au mois d'août`). */
export const DE = `d(?:e${S}|${AP}\\s?)`

const ABBREVIATIONS = [...MONTHS.keys()].filter((m) => !FULL_MONTH_NAMES.includes(m))

/** Full month names, and abbreviations only when a dot follows (`sept.`): `sept` alone is seven. */
export const MONTH_FULL = `(${alt(FULL_MONTH_NAMES)})`
/**
 * Any month form; after a day number an abbreviation is safe (`7 sept 2021`, `3 févr.`). Only an
 * abbreviation takes the dot: after a full name it ends the sentence (`ce jeudi 1er août.`).
 */
export const MONTH_ANY = `(${alt(FULL_MONTH_NAMES)}|(?:${alt(ABBREVIATIONS)})\\.?)`
/** A month in a month-year pair: a full name, or an abbreviation with its dot. */
export const MONTH_NAMED = `(${alt(FULL_MONTH_NAMES)}|(?:${alt(ABBREVIATIONS)})\\.)`

export const WEEKDAY = `(${WEEKDAY_RE})`
/** A weekday before a date: written out, or abbreviated (`dim. 15 sept.`, `Mar 10 Jan`), a comma after. */
export const DATE_WEEKDAY = `(?:(${WEEKDAY_RE}|(?:${WEEKDAY_ABBREVIATION_RE})\\.?),?${S})`
/** An English month, with a day and year around it (`March 1, 2022`). */
export const ENGLISH_MONTH = `(${ENGLISH_MONTH_RE})\\.?`
/** Between a day number and its month: a space, or none (`15juin 2016`, `15SEPT`). */
export const GLUE = '\\s{0,3}'
/** Day of the month: `1er`, `premier`, `01`…`31`. */
export const DAY = '(1er|premier|[12]\\d|3[01]|0?[1-9])'
/** A year of the nineteenth to twenty-first century, not part of a longer number. */
export const YEAR = '((?:18|19|20)\\d{2})(?![\\d]|[.,]\\d)'
/** A weekday's or day's part of the day, kept in the expression (`hier soir`, `mardi matin`). */
export const DAY_PART = `(?:${S}(?:${alt(DAY_PARTS)}))?`
export const PAST_MOD = alt(PAST_MODIFIERS)
export const FUTURE_MOD = alt(FUTURE_MODIFIERS)
/** `dernier`, `prochain`… after a date, weekday or month. */
export const DIRECTION = `(${PAST_MOD}|${FUTURE_MOD})`
/** Determiners kept in the expression: `le 30 septembre`, `ce jeudi`. */
export const DET = `(?:(le|ce)${S})?`

/** A count, in digits or words, or a vague one (`quelques`). */
export const COUNT = `(\\d{1,3}|${alt([...NUMBER_WORDS.keys(), ...VAGUE_COUNTS])})`
/** An approximation before a count: the expression then has no exact value. */
export const APPROX = `(?:(plus${S}de|moins${S}de|près${S}de|environ|au${S}moins)${S})?`
export const UNIT = `(${alt(UNITS.keys())})`

/** After a year: not a quantity (`en 2000 exemplaires`). */
export const NOT_QUANTITY = `(?!${S}(?:${alt(QUANTITY_NOUNS)})(?![\\p{L}]))`

/**
 * Words that introduce a year, a month or a weekday without belonging to its meaning: they make the
 * context certain (`depuis 2019` is a year, `2019` alone may be a count) but are trimmed from the
 * surface, as TimeML leaves signals out of TIMEX3 spans. `en`, `fin`, `début`, `mi-` stay: they are
 * how the expression is written (`en 2019`, `fin 2021`).
 */
export const TRIMMED_PREPOSITIONS = new RegExp(
  `^(?:depuis|dès|avant|après|jusqu${AP}(?:en|à|au)|d${AP}ici|à${S}partir${S}(?:de|du|d${AP}))\\s*`,
  'iu',
)
export const SIGNAL = `(?:depuis|dès|avant|après|jusqu${AP}en|d${AP}ici|à${S}partir${S}de)`
