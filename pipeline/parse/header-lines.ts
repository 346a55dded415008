/**
 * Header lines that carry a date, read from one line at the top of an article:
 *   - a line that is only a date, with its weekday, time and decorations (`Lundi 31 Janvier 2022`,
 *     `- 17 septembre 2015 --`, `26/01/2025`, `30 juillet 2024 à 15:36`), or such a date glued to the
 *     first word of the body (`13 mars 2016La station`);
 *   - a headline sharing its line with a by-line and a date, often followed by the body (`<headline>
 *     Par Farid L. 30 juillet 2024 à 15:36 ALGER, mardi 30 juillet 2024 – L’Algérie…`).
 * A sentence that merely contains a date is body: these shapes start with the date, or put a capitalised
 * `Par <Name>` or a time of day next to it.
 */
import { type ParsedDate, parseAbsoluteDate } from '../dates/parse-absolute.js'

const DECOR = String.raw`[\s\-–—|•·:]*`
/** A weekday (checked by `parseAbsoluteDate`), a day, a month word or abbreviation, a year; or digits. */
const DATE = String.raw`(?:(?:\p{L}{5,8},?\s+)?\d{1,2}(?:er)?\s+\p{L}{3,9}\.?\s+\d{4}|\d{1,2}[./-]\d{1,2}[./-]\d{4}|\d{4}-\d{2}-\d{2})`
/** A time after the date: `à 15:36`, `- 15h36`, `, 08:00 GMT`. */
const TIME = String.raw`\s*(?:à|-|–|,)?\s*\d{1,2}\s*[hH:]\s*\d{2}(?:\s*(?:GMT|UTC|TU))?`
const KEY = String.raw`(?:(?:[Pp]ublié|[Mm]is en ligne|[Pp]aru)\s+le\s*:?\s*)?(?:[Ll]e\s+)?`
const DATE_LINE = new RegExp(
  String.raw`^${DECOR}${KEY}(${DATE})(?:${TIME})?${DECOR}(?:$|(?<=\d)(?=\p{Lu}\p{Ll}))`,
  'u',
)
const NAME = String.raw`\p{Lu}[\p{L}'’-]*\.?(?:\s+\p{Lu}[\p{L}'’-]*\.?){0,3}`
/**
 * `<headline> Par <Name> [,–] <date> [time]`, or `<headline> <date> <time>`, then nothing or the body,
 * which starts a sentence.
 */
const HEADLINE_DATED = new RegExp(
  String.raw`^(.{15,250}?)\s+(?:Par\s+(${NAME})\s*[,|–—-]?\s*${KEY}(${DATE})(?:${TIME})?|(${DATE})${TIME})(?:\s+(?=[\p{Lu}\p{N}«"“])|$)`,
  'u',
)

/** Words after which a date belongs to the sentence: prepositions, determiners, conjunctions. */
const BEFORE_DATE = new Set(
  "le la les du des de d au aux à a en ce cet depuis dès des jusqu jusqu’au jusqu'au avant après entre et ou pour vers dans sur par avec sans lors le lundi mardi mercredi jeudi vendredi samedi dimanche".split(
    ' ',
  ),
)

const readDate = (s: string): ParsedDate | null => {
  const d = parseAbsoluteDate(s.replace(/^(\p{L}+),/u, '$1'))
  return d && d.day !== undefined ? d : null
}

export interface DateLine {
  readonly date: ParsedDate
  /** Where the body starts when the date is glued to it (`13 mars 2016La station`), else null. */
  readonly bodyAt: number | null
}

/** A line that is a date and nothing else, or a date glued to the body's first word. */
export function readDateLine(line: string): DateLine | null {
  const m = DATE_LINE.exec(line)
  if (!m) return null
  const date = readDate(m[1]!)
  if (!date) return null
  return { date, bodyAt: m[0].length < line.length ? m[0].length : null }
}

export interface DatedHeadline {
  readonly title: string
  readonly author: string | null
  readonly date: ParsedDate
  /** Where the body starts in the line, or null when nothing follows the date. */
  readonly bodyAt: number | null
}

/** A headline followed on its line by a by-line and a date, or by a dated time stamp. */
export function readDatedHeadline(line: string): DatedHeadline | null {
  const m = HEADLINE_DATED.exec(line)
  if (!m) return null
  const title = m[1]!.trim()
  const words = title.split(/\s+/)
  // without a by-line, a date after `le`, `du`, `depuis`… is a sentence's date, not a time stamp
  if (m[2] === undefined && BEFORE_DATE.has(words.at(-1)!.toLowerCase())) return null
  // a by-line with its date (`Par Jean Dupont - 13 mai 2025 à 10h30`) is no headline
  if (/^(?:Par|PAR|By)\s/u.test(title) || /[-–—|]$/u.test(title)) return null
  if (words.length < 3 || words.length > 30 || /[.;:,]$/u.test(title) || !/^[\p{Lu}\p{N}«"“]/u.test(title))
    return null
  const date = readDate((m[3] ?? m[4])!)
  if (!date) return null
  return {
    title,
    author: m[2]?.trim() ?? null,
    date,
    bodyAt: m[0].length < line.length ? m[0].length : null,
  }
}
