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
 * Rows come as the dataset writer writes them (`dataset-writer.ts`), each with its document's year, and
 * are batched per table and year through the same Arrow builders as the other formats: nothing is read
 * back from the JSON Lines files.
 *
 * Each table-year's batches go first to a scratch Arrow file beside its Parquet file; the scratch files
 * are converted at the end with the tables' own (`parquet-jobs.ts`) and removed. Memory holds one batch
 * being filled per table and year and one Parquet writer's row group per converting thread — not one
 * writer per year, which would keep a row group per year in WebAssembly memory (which never shrinks) —
 * whatever the corpus size.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { DataTable } from '../schema/tables.js'
import { ArrowFileSink } from './arrow-file-sink.js'
import { inside, partName, SCRATCH, yearFolder } from './layout.js'
import type { ParquetJobs } from './parquet-jobs.js'
import { RecordBatcher } from './table-writer.js'

export const PARTITIONED_TABLES = [
  'documents',
  'mentions',
  'quotes',
  'temporal_expressions',
  'events',
  'event_mentions',
] as const satisfies readonly DataTable[]
export type PartitionedTable = (typeof PARTITIONED_TABLES)[number]

/** One year of one table: rows batched into a scratch Arrow file. */
class YearFile {
  readonly batcher: RecordBatcher
  private readonly out: ArrowFileSink
  private batches = 0

  constructor(
    readonly table: PartitionedTable,
    readonly scratch: string,
    readonly parquet: string,
  ) {
    this.batcher = new RecordBatcher(table)
    this.out = new ArrowFileSink(scratch)
  }

  flush(): void {
    if (this.batcher.pending === 0 && this.batches > 0) return
    this.out.write(this.batcher.flush())
    this.batches++
  }

  async close(): Promise<void> {
    if (this.batcher.pending > 0 || this.batches === 0) this.flush()
    await this.out.close()
  }
}

/**
 * The by-year files of every partitioned table, fed row by row as the dataset is written (each row
 * with its document's year), then converted to Parquet by `finish`.
 */
export class YearPartitions {
  private readonly files = new Map<string, YearFile>()

  constructor(
    private readonly dir: string,
    private readonly shardIndex: number,
  ) {}

  /** A row as its values in schema order (`TableWriter.appendRow`), filed under `year`. */
  add(table: PartitionedTable, values: readonly unknown[], year: string): void {
    const key = `${table}\u0000${year}`
    let f = this.files.get(key)
    if (!f) {
      const folder = inside(this.dir, yearFolder(table, year))
      mkdirSync(folder, { recursive: true })
      const name = partName(this.shardIndex)
      f = new YearFile(table, join(folder, SCRATCH.partition(name)), join(folder, `${name}.parquet`))
      this.files.set(key, f)
    }
    f.batcher.appendValues(values)
    if (f.batcher.full) f.flush()
  }

  /**
   * Closes the scratch files of the tables `done` accepts (all by default) and queues their conversion
   * to Parquet, which removes them; a table closed here takes no more rows.
   */
  async finish(parquet: ParquetJobs, done: (table: PartitionedTable) => boolean = () => true): Promise<void> {
    for (const [key, f] of [...this.files]) {
      if (!done(f.table)) continue
      await f.close()
      parquet.add({ arrow: f.scratch, parquet: f.parquet, removeArrow: true })
      this.files.delete(key)
    }
  }
}
