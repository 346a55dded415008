/**
 * Figures about a built output folder, read back from its JSON Lines files one line at a time (memory
 * grows with the number of distinct months, types, outlets and speakers and with the places of the
 * reference data, never with the number of rows or of entities: of those only top lists are kept).
 * The report (`report/`) and the dataset card of a release (`../release/`) both describe the data from
 * these, so the two never disagree.
 */
import type { DocumentsRow, EntitiesRow, EventsRow, QuotesRow, RejectsRow } from '../_generated/tables.js'
import { PipelineError } from '../errors.js'
import { DATA_TABLES, type DataTable } from '../schema/tables.js'
import { FILES, FORMATS, inside, tableFile } from './layout.js'
import { jsonLines, tableRows, tableSource } from './table-rows.js'

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
  /**
   * Distinct real events: the number of `event_cluster` values (rows of several documents that report
   * one event count once).
   */
  readonly eventClusters: number
  /**
   * People reported dead, each real event counted once: the toll of every `event_cluster` (rows of one
   * cluster never state different tolls; the largest is taken), summed. Summing the rows would count an
   * attack reported by ten outlets ten times.
   */
  readonly fatalities: number
  readonly quotesBySpeaker: ReadonlyMap<string, number>
  readonly unattributedQuotes: number
  /** Every entity, counted by type; and how many carry coordinates. */
  readonly entitiesByType: ReadonlyMap<string, number>
  readonly entitiesWithCoordinates: number
  /**
   * The places and countries mentioned that a map may draw: every one with coordinates, and every
   * country (shaded by its outline, when it has one). Bounded by the reference data, not the corpus.
   */
  readonly mappable: readonly EntityFacts[]
  /**
   * The places mentioned without coordinates: the first `UNMAPPED_SHOWN` by mentions (then id), and how
   * many in all. A corpus names ever more of them, so only the first are kept.
   */
  readonly unmappedPlaces: { readonly first: readonly EntityFacts[]; readonly count: number }
  /**
   * The most-mentioned entities of each type: `TOP_ENTITIES` by mentions, then name, then id; of two with
   * one name, the one with more mentions. Every type's list is bounded, whatever the corpus.
   */
  readonly topEntities: ReadonlyMap<string, readonly EntityFacts[]>
  readonly rejectsByReason: ReadonlyMap<string, number>
}

/** Entities in each type's top list (the report's bar charts). */
export const TOP_ENTITIES = 15
/** Places without coordinates named under the report's map. */
export const UNMAPPED_SHOWN = 40

/** Most mentions first, then the smaller id (a total order). */
export const byMentions = (a: EntityFacts, b: EntityFacts): number =>
  b.n_mentions - a.n_mentions || (a.entity_id < b.entity_id ? -1 : a.entity_id > b.entity_id ? 1 : 0)

/** Most mentions first, then name, then id. */
const byMentionsThenName = (a: EntityFacts, b: EntityFacts): number =>
  b.n_mentions - a.n_mentions || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || byMentions(a, b)

/** The first `size` items by `order`, kept as they come: memory bounded by `size`. */
class Leading<T> {
  readonly items: T[] = []
  constructor(
    private readonly size: number,
    private readonly order: (a: T, b: T) => number,
  ) {}

  offer(x: T): void {
    const items = this.items
    if (items.length === this.size && this.order(x, items[items.length - 1]!) >= 0) return
    let k = items.length
    while (k > 0 && this.order(x, items[k - 1]!) < 0) k--
    items.splice(k, 0, x)
    if (items.length > this.size) items.pop()
  }
}

const bump = (m: Map<string, number>, k: string, n = 1) => m.set(k, (m.get(k) ?? 0) + n)

/** Sorted copy of a count map: by count descending, then key ascending (a total, stable order). */
export function ranked(m: ReadonlyMap<string, number>): [string, number][] {
  return [...m].sort(([ka, a], [kb, b]) => b - a || (ka < kb ? -1 : ka > kb ? 1 : 0))
}

/** Sorted copy of a count map by key. */
export const byKey = (m: ReadonlyMap<string, number>): [string, number][] =>
  [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))

/**
 * Gathers the figures row by row: a build feeds it the rows as it writes them (no file is read back);
 * `collectStats` feeds it a finished folder's files.
 */
export class StatsCollector {
  private readonly rows = Object.fromEntries(DATA_TABLES.map((t) => [t, 0])) as Record<DataTable, number>
  private readonly articlesByMonth = new Map<string, number>()
  private readonly outlets = new Map<string, number>()
  private readonly languages = new Map<string, number>()
  private readonly articlesByPrecision = new Map<string, number>()
  private yearOnly = 0
  private undated = 0
  private from: string | null = null
  private to: string | null = null
  private words = 0
  private readonly eventsByMonth = new Map<string, number>()
  private readonly eventsByType = new Map<string, number>()
  private readonly eventsByPrecision = new Map<string, number>()
  private eventsWithPlace = 0
  private eventsWithFatalities = 0
  /** Σ 1/size over event rows: each cluster adds up to one. */
  private clusterShares = 0
  /** Tolls of events alone in their cluster, summed as they come. */
  private singleTolls = 0
  /** The toll of each cluster of several rows that states one (memory: such clusters only). */
  private readonly clusterTolls = new Map<string, number>()
  private readonly quotesBySpeaker = new Map<string, number>()
  private unattributed = 0
  private readonly entitiesByType = new Map<string, number>()
  private withCoordinates = 0
  private readonly mappable: EntityFacts[] = []
  private readonly unmapped = new Leading<EntityFacts>(UNMAPPED_SHOWN, byMentions)
  private unmappedCount = 0
  /** Twice the list's length, so that a name met twice among them still leaves a full list. */
  private readonly tops = new Map<string, Leading<EntityFacts>>()
  private readonly rejectsByReason = new Map<string, number>()
  private rejects = 0

  /** One row of a data table, as written. */
  add(table: DataTable, row: unknown): void {
    this.rows[table]++
    if (table === 'documents') this.document(row as DocumentsRow)
    else if (table === 'events') this.event(row as EventsRow)
    else if (table === 'quotes') this.quote(row as QuotesRow)
    else if (table === 'entities') this.entity(row as EntitiesRow)
  }

  private document(d: DocumentsRow): void {
    bump(this.articlesByPrecision, d.published_precision ?? 'undated')
    this.words += d.n_words
    if (d.published === null) this.undated++
    else if (d.published_precision === 'year') this.yearOnly++
    else bump(this.articlesByMonth, d.published.slice(0, 7))
    if (d.published_min !== null && (this.from === null || d.published_min < this.from))
      this.from = d.published_min
    if (d.published_max !== null && (this.to === null || d.published_max > this.to)) this.to = d.published_max
    bump(this.outlets, d.outlet ?? '(unknown outlet)')
    bump(this.languages, d.language ?? '(unknown)')
  }

  private event(e: EventsRow): void {
    bump(this.eventsByPrecision, e.date_precision ?? 'undated')
    if (e.location_entity_id !== null) this.eventsWithPlace++
    if (e.fatalities !== null) this.eventsWithFatalities++
    bump(this.eventsByType, e.event_type)
    if (e.date !== null && e.date.length >= 7) bump(this.eventsByMonth, e.date.slice(0, 7))
    const size = Math.max(1, e.event_cluster_size)
    this.clusterShares += 1 / size
    if (e.fatalities === null) return
    if (size === 1) this.singleTolls += e.fatalities
    else {
      const toll = this.clusterTolls.get(e.event_cluster)
      if (toll === undefined || e.fatalities > toll) this.clusterTolls.set(e.event_cluster, e.fatalities)
    }
  }

  private quote(q: QuotesRow): void {
    if (q.speaker === null) this.unattributed++
    else bump(this.quotesBySpeaker, q.speaker)
  }

  private entity(e: EntitiesRow): void {
    bump(this.entitiesByType, e.type)
    const placed = e.latitude !== null && e.longitude !== null
    if (placed) this.withCoordinates++
    if (e.n_mentions <= 0) return
    const facts: EntityFacts = {
      entity_id: e.entity_id,
      name: e.name,
      type: e.type,
      country_code: e.country_code,
      latitude: e.latitude,
      longitude: e.longitude,
      n_documents: e.n_documents,
      n_mentions: e.n_mentions,
    }
    if (e.type === 'place' || e.type === 'country') {
      if (placed || e.type === 'country') this.mappable.push(facts)
      else {
        this.unmappedCount++
        this.unmapped.offer(facts)
      }
    }
    let top = this.tops.get(e.type)
    if (!top) {
      top = new Leading<EntityFacts>(2 * TOP_ENTITIES, byMentionsThenName)
      this.tops.set(e.type, top)
    }
    top.offer(facts)
  }

  /** A type's top list: one entity a name (the one with more mentions), `TOP_ENTITIES` at most. */
  private top(type: string): EntityFacts[] {
    const names = new Set<string>()
    const out: EntityFacts[] = []
    for (const e of this.tops.get(type)?.items ?? []) {
      if (names.has(e.name)) continue
      names.add(e.name)
      out.push(e)
      if (out.length === TOP_ENTITIES) break
    }
    return out
  }

  reject(r: RejectsRow): void {
    this.rejects++
    bump(this.rejectsByReason, `${r.stage}: ${r.reason}`)
  }

  result(): DatasetStats {
    const { from, to } = this
    return {
      rows: { ...this.rows },
      rejects: this.rejects,
      articlesByMonth: this.articlesByMonth,
      articlesYearOnly: this.yearOnly,
      articlesUndated: this.undated,
      articlesByPrecision: this.articlesByPrecision,
      dateRange: from !== null && to !== null ? { from, to } : null,
      outlets: this.outlets,
      languages: this.languages,
      words: this.words,
      eventsByMonth: this.eventsByMonth,
      eventsByType: this.eventsByType,
      eventsByPrecision: this.eventsByPrecision,
      eventsWithPlace: this.eventsWithPlace,
      eventsWithFatalities: this.eventsWithFatalities,
      eventClusters: Math.round(this.clusterShares),
      fatalities: [...this.clusterTolls.values()].reduce((a, b) => a + b, this.singleTolls),
      quotesBySpeaker: this.quotesBySpeaker,
      unattributedQuotes: this.unattributed,
      entitiesByType: this.entitiesByType,
      entitiesWithCoordinates: this.withCoordinates,
      mappable: this.mappable,
      unmappedPlaces: { first: this.unmapped.items, count: this.unmappedCount },
      topEntities: new Map([...this.tops.keys()].map((t) => [t, this.top(t)])),
      rejectsByReason: this.rejectsByReason,
    }
  }
}

/**
 * The figures of a finished output folder, read from its tables one row at a time: from the JSON Lines
 * files, or from the Arrow or Parquet ones when the build left JSON Lines out (`table-rows.ts`).
 */
export async function collectStats(dir: string): Promise<DatasetStats> {
  if (!tableSource(dir, 'documents'))
    throw new PipelineError(
      'E_INPUT_MISSING',
      `${dir} has no documents table (${FORMATS.map((f) => tableFile('documents', f)).join(', ')}): give the --out folder of a build`,
    )
  const c = new StatsCollector()
  for (const t of DATA_TABLES) for await (const r of tableRows(dir, t)) c.add(t, r)
  for await (const r of jsonLines<RejectsRow>(inside(dir, FILES.rejects))) c.reject(r)
  return c.result()
}
