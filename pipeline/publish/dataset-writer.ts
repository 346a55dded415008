/**
 * Writes a dataset into a (staging) folder as rows arrive: the data tables in every format, their
 * by-year partitions, rejects, the codebook, the manifest and the report — the last two from figures
 * gathered as the rows went by, so no file is read back. `build` feeds it documents as they are processed; `merge` feeds it
 * the rows of shard outputs in the same order; both give the same bytes for the same rows. Event rows
 * are spooled to disk, with their clustering keys, and written at the end, once the corpus-level event
 * clusters (`corpus/event-clusters.ts`) are known.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import type { EntitiesRow, EventsRow, RejectsRow, TableRows } from '../_generated/tables.js'
import {
  type ClusterAssignment,
  EventClusterIndex,
  eventKeyLine,
  eventKeyOf,
  type PlaceFacts,
} from '../corpus/event-clusters.js'
import { type CorrectionReport, Corrections } from '../corrections/corrections.js'
import type { DocumentRows } from '../document.js'
import type { DatasetMetadata } from '../metadata/dataset.js'
import { DATA_TABLES, type DataTable } from '../schema/tables.js'
import { stableId } from '../util/hash.js'
import { JsonlCursor } from '../util/jsonl-cursor.js'
import { tick } from '../util/tick.js'
import { versions } from '../versions.js'
import type { FileHashes } from './checksums.js'
import { codebook } from './codebook.js'
import { ENTITY_SPILL_AT, type EntityCore, EntityTable } from './entity-table.js'
import { eventsOf, type SpooledEvents, spoolLine } from './event-spool.js'
import { DATA, FILES, FORMATS, type Format, inside, SCRATCH, tableFile, yearOf } from './layout.js'
import { PARTITIONED_TABLES, type PartitionedTable, YearPartitions } from './parquet-by-year.js'
import type { ParquetJobs } from './parquet-jobs.js'
import { writeReport } from './report/index.js'
import { StatsCollector } from './stats.js'
import { TableWriter } from './table-writer.js'
import { TextSink } from './text-sink.js'

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
export const MAX_REJECT_EXAMPLES = 20
const SPOOL_BATCH = 1024
/** Event rows between two progress reports while the events are written. */
const EVENTS_PROGRESS_EVERY = 4096
/**
 * Rows (or event keys) between two yields to the event loop in the finish. The finish runs in this
 * thread for seconds; the Parquet pool hands a thread its next conversion only when this thread
 * hears that the last one ended, so without a yield the pool idles until the finish does.
 */
const FINISH_YIELD_EVERY = 2048

export interface RunFacts {
  readonly seen: number
  readonly duplicates: number
  readonly referenceDate: string | null
  readonly referenceSource: 'option' | 'corpus' | null
  readonly skipped: readonly { path: string; why: string }[]
  /** The corpus the run read (see `corpus/fingerprint.ts`). */
  readonly corpus: CorpusIdentity
  /** For a shard of a larger run: which one, and the fingerprint of the pipeline that built it. */
  readonly shard: ShardIdentity | null
  /** What the dataset is (dataset.json over the defaults): datapackage.json, report and release read it here. */
  readonly dataset: DatasetMetadata
}

export interface CorpusIdentity {
  readonly fingerprint: string
  readonly inputs: number
}

export interface ShardIdentity {
  readonly index: number
  readonly count: number
  /** Hash of the running code, schemas and reference data (`versions.ts` `fingerprint()`). */
  readonly pipeline: string
}

export interface DatasetCounts {
  readonly documents: number
  readonly rejected: number
  readonly rejectsByReason: Readonly<Record<string, number>>
  readonly rejectExamples: readonly Pick<RejectsRow, 'source_file' | 'reason' | 'message' | 'hint'>[]
  readonly rows: Readonly<Record<string, number>>
}

export class DatasetWriter {
  private readonly writers: { [T in DataTable]: TableWriter<T> }
  private readonly rejectsOut: TextSink
  private readonly entities: EntityTable
  private documents = 0
  private rejected = 0
  private readonly byReason: Record<string, number> = {}
  private readonly rejectExamples: DatasetCounts['rejectExamples'][number][] = []
  private readonly eventSpool: TextSink
  /**
   * The events' clustering keys, spooled beside their rows: the cluster index is built from them once
   * every document is done (`eventIndex`, in `finish`), so pass 2 holds nothing an event (about 50 bytes each in
   * the index: 50 MB at 100,000 bench articles, 500 MB at a million) beside the workers' heaps.
   */
  private readonly keySpool: TextSink
  private events = 0
  private readonly stats = new StatsCollector()
  /** The by-year Parquet partitions, written with the Parquet format. */
  private readonly years: YearPartitions | null

  /** `shardIndex` names the by-year files (`part-<k>.parquet`) so several shards' trees can be read together. */
  constructor(
    private readonly dir: string,
    /** Where the Parquet conversions of its tables and by-year partitions are queued (`atomicRun` waits for them). */
    private readonly parquet: ParquetJobs,
    shardIndex = 0,
    /** Where the SHA-256 of the files written here are recorded as they are written (`atomicRun`'s). */
    hashes?: FileHashes,
    /**
     * The formats of the tables (all by default). Parquet, and its by-year partitions, is converted from
     * an Arrow file, which is scratch when Arrow is not among them.
     */
    readonly formats: readonly Format[] = FORMATS,
    /** Entities held in memory before a sorted run of them is written to scratch (`entity-table.ts`). */
    entitySpillAt = ENTITY_SPILL_AT,
  ) {
    const has = (f: Format) => formats.includes(f)
    this.years = has('parquet') ? new YearPartitions(dir, shardIndex) : null
    mkdirSync(inside(dir, DATA), { recursive: true })
    this.writers = Object.fromEntries(
      DATA_TABLES.map((t) => [
        t,
        new TableWriter(
          t,
          {
            ...(has('csv') ? { csv: inside(dir, tableFile(t, 'csv')) } : {}),
            ...(has('jsonl') ? { jsonl: inside(dir, tableFile(t, 'jsonl')) } : {}),
            ...(has('arrow') || has('parquet') ? { arrow: this.arrowPath(t) } : {}),
          },
          hashes,
        ),
      ]),
    ) as { [T in DataTable]: TableWriter<T> }
    this.rejectsOut = new TextSink(inside(dir, FILES.rejects), hashes)
    this.eventSpool = new TextSink(inside(dir, SCRATCH.events), undefined, { compressed: true })
    this.keySpool = new TextSink(inside(dir, SCRATCH.eventKeys), undefined, { compressed: true })
    this.entities = new EntityTable(dir, entitySpillAt)
  }

  /** A table's Arrow file: published, or the scratch source of its Parquet file. */
  private arrowPath(t: DataTable): string {
    return inside(this.dir, this.formats.includes('arrow') ? tableFile(t, 'arrow') : SCRATCH.table(t))
  }

  /** A researcher's corrections (corrections.csv beside the inputs), applied to rows as they are written. */
  corrections = new Corrections([])
  /**
   * When merging shards: their corrections reports combined (`mergeCorrectionReports`), since their rows
   * come already corrected; otherwise null, and the report is that of `corrections`.
   */
  correctionReport: readonly CorrectionReport[] | null = null
  /** Told how many of the spooled event rows are written, as they are (`ProgressFn`'s `events` phase). */
  onEventsWritten: ((done: number, total: number) => void) | null = null

  /**
   * A document's rows. Its events come as `rows.events`, or already as spool lines (`spooled`, written
   * by the worker that extracted them; `rows.events` is then empty), which are written as they are unless
   * a correction changes an event or the year the document is filed under.
   */
  addDocument(
    rows: Omit<DocumentRows, 'entities'>,
    entities: readonly EntityCore[],
    spooled?: SpooledEvents,
  ): void {
    this.documents++
    const fix = this.corrections
    const doc = fix.apply('documents', rows.documents)
    const year = yearOf(doc.published)
    this.put('documents', [doc], year)
    this.put('mentions', fix.applyAll('mentions', rows.mentions), year)
    this.put('quotes', fix.applyAll('quotes', rows.quotes), year)
    this.put('temporal_expressions', fix.applyAll('temporal_expressions', rows.temporal_expressions), year)
    if (spooled && spooled.year === year && !fix.touches('events')) {
      for (let k = 0; k < spooled.rows.length; k++) {
        this.eventSpool.writeLine(spooled.rows[k]!)
        this.keySpool.writeLine(spooled.keys[k]!)
        this.events++
      }
    } else
      for (const e of fix.applyAll('events', spooled ? eventsOf(spooled) : rows.events)) {
        this.eventSpool.writeLine(spoolLine(year, e))
        this.keySpool.writeLine(eventKeyLine(e))
        this.events++
      }
    this.put('event_mentions', fix.applyAll('event_mentions', rows.event_mentions), year)
    const counts = new Map<string, number>()
    for (const m of rows.mentions) counts.set(m.entity_id, (counts.get(m.entity_id) ?? 0) + 1)
    for (const e of entities) this.addEntity(e, counts.has(e.entity_id) ? 1 : 0, counts.get(e.entity_id) ?? 0)
  }

  /** Rows of a table, to every format, the report's figures and (with a year) the by-year partitions. */
  private put<T extends DataTable>(table: T, rows: readonly TableRows[T][], year: string | null): void {
    const writer = this.writers[table]
    const years =
      year !== null && (PARTITIONED_TABLES as readonly string[]).includes(table) ? this.years : null
    for (const r of rows) {
      const values = writer.appendRow(r as unknown as Readonly<Record<string, unknown>>)
      this.stats.add(table, r)
      if (years) years.add(table as PartitionedTable, values, year!)
    }
  }

  /** An entity with counts to add (a shard's entity row, when merging). */
  addEntity(row: EntityCore, docs: number, mentions: number): void {
    this.entities.add(row, docs, mentions)
  }

  addReject(r: RejectsRow): void {
    this.rejected++
    this.stats.reject(r)
    this.rejectsOut.writeLine(JSON.stringify(r))
    if (this.rejectExamples.length < MAX_REJECT_EXAMPLES)
      this.rejectExamples.push({
        source_file: r.source_file,
        reason: r.reason,
        message: r.message,
        hint: r.hint,
      })
    this.byReason[r.reason] = (this.byReason[r.reason] ?? 0) + 1
  }

  /** The spooled event rows, in document order, each with its corpus-level cluster. */
  private async writeEvents(clusters: ClusterAssignment): Promise<void> {
    this.eventSpool.close()
    // the two spools hold the events in the same order: the k-th key is that of the k-th row
    const spool = inside(this.dir, SCRATCH.events)
    const cursor = new JsonlCursor<{ year: string; row: Record<string, unknown> }>(spool, {
      compressed: true,
    })
    let batch: EventsRow[] = []
    let year: string | null = null
    let k = 0
    const progress = this.onEventsWritten
    progress?.(0, clusters.length)
    for (let x = cursor.next(); x !== null; x = cursor.next()) {
      if (progress && k % EVENTS_PROGRESS_EVERY === 0 && k > 0) progress(k, clusters.length)
      // the row was just read from the spool: its cluster is set in place (its keys keep their order)
      const e = x.row
      const c = clusters.at(k++)
      // a batch holds the rows of one year (documents come in order, so a year change cuts it)
      if (batch.length > 0 && (x.year !== year || batch.length >= SPOOL_BATCH)) {
        this.put('events', batch, year)
        batch = []
      }
      if (k % FINISH_YIELD_EVERY === 0) await tick()
      year = x.year
      // a shard's own clusters are recomputed over the whole corpus when shards are merged
      e.event_cluster = c ? c.cluster : stableId('evc', e.event_id as string)
      e.event_cluster_size = c ? c.size : 1
      batch.push(e as unknown as EventsRow)
    }
    this.put('events', batch, year)
    progress?.(k, clusters.length)
    cursor.close()
    if (k !== clusters.length) throw new Error(`event spool: ${k} rows read, ${clusters.length} written`)
    rmSync(spool)
  }

  /**
   * The index of every spooled event's clustering key, from the key spool (read once, then removed). It
   * is local to the finish: garbage once the events are written.
   */
  private async eventIndex(): Promise<EventClusterIndex> {
    this.keySpool.close()
    const path = inside(this.dir, SCRATCH.eventKeys)
    const index = new EventClusterIndex()
    const cursor = new JsonlCursor<unknown>(path, { compressed: true })
    for (let x = cursor.next(); x !== null; x = cursor.next()) {
      index.add(eventKeyOf(x))
      if (index.length % FINISH_YIELD_EVERY === 0) await tick()
    }
    cursor.close()
    rmSync(path)
    if (index.length !== this.events)
      throw new Error(`event key spool: ${index.length} keys read, ${this.events} written`)
    return index
  }

  /** Closes a table's files and queues its Parquet file. */
  private async closeTable(t: DataTable): Promise<void> {
    await this.writers[t].close()
    if (!this.formats.includes('parquet')) return
    this.parquet.add({
      arrow: this.arrowPath(t),
      parquet: inside(this.dir, tableFile(t, 'parquet')),
      removeArrow: !this.formats.includes('arrow'),
    })
  }

  /** Writes the entity table, closes every file, writes the codebook and the manifest. */
  async finish(facts: RunFacts): Promise<DatasetCounts> {
    // the tables that are complete once every document is in (all but the entity table and the
    // events) are closed first: their Parquet files are converted on the pool's threads, when there are
    // some, while this thread indexes, clusters and writes the events
    const later = (t: DataTable) => t === 'entities' || t === 'events'
    for (const t of DATA_TABLES) if (!later(t)) await this.closeTable(t)
    await this.years?.finish(this.parquet, (t) => !later(t))
    // the events' index first: the entity table, merged by id below, keeps the facts of the places the
    // events name (their clusters need them), and only those
    const index = await this.eventIndex()
    const places = index.placeIds()
    const placeFacts = new Map<string, PlaceFacts>()
    let chunk: EntitiesRow[] = []
    for (const row of this.entities.sorted()) {
      if (places.has(row.entity_id))
        placeFacts.set(row.entity_id, { type: row.type, country_code: row.country_code })
      chunk.push(row)
      if (chunk.length >= SPOOL_BATCH) {
        this.put('entities', this.corrections.applyAll('entities', chunk), null)
        chunk = []
        await tick()
      }
    }
    this.put('entities', this.corrections.applyAll('entities', chunk), null)
    places.clear()
    await this.closeTable('entities')
    const clusters = index.assign((id) => placeFacts.get(id))
    await this.writeEvents(clusters)
    await this.closeTable('events')
    await this.years?.finish(this.parquet)
    this.rejectsOut.close()
    await writeReport(this.dir, facts.dataset, this.stats.result())
    const rows = Object.fromEntries(DATA_TABLES.map((t) => [t, this.writers[t].rows]))
    const examples = new Map(
      DATA_TABLES.map((t) => [t, this.writers[t].examples as ReadonlyMap<string, unknown>]),
    )
    writeFileSync(inside(this.dir, FILES.codebook), codebook(examples))
    const rejectsByReason = Object.fromEntries(Object.entries(this.byReason).sort(([a], [b]) => cmp(a, b)))
    const report = this.correctionReport ?? this.corrections.report()
    const manifest = {
      pipeline: versions(),
      formats: this.formats,
      corpus: { fingerprint: facts.corpus.fingerprint, inputs: facts.corpus.inputs },
      ...(facts.shard ? { shard: facts.shard } : {}),
      reference_date: { value: facts.referenceDate, source: facts.referenceSource },
      inputs: {
        seen: facts.seen,
        documents: this.documents,
        duplicates: facts.duplicates,
        rejected: this.rejected,
        reconciled: facts.seen === this.documents + facts.duplicates + this.rejected,
      },
      rejects_by_reason: rejectsByReason,
      skipped: facts.skipped.map((s) => ({ path: s.path, why: s.why })),
      rows,
      dataset: facts.dataset,
      ...(report.length > 0
        ? { corrections: { given: report.length, applied: report.filter((c) => c.applied).length } }
        : {}),
    }
    if (report.length > 0)
      writeFileSync(inside(this.dir, FILES.corrections), report.map((c) => `${JSON.stringify(c)}\n`).join(''))
    writeFileSync(inside(this.dir, FILES.manifest), `${JSON.stringify(manifest, null, 2)}\n`)
    return {
      documents: this.documents,
      rejected: this.rejected,
      rejectsByReason,
      rejectExamples: this.rejectExamples,
      rows,
    }
  }
}
