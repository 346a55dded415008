/**
 * Figures about a built output folder, read back from its JSON Lines files one line at a time (memory
 * grows with the number of distinct months, types, speakers and entities, never with the number of rows).
 * The report (`report/`) and the dataset card of a release (`../release/`) both describe the data from
 * these, so the two never disagree.
 */
import { createReadStream, existsSync } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import type { DocumentsRow, EntitiesRow, EventsRow, QuotesRow, RejectsRow } from '../_generated/tables.js'
import { DATA_TABLES, type DataTable } from '../schema/tables.js'

export interface EntityFacts {
  readonly entity_id: string
  readonly name: string
  readonly type: string
  readonly country_code: string | null
  readonly latitude: number | null
  readonly longitude: number | null
  readonly n_documents: number
  readonly n_mentions: number
}

export interface DatasetStats {
  readonly rows: Readonly<Record<DataTable, number>>
  readonly rejects: number
  /** `YYYY-MM` → articles published that month (articles dated to the year only are counted apart). */
  readonly articlesByMonth: ReadonlyMap<string, number>
  readonly articlesYearOnly: number
  readonly articlesUndated: number
  /** Documents by the precision of their publication date (`day`, `month`, `year`, `undated`). */
  readonly articlesByPrecision: ReadonlyMap<string, number>
  /** Earliest `published_min` and latest `published_max` over all documents. */
  readonly dateRange: { readonly from: string; readonly to: string } | null
  readonly outlets: ReadonlyMap<string, number>
  readonly languages: ReadonlyMap<string, number>
  readonly words: number
  readonly eventsByMonth: ReadonlyMap<string, number>
  readonly eventsByType: ReadonlyMap<string, number>
  /** Events by the precision of their date (`day`, `month`, `year`, `undated`). */
  readonly eventsByPrecision: ReadonlyMap<string, number>
  readonly eventsWithPlace: number
  readonly eventsWithFatalities: number
  readonly fatalities: number
  readonly quotesBySpeaker: ReadonlyMap<string, number>
  readonly unattributedQuotes: number
  readonly entities: readonly EntityFacts[]
  readonly rejectsByReason: ReadonlyMap<string, number>
}

async function* jsonLines<T>(path: string): AsyncGenerator<T> {
  if (!existsSync(path)) return
  const lines = createInterface({
    input: createReadStream(path, 'utf8'),
    crlfDelay: Number.POSITIVE_INFINITY,
  })
  for await (const line of lines) if (line.trim() !== '') yield JSON.parse(line) as T
}

const bump = (m: Map<string, number>, k: string, n = 1) => m.set(k, (m.get(k) ?? 0) + n)

/** Sorted copy of a count map: by count descending, then key ascending (a total, stable order). */
export function ranked(m: ReadonlyMap<string, number>): [string, number][] {
  return [...m].sort(([ka, a], [kb, b]) => b - a || (ka < kb ? -1 : ka > kb ? 1 : 0))
}

/** Sorted copy of a count map by key. */
export const byKey = (m: ReadonlyMap<string, number>): [string, number][] =>
  [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))

export async function collectStats(dir: string): Promise<DatasetStats> {
  const data = (t: DataTable) => join(dir, 'data', `${t}.jsonl`)
  const rows = Object.fromEntries(DATA_TABLES.map((t) => [t, 0])) as Record<DataTable, number>

  const articlesByMonth = new Map<string, number>()
  const outlets = new Map<string, number>()
  const languages = new Map<string, number>()
  let yearOnly = 0
  let undated = 0
  let from: string | null = null
  let to: string | null = null
  let words = 0
  const articlesByPrecision = new Map<string, number>()
  for await (const d of jsonLines<DocumentsRow>(data('documents'))) {
    rows.documents++
    bump(articlesByPrecision, d.published_precision ?? 'undated')
    words += d.n_words
    if (d.published === null) undated++
    else if (d.published_precision === 'year') yearOnly++
    else bump(articlesByMonth, d.published.slice(0, 7))
    if (d.published_min !== null && (from === null || d.published_min < from)) from = d.published_min
    if (d.published_max !== null && (to === null || d.published_max > to)) to = d.published_max
    bump(outlets, d.outlet ?? '(unknown outlet)')
    bump(languages, d.language ?? '(unknown)')
  }

  const eventsByMonth = new Map<string, number>()
  const eventsByType = new Map<string, number>()
  const eventsByPrecision = new Map<string, number>()
  let eventsWithPlace = 0
  let eventsWithFatalities = 0
  let fatalities = 0
  for await (const e of jsonLines<EventsRow>(data('events'))) {
    rows.events++
    bump(eventsByPrecision, e.date_precision ?? 'undated')
    if (e.location_entity_id !== null) eventsWithPlace++
    if (e.fatalities !== null) eventsWithFatalities++
    bump(eventsByType, e.event_type)
    if (e.date !== null && e.date.length >= 7) bump(eventsByMonth, e.date.slice(0, 7))
    fatalities += e.fatalities ?? 0
  }

  const quotesBySpeaker = new Map<string, number>()
  let unattributed = 0
  for await (const q of jsonLines<QuotesRow>(data('quotes'))) {
    rows.quotes++
    if (q.speaker === null) unattributed++
    else bump(quotesBySpeaker, q.speaker)
  }

  const entities: EntityFacts[] = []
  for await (const e of jsonLines<EntitiesRow>(data('entities'))) {
    rows.entities++
    entities.push({
      entity_id: e.entity_id,
      name: e.name,
      type: e.type,
      country_code: e.country_code,
      latitude: e.latitude,
      longitude: e.longitude,
      n_documents: e.n_documents,
      n_mentions: e.n_mentions,
    })
  }

  for (const t of DATA_TABLES.filter((t) => !['documents', 'entities', 'quotes', 'events'].includes(t)))
    for await (const _ of jsonLines<unknown>(data(t))) rows[t]++

  const rejectsByReason = new Map<string, number>()
  let rejects = 0
  for await (const r of jsonLines<RejectsRow>(join(dir, 'rejects.jsonl'))) {
    rejects++
    bump(rejectsByReason, `${r.stage}: ${r.reason}`)
  }

  return {
    rows,
    rejects,
    articlesByMonth,
    articlesYearOnly: yearOnly,
    articlesUndated: undated,
    articlesByPrecision,
    dateRange: from !== null && to !== null ? { from, to } : null,
    outlets,
    languages,
    words,
    eventsByMonth,
    eventsByType,
    eventsByPrecision,
    eventsWithPlace,
    eventsWithFatalities,
    fatalities,
    quotesBySpeaker,
    unattributedQuotes: unattributed,
    entities,
    rejectsByReason,
  }
}
