/**
 * The rows of a published table, read back from whichever of its formats the build wrote (`--formats`):
 * JSON Lines, else Arrow, else Parquet. Every row comes as its JSON Lines object would: integers as
 * numbers (Int64 included), dates as `YYYY-MM-DD`, lists as arrays, dictionary strings as strings.
 * JSON Lines and Arrow are read one line or one record batch at a time; a Parquet file is read whole.
 */
import { createReadStream, existsSync, readFileSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { createInterface } from 'node:readline'
import { type RecordBatch, RecordBatchReader, tableFromIPC } from 'apache-arrow'
import * as pw from 'parquet-wasm'
import type { TableName } from '../_generated/tables.js'
import { type Column, columns } from '../schema/tables.js'
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
  const ipc = pw.readParquet(readFileSync(source.path)).intoIPCStream()
  for (const batch of tableFromIPC(ipc).batches) yield* batchRows(batch, cols)
}
