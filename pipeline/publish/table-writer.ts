/**
 * Writes one table in three formats at once, batch by batch, so a table never has to be held in memory:
 * CSV (RFC 4180 as papaparse writes it, `\n` line ends, formula-like cells neutralised), JSON Lines (every
 * column, schema order) and an Arrow IPC file (typed columns, dictionary-encoded strings, column
 * descriptions in field metadata). Each row is read once, into its values in schema order, from which
 * the three formats (and the by-year partitions, `parquet-by-year.ts`) are written.
 */

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
  Schema,
  Struct,
  Utf8,
} from 'apache-arrow'
import Papa from 'papaparse'
import type { TableName, TableRows } from '../_generated/tables.js'
import { type Column, columns, tableSchema } from '../schema/tables.js'
import { ArrowFileSink } from './arrow-file-sink.js'
import { type Cell, csvCell, csvField } from './cells.js'
import type { FileHashes } from './checksums.js'
import { BoolColumn, DictionaryColumn, FixedWidthColumn } from './fixed-columns.js'
import { type ColumnBuilder, listOfStrings, Utf8Column, Utf8ListColumn } from './string-columns.js'
import { TextSink } from './text-sink.js'

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

/**
 * The builder of a column, given its JSON values: strings, lists, fixed-width values and dictionary
 * indices are written straight into typed arrays (`string-columns.ts`, `fixed-columns.ts`), with the
 * buffers apache-arrow's builders give; any other type goes through apache-arrow's builder.
 */
function columnBuilder(type: DataType): ColumnBuilder {
  if (DataType.isUtf8(type)) return new Utf8Column(type)
  if (DataType.isList(type)) return new Utf8ListColumn(type)
  if (DataType.isBool(type)) return new BoolColumn(type)
  if (DataType.isFloat(type)) return new FixedWidthColumn(type as Float64, 'float64')
  if (DataType.isDate(type)) return new FixedWidthColumn(type as DateDay, 'date')
  if (DataType.isDictionary(type)) return new DictionaryColumn(type as Dictionary<Utf8, Int32>)
  if (DataType.isInt(type))
    return type.bitWidth === 64
      ? new FixedWidthColumn(type as Int64, 'int64')
      : new FixedWidthColumn(type as Int32, 'int32')
  return makeBuilder({ type, nullValues: [null, undefined] })
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
    this.builders = this.schema.fields.map((f) => columnBuilder(f.type))
  }

  /** A row as an object keyed by column name (missing keys are null). */
  append(o: Readonly<Record<string, unknown>>): void {
    this.appendValues(this.cols.map((c) => o[c.name]))
  }

  /** A row as its values in schema order (`undefined` is null). */
  appendValues(values: readonly unknown[]): void {
    const n = this.cols.length
    for (let k = 0; k < n; k++) {
      const v = values[k]
      this.pendingBytes += cellBytes(v)
      this.builders[k]!.append(v === undefined ? null : v)
    }
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
  private readonly csv: TextSink | null
  private readonly json: TextSink | null
  /**
   * The row being written, as its values in schema order and as an object with every column in schema
   * order (for its JSON line) and as CSV fields; the three are reused from row to row.
   */
  private readonly values: unknown[]
  private readonly ordered: Record<string, unknown>
  private readonly fields: string[]
  private readonly arrow: ArrowFileSink | null
  private readonly batcher: RecordBatcher
  /** First non-null value of each column, for the codebook. */
  readonly examples = new Map<string, unknown>()
  private batches = 0
  rows = 0

  /** `paths` names the file of each format to write; a format without a path is not written. */
  constructor(
    readonly table: T,
    paths: { csv?: string; jsonl?: string; arrow?: string },
    /** Where the files' SHA-256, computed as they are written, are recorded (none: not hashed). */
    hashes?: FileHashes,
  ) {
    this.cols = columns(table)
    this.schema = arrowSchema(table)
    this.csv = paths.csv === undefined ? null : new TextSink(paths.csv, hashes)
    this.json = paths.jsonl === undefined ? null : new TextSink(paths.jsonl, hashes)
    this.csv?.writeLine(Papa.unparse([this.cols.map((c) => c.name)], { newline: '\n' }))
    this.values = this.cols.map(() => null)
    this.ordered = Object.fromEntries(this.cols.map((c) => [c.name, null]))
    this.fields = this.cols.map(() => '')
    this.arrow = paths.arrow === undefined ? null : new ArrowFileSink(paths.arrow, hashes)
    this.batcher = new RecordBatcher(table)
  }

  /** Append rows (objects keyed by column name; missing keys are written as null). */
  append(rows: readonly TableRows[T][]): void {
    for (const r of rows) this.appendRow(r as unknown as Readonly<Record<string, unknown>>)
  }

  /**
   * Append one row (missing keys are written as null). Returns its values in schema order, valid
   * until the next call (the array is reused).
   */
  appendRow(row: Readonly<Record<string, unknown>>): readonly unknown[] {
    const { cols, values, ordered, fields, csv, json } = this
    const n = cols.length
    for (let k = 0; k < n; k++) {
      const c = cols[k]!
      const raw = row[c.name]
      const v = raw === undefined ? null : raw
      values[k] = v
      ordered[c.name] = v
      if (csv) fields[k] = v === null ? '' : csvField(csvCell(v as Cell, c))
    }
    json?.writeLine(JSON.stringify(ordered))
    csv?.writeLine(fields.join(','))
    if (this.examples.size < n)
      for (let k = 0; k < n; k++) {
        const v = values[k]
        const name = cols[k]!.name
        if (v !== null && !(Array.isArray(v) && v.length === 0) && !this.examples.has(name))
          this.examples.set(name, v)
      }
    this.rows++
    if (this.arrow) {
      this.batcher.appendValues(values)
      if (this.batcher.full) this.flushArrow(this.arrow)
    }
    return values
  }

  private flushArrow(arrow: ArrowFileSink): void {
    if (this.batcher.pending === 0 && this.batches > 0) return
    arrow.write(this.batcher.flush())
    this.batches++
  }

  async close(): Promise<void> {
    if (this.arrow && (this.batcher.pending > 0 || this.batches === 0)) this.flushArrow(this.arrow)
    this.csv?.close()
    this.json?.close()
    await this.arrow?.close()
  }
}
