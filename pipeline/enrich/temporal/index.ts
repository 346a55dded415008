/**
 * Temporal expressions: every date expression of the text, resolved against the publication date.
 *   scan.ts              one pass of the combined rules over the text → matches and their readings;
 *   resolve-absolute.ts  calendar names (`7 février 2023`, `le 30 septembre dernier`, `en juin`);
 *   resolve-relative.ts  counted from the day of writing (`hier`, `mardi`, `la semaine dernière`);
 *   anchor.ts            the publication date, known to the day, month or year;
 *   tense.ts             past or future clause, for bare weekdays and months.
 * Values are never finer than the text and the publication date allow: what cannot be placed keeps
 * a null value (it is still a row: a researcher sees the expression and why it has no date).
 */
import type { PartialDate, Span } from '../../types.js'
import { formatPartial, precisionOf } from '../dates/calendar.js'
import { parseIsoDay, shiftDays } from '../dates/day.js'
import type { Extractor, TemporalDraft } from '../extract.js'
import { againstPublished } from './anchor.js'
import type { Reading, Tense } from './readings.js'
import { resolveCalendar } from './resolve-absolute.js'
import { resolveShift, resolveWeekday, resolveWeekend } from './resolve-relative.js'
import { ruleName } from './rules.js'
import { type Found, scanTemporal } from './scan.js'
import { tenseAround } from './tense.js'

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

function resolveReading(
  r: Reading,
  published: Parameters<typeof againstPublished>[0],
  tense: () => Tense,
): Resolved {
  switch (r.type) {
    case 'calendar':
      if (r.year !== null) return { value: resolveCalendar(r, null, null), anchor: 'text' }
      return {
        value: againstPublished(published, (a) =>
          resolveCalendar(r, a, r.direction === null ? tense() : null),
        ),
        anchor: 'published',
      }
    case 'weekday':
      return { value: againstPublished(published, (a) => resolveWeekday(r, a, tense())), anchor: 'published' }
    case 'weekend':
      return {
        value: againstPublished(published, (a) => resolveWeekend(r.direction, a, tense())),
        anchor: 'published',
      }
    case 'shift':
      return {
        value: againstPublished(published, (a) => resolveShift(r.unit, r.amount, a)),
        anchor: 'published',
      }
    case 'neighbour':
      return { value: null, anchor: 'expression' }
    case 'vague':
      return { value: null, anchor: 'published' }
    case 'duration':
      return { value: null, anchor: null }
  }
}

/** Between `au lendemain` and the date it leans on: `de`, `du`, `d'`, `de la`. */
const LINK = /^\s{1,3}(?:du|de|d['’])\s{0,3}$/iu

/** `au lendemain du 3 mars` → 4 March, when the next expression follows at once and is a day. */
function neighbourValue(f: Found, next: Resolved | undefined, nextFound: Found | undefined, text: string) {
  if (f.part.reading.type !== 'neighbour' || !next?.value || !nextFound) return null
  if (!LINK.test(text.slice(f.end, nextFound.start))) return null
  const day = parseIsoDay(formatPartial(next.value))
  return day && shiftDays(day, f.part.reading.days)
}

const METHOD: Record<NonNullable<Anchor>, TemporalDraft['method']> = {
  text: 'pattern',
  published: 'inference',
  expression: 'coreference',
}

export const extractTemporal: Extractor = (input) => {
  const found = scanTemporal(input.text)
  const resolved = found.map((f) => {
    // Tense is looked for only when a resolver asks, and once.
    let tense: Tense | undefined
    const tenseOnce = () => {
      tense ??= tenseAround(input.text, f, sentenceAt(input.sentences, f.start))
      return tense
    }
    return resolveReading(f.part.reading, input.published, tenseOnce)
  })
  const drafts: TemporalDraft[] = found.map((f, i) => {
    const own = resolved[i]!
    const leaned = neighbourValue(f, resolved[i + 1], found[i + 1], input.text)
    const value = leaned ?? own.value
    const anchor = own.anchor
    return {
      surface: input.text.slice(f.start, f.end),
      start: f.start,
      end: f.end,
      value: value && formatPartial(value),
      precision: value && precisionOf(value),
      method: METHOD[anchor ?? 'text'],
      confidence: leaned ? 0.75 : f.part.confidence,
      kind: f.part.kind,
      anchor,
      rule: ruleName(f.rule),
    }
  })
  const messages = found.flatMap((f) =>
    f.part.warning === undefined
      ? []
      : [
          {
            stage: 'enrich' as const,
            ruleId: 'temporal/weekday-mismatch',
            severity: 'warning' as const,
            reason: f.part.warning,
            place: { start: f.start, end: f.end },
          },
        ],
  )
  return { temporal_expressions: drafts, messages }
}
