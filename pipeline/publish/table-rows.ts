/**
 * The rows of a published table, read back from whichever of its formats the build wrote (`--formats`):
 * JSON Lines, else Arrow, else Parquet. Every row comes as its JSON Lines object would: integers as
 * numbers (Int64 included), dates as `YYYY-MM-DD`, lists as arrays, dictionary strings as strings.
 * JSON Lines, Arrow and Parquet are read one line, one record batch or one row group at a time.
 */
import { createReadStream, existsSync, openAsBlob } from 'node:fs'
import { open } from 'node:fs/promises'
import { createInterface } from 'node:readline'
import { type RecordBatch, RecordBatchReader, tableFromIPC } from 'apache-arrow'
import * as pw from 'parquet-wasm'
import type { TableName } from '../_generated/tables.js'
import { type Column, columns } from '../schema/tables.js'
import { JsonlCursor } from '../util/jsonl-cursor.js'
import { inside, tableFile } from './layout.js'

export type Row = Record<string, unknown>

/** The lines of a JSON Lines file, parsed (nothing when the file is missing). */
export async function* jsonLines<T>(path: string): AsyncGenerator<T> {
  if (!existsSync(path)) return
  const lines = createInterface({
    input: createReadStream(path, 'utf8'),
    crlfDelay: Number.POSITIVE_INFINITY,
  })
  for await (const line of lines) if (line.trim() !== '') yield JSON.parse(line) as T
}

/** A value of an Arrow vector as JSON Lines writes it. */
function jsonValue(v: unknown, c: Column): unknown {
  if (v === null || v === undefined) return null
  switch (c.kind) {
    case 'integer':
      return typeof v === 'bigint' ? Number(v) : v
    case 'date':
      return new Date(v instanceof Date ? v.getTime() : (v as number)).toISOString().slice(0, 10)
    case 'list':
      return [...(v as Iterable<unknown>)]
    default:
      return v
  }
}

function* batchRows(batch: RecordBatch, cols: readonly Column[]): Generator<Row> {
  const vectors = cols.map((c) => batch.getChild(c.name))
  for (let r = 0; r < batch.numRows; r++) {
    const row: Row = {}
    cols.forEach((c, k) => {
      row[c.name] = jsonValue(vectors[k]?.get(r) ?? null, c)
    })
    yield row
  }
}

/** Which file a table's rows are read from, or null when the build wrote none of its formats. */
export function tableSource(
  dir: string,
  table: TableName,
): { format: 'jsonl' | 'arrow' | 'parquet'; path: string } | null {
  for (const format of ['jsonl', 'arrow', 'parquet'] as const) {
    const path = inside(dir, tableFile(table, format))
    if (existsSync(path)) return { format, path }
  }
  return null
}

/** The rows of `table` in `dir`, in file order (nothing when no file of it is there). */
export async function* tableRows(dir: string, table: TableName): AsyncGenerator<Row> {
  const source = tableSource(dir, table)
  if (!source) return
  if (source.format === 'jsonl') {
    yield* jsonLines<Row>(source.path)
    return
  }
  const cols = columns(table)
  if (source.format === 'arrow') {
    const handle = await open(source.path, 'r')
    try {
      const reader = await RecordBatchReader.from(handle)
      await reader.open()
      for await (const batch of reader) yield* batchRows(batch, cols)
    } finally {
      await handle.close()
    }
    return
  }
  const file = await pw.ParquetFile.fromFile(await openAsBlob(source.path))
  try {
    const groups = file.metadata().numRowGroups()
    for (let g = 0; g < groups; g++) {
      const ipc = (await file.read({ rowGroups: [g] })).intoIPCStream()
      for (const batch of tableFromIPC(ipc).batches) yield* batchRows(batch, cols)
    }
  } finally {
    file.free()
  }
}

/**
 * A table's rows with a look at the next one, from any of its formats: what merging shards needs (the
 * rows of each document are taken from each shard in turn).
 */
export class RowCursor<T = Row> {
  /** JSON Lines are read synchronously (the common case, and the fastest); the others as they come. */
  private readonly lines: JsonlCursor<T> | null
  private readonly rows: AsyncGenerator<Row> | null
  private head: T | null | undefined

  constructor(dir: string, table: TableName) {
    const source = tableSource(dir, table)
    this.lines = source?.format === 'jsonl' ? new JsonlCursor<T>(source.path) : null
    this.rows = this.lines ? null : tableRows(dir, table)
  }

  /** The next row without consuming it; null at the end. */
  async peek(): Promise<T | null> {
    if (this.lines) return this.lines.peek()
    if (this.head === undefined) {
      const r = this.rows ? await this.rows.next() : { done: true as const, value: undefined }
      this.head = r.done ? null : (r.value as T)
    }
    return this.head
  }

  async next(): Promise<T | null> {
    if (this.lines) return this.lines.next()
    const r = await this.peek()
    this.head = undefined
    return r
  }

  /** Stops reading (the file is closed). */
  async close(): Promise<void> {
    this.lines?.close()
    await this.rows?.return(undefined)
  }
}
