/**
 * The fixed-width and dictionary columns are built outside apache-arrow's builders (see
 * `fixed-columns.ts`): the Arrow IPC bytes they give must be those apache-arrow's own builders give for
 * the same values — nulls or none, all null, batches of every length around the bitmaps' 64-byte
 * padding, one builder reused from batch to batch, dictionaries growing by deltas.
 */
import {
  Bool,
  type Builder,
  type Data,
  type DataType,
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
  Table,
  tableFromIPC,
  Utf8,
} from 'apache-arrow'
import { describe, expect, it } from 'vitest'
import { epochMs } from '../../pipeline/publish/cells.js'
import { BoolColumn, DictionaryColumn, FixedWidthColumn } from '../../pipeline/publish/fixed-columns.js'
import type { ColumnBuilder } from '../../pipeline/publish/string-columns.js'

/** An Arrow file of one column, one record batch per flush. */
function ipc(type: DataType, batches: readonly (readonly unknown[])[], builder: ColumnBuilder): Uint8Array {
  const schema = new Schema([new Field('x', type, true)])
  const writer = new RecordBatchFileWriter()
  for (const values of batches) {
    for (const v of values) builder.append(v)
    const data = builder.flush()
    writer.write(
      new RecordBatch(
        schema,
        makeData({ type: new Struct(schema.fields), length: values.length, nullCount: 0, children: [data] }),
      ),
    )
  }
  writer.finish()
  return writer.toUint8Array(true)
}

/** apache-arrow's builder, given the values it takes (epoch milliseconds for days, BigInt for Int64). */
function reference(type: DataType, convert: (v: unknown) => unknown): ColumnBuilder {
  const b: Builder = makeBuilder({ type, nullValues: [null, undefined] })
  return {
    append: (v: unknown) => {
      b.append(v === null || v === undefined ? v : convert(v))
    },
    flush: (): Data => b.flush(),
  }
}

// a deterministic sequence, so that a failure can be replayed
function* numbers(seed: number): Generator<number> {
  let x = seed
  for (;;) {
    x = (x * 1103515245 + 12345) % 2 ** 31
    yield x
  }
}

/** Batches of every length around the padding, values from `make`, a share of nulls (or none). */
function batches(make: (x: number) => unknown, nullEvery: number): unknown[][] {
  const r = numbers(nullEvery)
  return [0, 1, 7, 8, 9, 63, 64, 65, 511, 512, 513, 4096, 5000].map((n) =>
    Array.from({ length: n }, () => {
      const x = r.next().value as number
      return nullEvery > 0 && x % nullEvery === 0 ? null : make(x)
    }),
  )
}

const day = (x: number) => {
  const d = new Date(Date.UTC(1990, 0, 1) + (x % 20_000) * 86_400_000)
  return d.toISOString().slice(0, 10)
}

const cases = [
  ['Int32', () => new Int32(), 'int32', (x: number) => (x % 100_000) - 50_000, (v: unknown) => v],
  ['Int64', () => new Int64(), 'int64', (x: number) => x * 4099, (v: unknown) => BigInt(v as number)],
  ['Float64', () => new Float64(), 'float64', (x: number) => x / 7 - 1e6, (v: unknown) => v],
  ['DateDay', () => new DateDay(), 'date', day, (v: unknown) => epochMs(v as string)],
] as const

describe('FixedWidthColumn', () => {
  for (const [name, type, kind, make, convert] of cases)
    it(`${name}: the IPC bytes of apache-arrow's builder, with and without nulls`, () => {
      for (const nullEvery of [0, 3, 1]) {
        const values = batches(make, nullEvery)
        const ours = ipc(type(), values, new FixedWidthColumn(type() as never, kind))
        const theirs = ipc(type(), values, reference(type(), convert))
        expect(Buffer.from(ours).equals(Buffer.from(theirs)), `${name}, null every ${nullEvery}`).toBe(true)
      }
    })

  it('reads back the values given', () => {
    const values = ['2024-02-29', null, '1969-12-31', '2025-01-01']
    const bytes = ipc(new DateDay(), [values], new FixedWidthColumn(new DateDay(), 'date'))
    const back = tableFromIPC(bytes).getChild('x')!.toArray() as (Date | number | null)[]
    expect([...back].map((d) => (d === null ? null : new Date(d).toISOString().slice(0, 10)))).toEqual(values)
  })
})

describe('BoolColumn', () => {
  it("the IPC bytes of apache-arrow's builder, with and without nulls", () => {
    for (const nullEvery of [0, 3, 1]) {
      const values = batches((x) => x % 2 === 0, nullEvery)
      const ours = ipc(new Bool(), values, new BoolColumn(new Bool()))
      const theirs = ipc(
        new Bool(),
        values,
        reference(new Bool(), (v) => v),
      )
      expect(Buffer.from(ours).equals(Buffer.from(theirs)), `null every ${nullEvery}`).toBe(true)
      const back = new Table(tableFromIPC(ours).batches).getChild('x')!.toArray() as unknown as boolean[]
      expect([...back]).toEqual(values.flat())
    }
  })
})

describe('DictionaryColumn', () => {
  const places = ['Bamako', 'Gao', 'Kidal', 'Mopti', 'Ségou', 'Tombouctou', 'Niamey', 'Ouagadougou']

  it("apache-arrow's builder's values, with one dictionary delta per batch that brings new values (none for a batch that brings none)", () => {
    for (const nullEvery of [0, 3, 1]) {
      // few values at first, more later: some batches add to the dictionary, some add nothing
      const values = batches((x) => places[x % Math.min(places.length, 1 + (x % 5))]!, nullEvery)
      values.push(['Agadez', 'Bamako', null, 'Agadez'], [], ['Gao'])
      const type = () => new Dictionary(new Utf8(), new Int32(), 3)
      const ours = tableFromIPC(ipc(type(), values, new DictionaryColumn(type())))
      const theirs = tableFromIPC(
        ipc(
          type(),
          values,
          reference(type(), (v) => v),
        ),
      )
      const read = (t: Table) => [...(new Table(t.batches).getChild('x')!.toArray() as unknown as string[])]
      expect(read(ours), `null every ${nullEvery}`).toEqual(values.flat())
      expect(read(theirs)).toEqual(values.flat())
      // the batches that bring a value not seen before (the first batch always makes the dictionary)
      const seen = new Set<unknown>()
      let bringing = 0
      values.forEach((batch, k) => {
        const fresh = batch.filter((v) => v !== null && !seen.has(v))
        for (const v of fresh) seen.add(v)
        if (fresh.length > 0 || k === 0) bringing++
      })
      const last = ours.batches.at(-1)!.getChild('x')!.data[0]!.dictionary!
      expect(last.data.length, `null every ${nullEvery}`).toBe(bringing)
      expect(bringing).toBeLessThan(values.length)
    }
  })
})
