/**
 * Parquet partitioned by publication year, in the hive layout that DuckDB, Spark and polars read as
 * one table with a `published_year` column:
 *
 *   data/by-year/<table>/published_year=2021/part-<k>.parquet
 *   data/by-year/<table>/published_year=__HIVE_DEFAULT_PARTITION__/part-<k>.parquet   (no date)
 *
 * for every table that belongs to documents (documents, mentions, quotes, temporal_expressions,
 * events), each row filed under its document's year. `k` is the shard index (0 for a single run), so
 * the trees of several shards can be queried together without merging:
 *   SELECT … FROM read_parquet('out/shard-*\/data/by-year/mentions/*\/*.parquet', hive_partitioning = true)
 *
 * Rows are read back from the JSON Lines files (document order), batched per year through the same
 * Arrow builders as the other formats, and streamed to one Parquet writer per year: memory holds the
 * doc id → year index and one batch per year, never a table.
 */
import { mkdirSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { Table as ArrowTable, tableToIPC } from 'apache-arrow'
import * as pw from 'parquet-wasm'
import type { DataTable } from '../schema/tables.js'
import { JsonlCursor } from '../util/jsonl-cursor.js'
import { BATCH_ROWS, RecordBatcher } from './table-writer.js'

export const PARTITIONED_TABLES = [
  'documents',
  'mentions',
  'quotes',
  'temporal_expressions',
  'events',
] as const satisfies readonly DataTable[]
export const NO_YEAR = '__HIVE_DEFAULT_PARTITION__'

const tick = () => new Promise<void>((r) => setImmediate(r))

interface YearWriter {
  readonly batcher: RecordBatcher
  readonly controller: ReadableStreamDefaultController<pw.RecordBatch>
  readonly done: Promise<void>
}

function openYear(path: string, table: DataTable): YearWriter {
  let controller!: ReadableStreamDefaultController<pw.RecordBatch>
  const source = new ReadableStream<pw.RecordBatch>({
    start(c) {
      controller = c
    },
  })
  const props = new pw.WriterPropertiesBuilder()
    .setCompression(pw.Compression.ZSTD)
    .setCreatedBy('depeches (parquet-wasm 0.8.0)')
    .setMaxRowGroupSize(BATCH_ROWS)
    .build()
  // not awaited here: the writer reads the first batch (for the schema) before it returns
  const done = (async () => {
    const file = await open(path, 'w')
    try {
      const parquet = (await pw.transformParquetStream(source, props)) as ReadableStream<Uint8Array>
      await parquet.pipeTo(Writable.toWeb(file.createWriteStream()))
    } finally {
      await file.close().catch(() => {})
    }
  })()
  return { batcher: new RecordBatcher(table), controller, done }
}

function push(w: YearWriter): void {
  const ipc = tableToIPC(new ArrowTable(w.batcher.flush()), 'stream')
  const batch = pw.Table.fromIPCStream(ipc).recordBatch(0)
  if (batch) w.controller.enqueue(batch)
}

export async function writeYearPartitions(dir: string, shardIndex: number): Promise<void> {
  // doc id → year, from the documents table
  const years = new Map<string, string>()
  const docs = new JsonlCursor<{ doc_id: string; published: string | null }>(
    join(dir, 'data', 'documents.jsonl'),
  )
  for (let d = docs.next(); d !== null; d = docs.next())
    years.set(d.doc_id, d.published ? d.published.slice(0, 4) : NO_YEAR)
  docs.close()
  for (const table of PARTITIONED_TABLES) {
    const writers = new Map<string, YearWriter>()
    const rows = new JsonlCursor<Record<string, unknown>>(join(dir, 'data', `${table}.jsonl`))
    let n = 0
    for (let r = rows.next(); r !== null; r = rows.next()) {
      const year = years.get(r.doc_id as string) ?? NO_YEAR
      let w = writers.get(year)
      if (!w) {
        const folder = join(dir, 'data', 'by-year', table, `published_year=${year}`)
        mkdirSync(folder, { recursive: true })
        w = openYear(join(folder, `part-${shardIndex}.parquet`), table)
        writers.set(year, w)
      }
      w.batcher.append(r)
      if (w.batcher.pending >= BATCH_ROWS) push(w)
      if (++n % 1024 === 0) await tick()
    }
    rows.close()
    for (const w of writers.values()) {
      if (w.batcher.pending > 0) push(w)
      w.controller.close()
    }
    await Promise.all([...writers.values()].map((w) => w.done))
  }
}
