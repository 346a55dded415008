/**
 * The extension point for text-level extraction (entities, quotes, dates in the text, events).
 * An extractor is a pure function of one document; it reports spans in UTF-16 units of `text`.
 * Ids, `doc_id`, sentence indices, code-point offsets and raw byte offsets are filled in centrally
 * (`document.ts`), so extractors cannot get them wrong.
 */
import type {
  EntitiesRow,
  EventMentionsRow,
  EventsRow,
  MentionsRow,
  QuotesRow,
  TemporalExpressionsRow,
} from '../_generated/tables.js'
import type { Header } from '../parse/structure.js'
import type { Message, PartialDate, Span } from '../types.js'
import type { Published } from './document/published.js'

type Central = 'doc_id' | 'raw_start' | 'raw_end' | 'sentence_index'
/** Raw byte offsets of a span inside a row (a trigger, a speaker), filled in centrally like the row's own. */
type CentralTrigger = 'trigger_raw_start' | 'trigger_raw_end'
export type MentionDraft = Omit<MentionsRow, Central | 'mention_id'>
/** `speaker_start`/`speaker_end` in UTF-16 units, like `start`/`end`. */
export type QuoteDraft = Omit<QuotesRow, Central | 'quote_id' | 'speaker_raw_start' | 'speaker_raw_end'>
export type TemporalDraft = Omit<TemporalExpressionsRow, Central | 'expr_id'>
/**
 * One sentence telling an event: what it alone says; `start`/`end` span the sentence and
 * `trigger_start`/`trigger_end` its trigger (UTF-16).
 */
export type EventMentionDraft = Omit<
  EventMentionsRow,
  Central | CentralTrigger | 'event_mention_id' | 'event_id' | 'doc_id'
>
/** Columns filled in at corpus level (`corpus/event-clusters.ts`) or from the mentions' ids. */
type EventLater =
  | 'event_cluster'
  | 'event_cluster_size'
  | 'date_mention_id'
  | 'location_mention_id'
  | 'fatalities_mention_id'
  | 'n_mentions'
/**
 * One event of a document with its mentions (at least one, the first giving `start`/`end`,
 * `evidence` and the trigger); `*_from` say which mention (index in `mentions`) gave the date, the
 * place and the toll.
 */
export type EventDraft = Omit<EventsRow, Central | CentralTrigger | 'event_id' | EventLater> & {
  readonly mentions: readonly EventMentionDraft[]
  readonly date_from: number | null
  readonly location_from: number | null
  readonly fatalities_from: number | null
}
export type EntityDraft = Omit<EntitiesRow, 'n_documents' | 'n_mentions'>

export interface ExtractInput {
  readonly docId: string
  readonly text: string
  readonly sentences: readonly Span[]
  readonly published: Published | null
  readonly reference: PartialDate | null
  readonly header: Header
  readonly language: string | null
}

export interface Extracted {
  readonly entities: readonly EntityDraft[]
  readonly mentions: readonly MentionDraft[]
  readonly quotes: readonly QuoteDraft[]
  readonly temporal_expressions: readonly TemporalDraft[]
  readonly events: readonly EventDraft[]
  readonly messages: readonly Message[]
}

export type Extractor = (input: ExtractInput, soFar: Extracted) => Partial<Extracted>

export const EMPTY: Extracted = {
  entities: [],
  mentions: [],
  quotes: [],
  temporal_expressions: [],
  events: [],
  messages: [],
}

/** Runs extractors in order; each sees what the earlier ones found (events need entities and dates). */
export function runExtractors(input: ExtractInput, extractors: readonly Extractor[]): Extracted {
  let acc: Extracted = EMPTY
  for (const x of extractors) {
    const r = x(input, acc)
    acc = {
      entities: [...acc.entities, ...(r.entities ?? [])],
      mentions: [...acc.mentions, ...(r.mentions ?? [])],
      quotes: [...acc.quotes, ...(r.quotes ?? [])],
      temporal_expressions: [...acc.temporal_expressions, ...(r.temporal_expressions ?? [])],
      events: [...acc.events, ...(r.events ?? [])],
      messages: [...acc.messages, ...(r.messages ?? [])],
    }
  }
  return acc
}
