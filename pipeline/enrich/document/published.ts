/**
 * Publication date, from the most trusted source that gives one:
 *   url      — a date in the URL path (`/20211111/`, `/2021/11/11/`, `/2021-11-11/`);
 *   header   — a ` date 2021-12` prefix, or a `Publié le mardi 24 septembre 2024` line;
 *   dateline — a teaser's `… 11.11.2021, Outlet`, or an agency dateline `BAMAKO, 7 février 2023 (AFP) -`;
 *   text     — the text's own `ce jeudi 1er août`, a weekday with a day and a month, whose year is the
 *              one where that day falls on that weekday, nearest before the reference date.
 * The reference date is the corpus's latest explicit date, or `--reference-date`: never the clock.
 */
import type { Header } from '../../parse/structure.js'
import type { PartialDate, Precision, Span } from '../../types.js'
import { formatPartial, isRealDate, periodBounds, precisionOf, weekdayOf } from '../dates/calendar.js'
import { MONTH_RE, monthNumber, WEEKDAY_RE, weekdayNumber } from '../dates/french-words.js'
import { parseAbsoluteDate } from '../dates/parse-absolute.js'

export type PublishedSource = 'url' | 'header' | 'dateline' | 'text' | 'inferred'

export interface Published {
  readonly date: PartialDate
  readonly value: string
  readonly precision: Precision
  readonly source: PublishedSource
  readonly min: string
  readonly max: string
  /** For `text`: where in the cleaned text the expression stands (UTF-16). */
  readonly place?: Span
}

const make = (date: PartialDate, source: PublishedSource, place?: Span): Published => {
  const [min, max] = periodBounds(date)
  const base = { date, value: formatPartial(date), precision: precisionOf(date), source, min, max }
  return place ? { ...base, place } : base
}

const URL_DATES = [
  /[/_-](20\d{2}|19\d{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?=[/_.-]|$)/,
  /\/(20\d{2}|19\d{2})\/(0[1-9]|1[0-2])\/(?!\d)/,
]

export function dateFromUrl(url: string): PartialDate | null {
  let path: string
  try {
    path = new URL(url).pathname
  } catch {
    return null
  }
  const full = URL_DATES[0]!.exec(path)
  if (full) {
    const [y, m, d] = [Number(full[1]), Number(full[2]), Number(full[3])]
    if (isRealDate(y, m, d)) return { year: y, month: m, day: d }
  }
  const month = URL_DATES[1]!.exec(path)
  if (month) {
    const [y, m] = [Number(month[1]), Number(month[2])]
    if (isRealDate(y, m)) return { year: y, month: m }
  }
  return null
}

const strip = (d: PartialDate): PartialDate =>
  d.day !== undefined
    ? { year: d.year, month: d.month!, day: d.day }
    : d.month !== undefined
      ? { year: d.year, month: d.month }
      : { year: d.year }

const DATELINE = new RegExp(
  `^\\p{Lu}[\\p{Lu}\\s'’-]{1,40},?\\s+(?:le\\s+)?((?:(?:${WEEKDAY_RE})\\s+)?\\d{1,2}(?:er)?\\s+(?:${MONTH_RE})\\.?\\s+\\d{4})\\s*(?:\\([^)]{2,20}\\))?\\s*[-–—]`,
  'u',
)

/** Dates that come from outside the running text; these also set the corpus reference date. */
export function explicitPublished(header: Header, body: string): Published | null {
  const url = header.url ? dateFromUrl(header.url.value) : null
  if (url) return make(url, 'url')
  if (header.datePrefix) return make(strip(header.datePrefix.value), 'header')
  const line = header.publishedLine?.value.date
  if (line) return make(strip(line), 'header')
  const teaser = header.teaser?.value.date
  if (teaser) return make(strip(teaser), 'dateline')
  const dl = DATELINE.exec(body)
  if (dl) {
    const d = parseAbsoluteDate(dl[1]!)
    if (d) return make(strip(d), 'dateline')
  }
  return null
}

const TEXT_DATE = new RegExp(
  `\\b(?:(ce|le|ce\\s+dernier)\\s+)?(${WEEKDAY_RE})\\s+(\\d{1,2})(?:er)?\\s+(${MONTH_RE})\\.?(?:\\s+(\\d{4}))?\\b`,
  'giu',
)

/**
 * The year in which day/month falls on the weekday, latest first, from the reference year + 1 down to
 * 11 years before, and no later than 60 days after the reference date.
 */
export function resolveWeekdayYear(
  weekday: number,
  month: number,
  day: number,
  reference: PartialDate,
): number | null {
  const ref = Date.UTC(reference.year, (reference.month ?? 12) - 1, reference.day ?? 28)
  for (let y = reference.year + 1; y >= reference.year - 11; y--) {
    if (!isRealDate(y, month, day)) continue
    if (Date.UTC(y, month - 1, day) > ref + 60 * 86_400_000) continue
    if (weekdayOf(y, month, day) === weekday) return y
  }
  return null
}

/** `ce jeudi 1er août`: the first weekday-day-month expression of the first paragraphs, resolved. */
export function publishedFromText(body: string, reference: PartialDate | null): Published | null {
  const head = body.slice(0, 1500)
  TEXT_DATE.lastIndex = 0
  for (let m = TEXT_DATE.exec(head); m !== null; m = TEXT_DATE.exec(head)) {
    const weekday = weekdayNumber(m[2]!)
    const month = monthNumber(m[4]!)
    const day = Number(m[3])
    if (weekday === undefined || month === undefined) continue
    const place = { start: m.index, end: m.index + m[0].length }
    if (m[5]) {
      const year = Number(m[5])
      if (isRealDate(year, month, day) && weekdayOf(year, month, day) === weekday)
        return make({ year, month, day }, 'text', place)
      continue
    }
    if (!reference) continue
    const year = resolveWeekdayYear(weekday, month, day, reference)
    if (year !== null) return make({ year, month, day }, 'text', place)
  }
  return null
}

export function resolvePublished(
  header: Header,
  body: string,
  reference: PartialDate | null,
): Published | null {
  return explicitPublished(header, body) ?? publishedFromText(body, reference)
}
