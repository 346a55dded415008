/**
 * When an event happened: the date expression of its sentence that lies nearest its trigger —
 * preferring one nearer to it than to any other event's (`un accord signé en 2019, la Russie avait
 * livré le 30 septembre …`: 2019 dates the agreement, 30 September the delivery), never one with
 * another event between — else the document's publication date, an upper bound only.
 * `date_source` says which.
 */
import type { Precision, Span } from '../../types.js'
import type { Published } from '../document/published.js'
import type { TemporalDraft } from '../extract.js'

export type DateSource = 'expression' | 'published'

export interface EventDate {
  readonly date: string | null
  readonly date_precision: Precision | null
  readonly date_source: DateSource | null
}

const gap = (a: Span, b: Span): number =>
  a.end <= b.start ? b.start - a.end : a.start >= b.end ? a.start - b.end : 0

/** Resolved expressions lying inside the sentence. */
export const expressionsIn = (sentence: Span, all: readonly TemporalDraft[]): TemporalDraft[] =>
  all.filter(
    (t) => t.value !== null && t.precision !== null && t.start >= sentence.start && t.end <= sentence.end,
  )

export function dateEvent(
  trigger: Span,
  allTriggers: readonly Span[],
  expressions: readonly TemporalDraft[],
  published: Published | null,
  ownedOnly = false,
): EventDate {
  let best: TemporalDraft | null = null
  let bestOwned = false
  let bestGap = Number.POSITIVE_INFINITY
  for (const e of expressions) {
    const d = gap(trigger, e)
    const owned = allTriggers.every((t) => gap(t, e) >= d)
    // another event standing between the expression and the trigger takes it (`a rencontré mercredi
    // … arrivé au pouvoir par un coup d'État en septembre 2022`)
    const [from, to] = e.end <= trigger.start ? [e.end, trigger.start] : [trigger.end, e.start]
    if (!owned && allTriggers.some((t) => t !== trigger && t.start >= from && t.end <= to)) continue
    if (!owned && ownedOnly) continue
    if ((owned && !bestOwned) || (owned === bestOwned && d < bestGap)) {
      best = e
      bestOwned = owned
      bestGap = d
    }
  }
  if (best?.value != null && best.precision != null)
    return { date: best.value, date_precision: best.precision, date_source: 'expression' }
  if (published)
    return { date: published.value, date_precision: published.precision, date_source: 'published' }
  return { date: null, date_precision: null, date_source: null }
}

/** Whether `trigger` is the nearest of `allTriggers` to `thing` (ties go to every nearest one). */
export const owns = (trigger: Span, allTriggers: readonly Span[], thing: Span): boolean =>
  allTriggers.every((t) => gap(t, thing) >= gap(trigger, thing))
