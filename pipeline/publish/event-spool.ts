/**
 * The lines of the event spool, the scratch file that holds every event row until the corpus is clustered
 * (`dataset-writer.ts`): each event as `{"year":…,"row":…}` (the year its document is filed under in the
 * by-year partitions) and its clustering key (`eventKeyLine`). A worker writes a document's lines itself
 * (`spoolEvents`), so the thread that receives every document's rows neither receives the event objects
 * nor encodes them: that thread does the same work whatever the number of jobs, and its time an article
 * bounds what more cores can give. Where the lines cannot serve as they are (a correction to an event, or
 * to the publication date that files them under a year), the rows are read back from them (`eventsOf`).
 */
import type { EventsRow } from '../_generated/tables.js'
import { eventKeyLine } from '../corpus/event-clusters.js'
import { yearOf } from './layout.js'

/** A document's events as spool lines, with the year they were written under. */
export interface SpooledEvents {
  readonly year: string
  /** `spoolLine(year, row)` for each event, in order. */
  readonly rows: readonly string[]
  /** `eventKeyLine(row)` for each event, in order. */
  readonly keys: readonly string[]
}

/** One event's line in the spool. */
export const spoolLine = (year: string, row: EventsRow): string => JSON.stringify({ year, row })

/** A document's events as the spool's lines, for a document published `published`. */
export function spoolEvents(published: string | null, events: readonly EventsRow[]): SpooledEvents {
  const year = yearOf(published)
  return { year, rows: events.map((e) => spoolLine(year, e)), keys: events.map(eventKeyLine) }
}

/** The event rows of spooled lines, in order. */
export const eventsOf = (s: SpooledEvents): EventsRow[] =>
  s.rows.map((line) => (JSON.parse(line) as { row: EventsRow }).row)
