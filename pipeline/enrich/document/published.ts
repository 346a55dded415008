/**
 * Publication date, from the most trusted source that gives one:
 *   url      — a date in the URL path (`/20211111/`, `/2021/11/11/`, `/2021-11-11/`);
 *   header   — a ` date 2021-12` prefix, or a `Publié le mardi 24 septembre 2024` line;
 *   dateline — a teaser's `… 11.11.2021, Outlet`, or an agency dateline `BAMAKO, 7 février 2023 (AFP) -`;
 *   text     — the text's own `ce jeudi 1er août`, a weekday with a day and a month, whose year is the
 *              one where that day falls on that weekday, nearest before the reference date.
 * The reference date is the corpus's latest explicit date, or `--reference-date`: never the clock.
 */

import { formatPartial, isRealDate, periodBounds, precisionOf, weekdayOf } from '../../dates/calendar.js'
import { MONTH_RE, monthNumber, WEEKDAY_RE, weekdayNumber } from '../../dates/french-words.js'
import type { Header } from '../../parse/structure.js'
import type { PartialDate, Precision, Span } from '../../types.js'
import { findDateline } from './dateline.js'
import { unwrapArchived } from './domain-name.js'

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
  // a compact date may carry the time after it: `_AN-201606080028.html` (2016-06-08 00:28)
  /[/_-](20\d{2}|19\d{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?=(?:(?:[01]\d|2[0-3])[0-5]\d(?:[0-5]\d)?)?(?:[/_.-]|$))/,
  /\/(20\d{2}|19\d{2})\/(0[1-9]|1[0-2])\/(?!\d)/,
]

export function dateFromUrl(url: string): PartialDate | null {
  let path: string
  try {
    path = new URL(unwrapArchived(url)).pathname
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

/**
 * Dates that come from outside the running text; these also set the corpus reference date. The most
 * trusted source gives the date; a less trusted one that falls inside it and says more refines it
 * (a ` date 2024-07` prefix and a `ALGER, mardi 30 juillet 2024 –` dateline give 2024-07-30). A
 * dateline's day and month without a year take the year of the source they refine.
 */
export function explicitPublished(header: Header, body: string): Published | null {
  const found: { date: PartialDate; source: PublishedSource }[] = []
  const url = header.url ? dateFromUrl(header.url.value) : null
  if (url) found.push({ date: url, source: 'url' })
  if (header.datePrefix) found.push({ date: strip(header.datePrefix.value), source: 'header' })
  const line = header.publishedLine?.value.date
  if (line) found.push({ date: strip(line), source: 'header' })
  const teaser = header.teaser?.value.date
  if (teaser) found.push({ date: strip(teaser), source: 'dateline' })
  const dl = findDateline(body)?.date
  if (dl?.year !== undefined)
    found.push({ date: { year: dl.year, month: dl.month, day: dl.day }, source: 'dateline' })
  const first = found[0]
  if (!first) return null
  let best = first
  for (const c of found.slice(1))
    if (c.date.day !== undefined && best.date.day === undefined && within(c.date, best.date)) best = c
  if (best.date.day === undefined && dl && dl.year === undefined && best.date.month === dl.month)
    best = { date: { year: best.date.year, month: dl.month, day: dl.day }, source: 'dateline' }
  return make(best.date, best.source)
}

/** Whether `inner` lies in the period `outer` names (same year, and same month when `outer` has one). */
const within = (inner: PartialDate, outer: PartialDate): boolean =>
  inner.year === outer.year && (outer.month === undefined || inner.month === outer.month)

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

/**
 * `ce jeudi 1er août`: a weekday-day-month expression of the first paragraphs, resolved. One that the
 * text marks as the present with `ce` (`ce jeudi 31 août 2023`) wins over earlier ones, which may date
 * a letter or a decision the article reports (`une correspondance en date du mardi 29 août 2023`).
 */
export function publishedFromText(body: string, reference: PartialDate | null): Published | null {
  const head = body.slice(0, 1500)
  let first: Published | null = null
  TEXT_DATE.lastIndex = 0
  for (let m = TEXT_DATE.exec(head); m !== null; m = TEXT_DATE.exec(head)) {
    const weekday = weekdayNumber(m[2]!)
    const month = monthNumber(m[4]!)
    const day = Number(m[3])
    if (weekday === undefined || month === undefined) continue
    const place = { start: m.index, end: m.index + m[0].length }
    let year: number | null = null
    if (m[5]) {
      const y = Number(m[5])
      if (isRealDate(y, month, day) && weekdayOf(y, month, day) === weekday) year = y
    } else if (reference) year = resolveWeekdayYear(weekday, month, day, reference)
    if (year === null) continue
    const found = make({ year, month, day }, 'text', place)
    if (m[1]?.toLowerCase() === 'ce') return found
    first ??= found
  }
  return first
}

/**
 * The explicit date, else the text's own `ce jeudi 1er août`, else the day of a `Mis à jour le …` line
 * (the article was published then or before; the update is the nearest day the page gives).
 */
export function resolvePublished(
  header: Header,
  body: string,
  reference: PartialDate | null,
): Published | null {
  return explicitPublished(header, body) ?? implicitPublished(header, body, reference)
}

/**
 * `resolvePublished` of a document whose explicit date is known to be missing (`explicitPublished`
 * gave null, as `prepare` records): the text's own date, else the update line's day.
 */
export function implicitPublished(
  header: Header,
  body: string,
  reference: PartialDate | null,
): Published | null {
  const updated = header.updated ? make(strip(header.updated.value), 'header') : null
  return publishedFromText(body, reference) ?? updated
}
