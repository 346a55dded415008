/**
 * Parquet partitioned by publication year, in the hive layout that DuckDB, Spark and polars read as
 * one table with a `published_year` column:
 *
 *   data/by-year/<table>/published_year=2021/part-<k>.parquet
 *   data/by-year/<table>/published_year=__HIVE_DEFAULT_PARTITION__/part-<k>.parquet   (no date)
 *
 * for every table that belongs to documents (documents, mentions, quotes, temporal_expressions,
 * events, event_mentions), each row filed under its document's year. `k` is the shard index (0 for a single run), so
 * the trees of several shards can be queried together without merging:
 *   SELECT … FROM read_parquet('out/shard-*\/data/by-year/mentions/*\/*.parquet', hive_partitioning = true)
 *
 * Rows are read back from the JSON Lines files and batched per year through the same Arrow builders as
 * the other formats. Every table is written in document order (a document's rows follow one another,
 * documents in the order of `documents.jsonl`), so a row's year comes from a second cursor over
 * `documents.jsonl` that moves in step with it: no doc id → year index.
 *
 * Each year's batches go first to a scratch Arrow file beside its Parquet file; the scratch files are
 * then converted one at a time (`arrowFileToParquet`) and removed. Memory holds one batch being filled
 * per year and a single Parquet writer's row group — not one writer per year, which would keep a row
 * group per year in WebAssembly memory (which never shrinks) — whatever the corpus size.
 */
import { createWriteStream, mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { finished } from 'node:stream/promises'
import { RecordBatchFileWriter } from 'apache-arrow'
import type { DataTable } from '../schema/tables.js'
import { JsonlCursor } from '../util/jsonl-cursor.js'
import { arrowFileToParquet } from './parquet.js'
import { RecordBatcher } from './table-writer.js'

export const PARTITIONED_TABLES = [
  'documents',
  'mentions',
  'quotes',
  'temporal_expressions',
  'events',
  'event_mentions',
] as const satisfies readonly DataTable[]
export const NO_YEAR = '__HIVE_DEFAULT_PARTITION__'

const tick = () => new Promise<void>((r) => setImmediate(r))

/** One year of one table: rows batched into a scratch Arrow file. */
class YearFile {
  readonly batcher: RecordBatcher
  private readonly writer = new RecordBatchFileWriter()
  private readonly out: ReturnType<typeof createWriteStream>
  private batches = 0

  constructor(
    table: DataTable,
    readonly scratch: string,
    readonly parquet: string,
  ) {
    this.batcher = new RecordBatcher(table)
    this.out = createWriteStream(scratch)
    this.writer.toNodeStream().pipe(this.out)
  }

  flush(): void {
    if (this.batcher.pending === 0 && this.batches > 0) return
    this.writer.write(this.batcher.flush())
    this.batches++
  }

  async close(): Promise<void> {
    if (this.batcher.pending > 0 || this.batches === 0) this.flush()
    this.writer.finish()
    this.writer.close()
    await finished(this.out)
  }
}

/** The year of each row's document, for rows that come in document order. */
class YearOfDocument {
  private readonly docs: JsonlCursor<{ doc_id: string; published: string | null }>
  private current: { id: string; year: string } | null = null

  constructor(private readonly path: string) {
    this.docs = new JsonlCursor(path)
  }

  of(docId: string): string {
    while (this.current?.id !== docId) {
      const d = this.docs.next()
      if (d === null)
        throw new Error(
          `by-year partitions: a row of document ${docId} is out of document order, or its document is not in ${this.path}`,
        )
      this.current = { id: d.doc_id, year: d.published ? d.published.slice(0, 4) : NO_YEAR }
    }
    return this.current.year
  }

  close(): void {
    this.docs.close()
  }
}

export async function writeYearPartitions(dir: string, shardIndex: number): Promise<void> {
  for (const table of PARTITIONED_TABLES) {
    const files = new Map<string, YearFile>()
    const years = new YearOfDocument(join(dir, 'data', 'documents.jsonl'))
    const rows = new JsonlCursor<Record<string, unknown>>(join(dir, 'data', `${table}.jsonl`))
    try {
      let n = 0
      for (let r = rows.next(); r !== null; r = rows.next()) {
        const year = years.of(r.doc_id as string)
        let f = files.get(year)
        if (!f) {
          const folder = join(dir, 'data', 'by-year', table, `published_year=${year}`)
          mkdirSync(folder, { recursive: true })
          const name = `part-${shardIndex}`
          f = new YearFile(table, join(folder, `.${name}.arrow.partial`), join(folder, `${name}.parquet`))
          files.set(year, f)
        }
        f.batcher.append(r)
        if (f.batcher.full) f.flush()
        // let the scratch files' streams drain
        if (++n % 1024 === 0) await tick()
      }
    } finally {
      rows.close()
      years.close()
    }
    for (const f of files.values()) await f.close()
    for (const f of files.values()) {
      await arrowFileToParquet(f.scratch, f.parquet)
      rmSync(f.scratch)
    }
  }
}
