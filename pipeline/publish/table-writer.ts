/**
 * Writes one table in three formats at once, batch by batch, so a table never has to be held in memory:
 * CSV (RFC 4180 via papaparse, `\n` line ends, formula-like cells neutralised), JSON Lines (every column,
 * schema order) and an Arrow IPC file (typed columns, dictionary-encoded strings, column descriptions in
 * field metadata).
 */

import { once } from 'node:events'
import { closeSync, createWriteStream, openSync, writeSync } from 'node:fs'
import {
  Bool,
  DataType,
  DateDay,
  Dictionary,
  Field,
  Float64,
  Int32,
  Int64,
  makeBuilder,
  makeData,
  RecordBatch,
  RecordBatchFileWriter,
  Schema,
  Struct,
  Utf8,
} from 'apache-arrow'
import Papa from 'papaparse'
import type { TableName, TableRows } from '../_generated/tables.js'
import { type Column, columns, tableSchema } from '../schema/tables.js'
import { type Cell, csvCell, epochMs, orderedRow } from './cells.js'
import { type ColumnBuilder, listOfStrings, Utf8Column, Utf8ListColumn } from './string-columns.js'

/**
 * The Arrow type of a column. Dictionary ids are given explicitly (the column's position): apache-arrow
 * otherwise takes them from a process-wide counter, and a second build in the same process would write
 * different bytes.
 */
export function arrowType(c: Column, position = 0): DataType {
  switch (c.kind) {
    case 'string':
      return c.dictionary ? new Dictionary(new Utf8(), new Int32(), position) : new Utf8()
    case 'integer':
      return c.int64 ? new Int64() : new Int32()
    case 'number':
      return new Float64()
    case 'boolean':
      return new Bool()
    case 'date':
      return new DateDay()
    case 'list':
      return listOfStrings()
  }
}

export function arrowSchema(table: TableName): Schema {
  const s = tableSchema(table)
  const fields = columns(table).map(
    (c, k) =>
      new Field(c.name, arrowType(c, k), c.nullable, new Map([['description', c.schema.description]])),
  )
  return new Schema(
    fields,
    new Map([
      ['description', s.description],
      ['table', table],
    ]),
  )
}

function arrowValue(v: Cell, c: Column): unknown {
  if (v === null || v === undefined) return null
  if (c.kind === 'date') return epochMs(v as string)
  if (c.kind === 'integer' && c.int64) return BigInt(v as number)
  return v
}

/**
 * A record batch is cut at `BATCH_ROWS` rows or, before that, once its cells hold about `BATCH_BYTES`
 * (string lengths, 8 bytes for any other value): a table of long articles must not hold 4,096 texts in
 * its builders. Both limits depend only on the rows, so the cuts, and the bytes written, are the same
 * however the rows were produced (jobs, shards merged, cache). Parquet row groups stay at `BATCH_ROWS`.
 */
export const BATCH_ROWS = 4_096
export const BATCH_BYTES = 1 << 20

function cellBytes(v: unknown): number {
  if (typeof v === 'string') return v.length
  if (Array.isArray(v)) {
    let n = 8
    for (const x of v) n += typeof x === 'string' ? x.length : 8
    return n
  }
  return 8
}

/**
 * Cells a spreadsheet would run as a formula. papaparse's own `escapeFormulae: true` pattern is
 * `^[=+\-@\t\r].*$`, whose `.` stops at a line break: a multi-line text starting with `=HYPERLINK(`
 * would be written raw. Only the first character matters.
 */
const FORMULA_START = /^[=+\-@\t\r]/

/** Builds Arrow record batches of one table from rows in schema order (JSON representation). */
export class RecordBatcher {
  readonly cols: Column[]
  readonly schema: Schema
  private readonly builders: ColumnBuilder[]
  pending = 0
  /** Estimated size of the pending rows' cells (see `BATCH_BYTES`). */
  pendingBytes = 0

  constructor(table: TableName) {
    this.cols = columns(table)
    this.schema = arrowSchema(table)
    this.builders = this.schema.fields.map((f): ColumnBuilder => {
      if (DataType.isUtf8(f.type)) return new Utf8Column(f.type)
      if (DataType.isList(f.type)) return new Utf8ListColumn(f.type)
      return makeBuilder({ type: f.type, nullValues: [null, undefined] })
    })
  }

  append(o: Readonly<Record<string, unknown>>): void {
    this.cols.forEach((c, k) => {
      const v = o[c.name]
      this.pendingBytes += cellBytes(v)
      this.builders[k]!.append(arrowValue(v as Cell, c))
    })
    this.pending++
  }

  /** Whether the pending rows make a batch (see `BATCH_ROWS`, `BATCH_BYTES`). */
  get full(): boolean {
    return this.pending >= BATCH_ROWS || this.pendingBytes >= BATCH_BYTES
  }

  flush(): RecordBatch {
    const children = this.builders.map((b) => b.flush())
    const data = makeData({
      type: new Struct(this.schema.fields),
      length: this.pending,
      nullCount: 0,
      children,
    })
    this.pending = 0
    this.pendingBytes = 0
    return new RecordBatch(this.schema, data)
  }
}

export class TableWriter<T extends TableName = TableName> {
  readonly cols: Column[]
  readonly schema: Schema
  private readonly csvFd: number
  private readonly jsonFd: number
  private readonly arrow: RecordBatchFileWriter
  private readonly arrowOut: ReturnType<typeof createWriteStream>
  private readonly batcher: RecordBatcher
  /** First non-null value of each column, for the codebook. */
  readonly examples = new Map<string, unknown>()
  private batches = 0
  rows = 0

  constructor(
    readonly table: T,
    paths: { csv: string; jsonl: string; arrow: string },
  ) {
    this.cols = columns(table)
    this.schema = arrowSchema(table)
    this.csvFd = openSync(paths.csv, 'w')
    this.jsonFd = openSync(paths.jsonl, 'w')
    writeSync(this.csvFd, `${Papa.unparse([this.cols.map((c) => c.name)], { newline: '\n' })}\n`)
    this.arrow = new RecordBatchFileWriter()
    this.arrowOut = createWriteStream(paths.arrow)
    this.arrow.toNodeStream().pipe(this.arrowOut)
    this.batcher = new RecordBatcher(table)
  }

  /** Append rows (objects keyed by column name; missing keys are written as null). */
  append(rows: readonly TableRows[T][]): void {
    if (rows.length === 0) return
    const csv: (string | number | boolean)[][] = []
    let json = ''
    for (const r of rows) {
      const o = orderedRow(r as unknown as Readonly<Record<string, unknown>>, this.cols)
      if (this.examples.size < this.cols.length)
        for (const c of this.cols) {
          const v = o[c.name]
          if (v !== null && !(Array.isArray(v) && v.length === 0) && !this.examples.has(c.name))
            this.examples.set(c.name, v)
        }
      json += `${JSON.stringify(o)}\n`
      csv.push(this.cols.map((c) => csvCell(o[c.name] as Cell, c)))
      this.batcher.append(o)
      this.rows++
      if (this.batcher.full) this.flushArrow()
    }
    writeSync(this.jsonFd, json)
    writeSync(
      this.csvFd,
      `${Papa.unparse(csv, { newline: '\n', escapeFormulae: FORMULA_START, header: false })}\n`,
    )
  }

  private flushArrow(): void {
    if (this.batcher.pending === 0 && this.batches > 0) return
    this.arrow.write(this.batcher.flush())
    this.batches++
  }

  async close(): Promise<void> {
    if (this.batcher.pending > 0 || this.batches === 0) this.flushArrow()
    closeSync(this.csvFd)
    closeSync(this.jsonFd)
    this.arrow.finish()
    this.arrow.close()
    if (!this.arrowOut.writableFinished) await once(this.arrowOut, 'finish')
  }
}
