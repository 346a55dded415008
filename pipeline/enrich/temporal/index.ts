/**
 * Temporal expressions: every date expression of the text, resolved against the publication date.
 *   scan.ts              one pass of the combined rules over the text → matches and their readings;
 *   resolve-absolute.ts  calendar names (`7 février 2023`, `le 30 septembre dernier`, `en juin`);
 *   resolve-relative.ts  counted from the day of writing (`hier`, `mardi`, `la semaine dernière`);
 *   anchor.ts            the publication date, known to the day, month or year;
 *   tense.ts             past or future clause, for bare weekdays and months;
 *   writing-day.ts       the day of writing the text gives when the publication date does not.
 * Values are never finer than the text and the publication date allow: what cannot be placed keeps
 * a null value (it is still a row: a researcher sees the expression and why it has no date).
 */

import { formatPartial, isRealDate, precisionOf, weekdayOf } from '../../dates/calendar.js'
import { type Day, makeDay, parseIsoDay, shiftDays, shiftMonth } from '../../dates/day.js'
import type { PartialDate, Span } from '../../types.js'
import type { Published } from '../document/published.js'
import type { Extractor, TemporalDraft } from '../extract.js'
import { againstPublished } from './anchor.js'
import type { CalendarReading, Reading, Tense } from './readings.js'
import { resolveCalendar } from './resolve-absolute.js'
import { resolveCompound, resolveShift, resolveWeekday, resolveWeekend } from './resolve-relative.js'
import { ruleName } from './rules.js'
import { type Found, scanTemporal } from './scan.js'
import { tenseAround, WINDOW_AFTER, WINDOW_BEFORE } from './tense.js'
import { writingDay } from './writing-day.js'

export { scanTemporal } from './scan.js'

type Anchor = TemporalDraft['anchor']

interface Resolved {
  readonly value: PartialDate | null
  readonly anchor: Anchor
}

function sentenceAt(sentences: readonly Span[], at: number): Span | undefined {
  let lo = 0
  let hi = sentences.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const s = sentences[mid]!
    if (at < s.start) hi = mid - 1
    else if (at >= s.end) lo = mid + 1
    else return s
  }
  return undefined
}

/**
 * A day and month without a year, in an article published in that same month (known only to the month):
 * the year of publication, whatever the day (`mercredi 23 octobre` in an article of October 2019).
 */
function inPublicationMonth(r: CalendarReading, published: Published | null): PartialDate | null {
  if (published?.precision !== 'month' || r.month !== published.date.month) return null
  const year = published.date.year
  if (r.day === null) return { year, month: r.month }
  return isRealDate(year, r.month, r.day) ? { year, month: r.month, day: r.day } : null
}

/**
 * Resolution against one day, memoised for the document: a text repeating a date (a listing, a
 * hostile input) resolves it once per tense.
 */
type Memo = Map<string, PartialDate | null>

const needsTense = (r: Reading): boolean =>
  r.type === 'weekday' ||
  r.type === 'weekend' ||
  (r.type === 'calendar' && r.year === null && r.direction === null)

function resolveOnce(memo: Memo, r: Reading, day: Day, tense: () => Tense): PartialDate | null {
  const t = needsTense(r) ? tense() : null
  const key = `${JSON.stringify(r)}|${day.year}-${day.month}-${day.day}|${t}`
  const hit = memo.get(key)
  if (hit !== undefined) return hit
  const value = resolveOn(r, day, () => t)
  memo.set(key, value)
  return value
}

/** A reading resolved against one known day (the publication day, or the day of writing the text gives). */
function resolveOn(r: Reading, day: Day, tense: () => Tense): PartialDate | null {
  switch (r.type) {
    case 'calendar':
      return r.year !== null
        ? resolveCalendar(r, null, null)
        : resolveCalendar(r, day, r.direction === null ? tense() : null)
    case 'weekday':
      return resolveWeekday(r, day, tense())
    case 'weekend':
      return resolveWeekend(r.direction, day, tense())
    case 'shift':
      return resolveShift(r.unit, r.amount, day)
    case 'compound':
      return resolveCompound(r.parts, day)
    default:
      return null
  }
}

function resolveReading(r: Reading, published: Published | null, tense: () => Tense, memo: Memo): Resolved {
  switch (r.type) {
    case 'calendar': {
      if (r.year !== null) return { value: resolveCalendar(r, null, null), anchor: 'text' }
      const same = inPublicationMonth(r, published)
      if (same) return { value: same, anchor: 'published' }
      return {
        value: againstPublished(published, (a) => resolveOnce(memo, r, a, tense)),
        anchor: 'published',
      }
    }
    case 'weekday':
    case 'weekend':
    case 'shift':
    case 'compound':
      return {
        value: againstPublished(published, (a) => resolveOnce(memo, r, a, tense)),
        anchor: 'published',
      }
    case 'neighbour':
    case 'offset':
    case 'dayOfMonth':
      return { value: null, anchor: 'expression' }
    case 'vague':
      return { value: null, anchor: 'published' }
    case 'duration':
      return { value: null, anchor: null }
  }
}

/** Between `au lendemain` and the date it leans on: `de`, `du`, `d'`, `de la`. */
const LINK = /^\s{1,3}(?:du|de|d['’])\s{0,3}$/iu
/** `à la veille des élections`: a neighbour leaning on something that is no date has no value. */
const LEANS_ON = /^\s{0,3}(?:(?:du|des|de)(?![\p{L}])|d['’])/iu

/** The day a date names, if it names a whole real day (a month or a year names none). */
const dayOf = (value: PartialDate | null): Day | null =>
  value && value.month !== undefined && value.day !== undefined
    ? makeDay(value.year, value.month, value.day)
    : null

/** For each expression, the paragraph it starts in (paragraphs are separated by a blank line). */
function paragraphsOf(found: readonly Found[], text: string): number[] {
  const out: number[] = []
  let paragraph = 0
  let from = 0
  for (const f of found) {
    for (let at = text.indexOf('\n\n', from); at !== -1 && at < f.start; at = text.indexOf('\n\n', from)) {
      paragraph++
      from = at + 2
    }
    out.push(paragraph)
  }
  return out
}

/**
 * For each expression, the last day named before it in its paragraph (past a paragraph break the story
 * has moved on): one pass, whatever the number of expressions.
 */
function daysBefore(paragraphs: readonly number[], values: readonly (PartialDate | null)[]): (Day | null)[] {
  const out: (Day | null)[] = []
  let last: { paragraph: number; day: Day } | null = null
  for (const [i, paragraph] of paragraphs.entries()) {
    out.push(last !== null && last.paragraph === paragraph ? last.day : null)
    const day = dayOf(values[i] ?? null)
    if (day) last = { paragraph, day }
  }
  return out
}

/**
 * `au lendemain du 3 mars` → 4 March, when the next expression follows at once and is a day;
 * `la veille`, `le lendemain`, `le même jour` standing alone → counted from the last day named before,
 * else from the day of writing; `un mois plus tôt`, `le 22` → from the last day named before only.
 */
function neighbourValue(
  i: number,
  found: readonly Found[],
  values: readonly (PartialDate | null)[],
  before: Day | null,
  text: string,
  writing: Day | null,
): PartialDate | null {
  const f = found[i]!
  const r = f.part.reading
  if (r.type !== 'neighbour' && r.type !== 'offset' && r.type !== 'dayOfMonth') return null
  const move = (day: Day): PartialDate | null =>
    r.type === 'dayOfMonth'
      ? makeDay(day.year, day.month, r.day)
      : r.type === 'neighbour'
        ? shiftDays(day, r.days)
        : r.unit === 'month'
          ? shiftMonth(day, r.amount)
          : r.unit === 'year'
            ? { year: day.year + r.amount }
            : shiftDays(day, r.unit === 'week' ? 7 * r.amount : r.amount)
  const next = found[i + 1]
  if (r.type === 'neighbour' && next && next.start - f.end <= 8 && LINK.test(text.slice(f.end, next.start))) {
    const day = dayOf(values[i + 1] ?? null)
    return day && move(day)
  }
  if (r.type === 'neighbour' && LEANS_ON.test(text.slice(f.end, f.end + 8))) return null
  if (before) return move(before)
  // With no day before, `la veille` is the day before writing; `trois jours plus tard`, `le 22` have no base.
  return writing && r.type === 'neighbour' ? move(writing) : null
}

const METHOD: Record<NonNullable<Anchor>, TemporalDraft['method']> = {
  text: 'pattern',
  published: 'inference',
  expression: 'coreference',
}

/** The weekday written with the date, when the date does not fall on it. */
function weekdayMismatch(r: Reading, value: PartialDate | null): boolean {
  if (r.type !== 'calendar' || r.weekday === null || value?.day === undefined || value.month === undefined)
    return false
  return weekdayOf(value.year, value.month, value.day) !== r.weekday
}

export const extractTemporal: Extractor = (input) => {
  const found = scanTemporal(input.text)
  // Tense is looked for only when a resolver asks, once per expression, and once per distinct window
  // of words around it (the words it reads: the same window gives the same tense).
  const windows = new Map<string, Tense>()
  const tenses = found.map((f) => {
    let tense: Tense | undefined
    return () => {
      if (tense !== undefined) return tense
      const sentence = sentenceAt(input.sentences, f.start)
      const lo = Math.max(sentence?.start ?? 0, f.start - WINDOW_BEFORE)
      const hi = Math.min(sentence?.end ?? input.text.length, f.end + WINDOW_AFTER)
      const key = `${input.text.slice(lo, f.start)}\u0000${input.text.slice(f.end, hi)}`
      const known = windows.get(key)
      tense = known !== undefined ? known : tenseAround(input.text, f, sentence)
      windows.set(key, tense)
      return tense
    }
  })
  const memo: Memo = new Map()
  const first = found.map((f, i) => resolveReading(f.part.reading, input.published, tenses[i]!, memo))
  // When the publication is not known to the day, the day the text says it is written on stands in.
  const writing =
    input.published?.precision === 'day'
      ? parseIsoDay(input.published.value)
      : writingDay(
          found.map((f, i) => ({
            reading: f.part.reading,
            value: first[i]!.value,
            before: input.text.slice(Math.max(0, f.start - 20), f.start),
          })),
          input.published,
        )
  const second: Resolved[] = first.map((own, i) => {
    const r = found[i]!.part.reading
    if (own.value !== null || writing === null || input.published?.precision === 'day') return own
    const value = resolveOnce(memo, r, writing, tenses[i]!)
    return value === null ? own : { value, anchor: 'expression' }
  })
  const values = second.map((r) => r.value)
  const before = daysBefore(paragraphsOf(found, input.text), values)
  const neighbours = found.map((_, i) => neighbourValue(i, found, values, before[i]!, input.text, writing))
  const drafts: TemporalDraft[] = found.map((f, i) => {
    const own = second[i]!
    const leaned = neighbours[i]
    const value = leaned ?? own.value
    const anchor = own.anchor
    const mismatch = weekdayMismatch(f.part.reading, value)
    const inferred = anchor === 'expression' && !leaned && own !== first[i]
    return {
      surface: input.text.slice(f.start, f.end),
      start: f.start,
      end: f.end,
      value: value && formatPartial(value),
      precision: value && precisionOf(value),
      method: METHOD[anchor ?? 'text'],
      confidence: mismatch
        ? 0.6
        : leaned
          ? 0.75
          : inferred
            ? Math.min(0.7, f.part.confidence)
            : f.part.confidence,
      kind: f.part.kind,
      anchor,
      rule: ruleName(f.rule),
      weekday_mismatch: mismatch,
    }
  })
  const messages = drafts.flatMap((d) =>
    d.weekday_mismatch
      ? [
          {
            stage: 'enrich' as const,
            ruleId: 'temporal/weekday-mismatch',
            severity: 'warning' as const,
            reason: `the weekday of "${d.surface}" does not fall on ${d.value}: the date is kept`,
            place: { start: d.start, end: d.end },
          },
        ]
      : [],
  )
  return { temporal_expressions: drafts, messages }
}
