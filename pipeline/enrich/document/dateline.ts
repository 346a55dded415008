/**
 * A dispatch's dateline at the start of one of the first paragraphs: a place, a date and/or an agency,
 * then a dash — `NIAMEY, 12 mars 2024 (AFP) -`, `BAMAKO (Reuters) -`, `Ouagadougou, 26 sept. 2021(AIB)-`,
 * `ADEN, 18 janvier (Reuters) -`, `ALGER, mardi 30 juillet 2024 –`. The place may be written in capitals
 * or in title case; a dateline gives a date or an agency, or both (a place and a dash alone are a
 * heading, not a dateline).
 */
import { isRealDate } from '../../dates/calendar.js'
import { monthNumber, weekdayNumber } from '../../dates/french-words.js'

export interface Dateline {
  readonly city: string
  /** The date as written; `year` is absent when the dateline gives only a day and a month. */
  readonly date: { readonly year?: number; readonly month: number; readonly day: number } | null
  /** `(AFP/APA)` → `['AFP', 'APA']`; empty when the dateline names none. */
  readonly agencies: readonly string[]
}

const CITY = String.raw`\p{Lu}[\p{L}'’.]*(?:[ -](?:(?:de|du|la|el|al)[ -])?\p{Lu}[\p{L}'’.]*){0,3}`
/** Month and weekday words are read as any word and checked after: the pattern keeps its case. */
const DATE = String.raw`(?:(?:[Ll]e\s+)?(?:(\p{L}+)\s+)?(\d{1,2})(?:er)?\s+(\p{L}+)\.?(?:\s+(\d{4}))?|(\d{1,2})[./](\d{1,2})[./](\d{4}))`
const AGENCY = String.raw`\(([^()\n]{2,30})\)`
const DATELINE = new RegExp(
  String.raw`^(${CITY})\s*(?:${AGENCY})?\s*(?:,\s*${DATE})?\s*(?:${AGENCY})?\s*[-–—]`,
  'u',
)

/** How many paragraphs from the start of the body may open with the dateline. */
const PARAGRAPHS = 3

function readAt(s: string): Dateline | null {
  const m = DATELINE.exec(s)
  if (!m) return null
  let date: Dateline['date'] = null
  if (m[4] !== undefined) {
    if (m[3] !== undefined && weekdayNumber(m[3]) === undefined) return null
    const month = monthNumber(m[5]!)
    if (month === undefined) return null
    const day = Number(m[4])
    const year = m[6] === undefined ? undefined : Number(m[6])
    // a day-month without a year is checked against a leap year: 29 février stays possible
    if (isRealDate(year ?? 2000, month, day))
      date = year === undefined ? { month, day } : { year, month, day }
  } else if (m[7] !== undefined) {
    const [day, month, year] = [Number(m[7]), Number(m[8]), Number(m[9])]
    if (isRealDate(year, month, day)) date = { year, month, day }
  }
  const agency = m[2] ?? m[10]
  const agencies = agency ? agency.split(/\s*[/,]\s*/).filter((a) => a.length >= 2) : []
  if (!date && agencies.length === 0) return null
  return { city: m[1]!, date, agencies }
}

/** The first dateline opening one of the first paragraphs of `body` (paragraphs split on line breaks). */
export function findDateline(body: string): Dateline | null {
  let start = 0
  for (let k = 0; k < PARAGRAPHS && start < body.length; k++) {
    while (start < body.length && /\s/u.test(body[start]!)) start++
    let end = body.indexOf('\n', start)
    if (end < 0) end = body.length
    const found = readAt(body.slice(start, Math.min(end, start + 200)))
    if (found) return found
    start = end + 1
  }
  return null
}
