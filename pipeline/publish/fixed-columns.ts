/**
 * Arrow builders for the fixed-width columns of the tables (`Int32`, `Int64`, `Float64`, `DateDay`,
 * `Bool`), that take a row's JSON value (a number, a `YYYY-MM-DD` day, a boolean, or null) and write it
 * straight into a typed array; and for the dictionary-encoded strings, whose indices are one.
 *
 * Why not apache-arrow's builders: each value goes through several calls and a bitmap builder that
 * grows one bit at a time (a tenth of the time spent writing the tables). The buffers given here are
 * those apache-arrow's builders give — the values (the IPC writer keeps `length` of them), and the
 * validity bitmap and boolean bitmap padded to a multiple of 64 bytes, zeros beyond the last row — so
 * the IPC bytes are the same (`tests/publish/fixed-columns.test.ts` compares them).
 */
import {
  type Bool,
  type Data,
  type DateDay,
  type Dictionary,
  type Float64,
  type Int32,
  type Int64,
  makeData,
  type Utf8,
  Vector,
} from 'apache-arrow'
import { epochMs } from './cells.js'
import { type ColumnBuilder, Utf8Column } from './string-columns.js'

const MS_PER_DAY = 86_400_000

/** A bitmap of `length` bits as apache-arrow's builders flush it: padded to a multiple of 64 bytes. */
function paddedBitmap(bits: Uint8Array, length: number): Uint8Array {
  const bytes = (length + 7) >> 3
  const out = new Uint8Array(Math.max(64, Math.ceil(bytes / 64) * 64))
  out.set(bits.subarray(0, bytes))
  return out
}

/** Growable bits, zeroed again after each flush. */
class Bits {
  bits = new Uint8Array(64)

  set(i: number): void {
    const byte = i >> 3
    if (byte >= this.bits.length) {
      const b = new Uint8Array(Math.max(this.bits.length * 2, byte + 1))
      b.set(this.bits)
      this.bits = b
    }
    this.bits[byte]! |= 1 << (i & 7)
  }

  /** The first `length` bits, padded (see `paddedBitmap`); the bits are cleared. */
  take(length: number): Uint8Array {
    const out = paddedBitmap(this.bits, length)
    this.clear(length)
    return out
  }

  clear(length: number): void {
    if (this.bits.length > 1 << 13) this.bits = new Uint8Array(64)
    else this.bits.fill(0, 0, Math.min(this.bits.length, (length + 7) >> 3))
  }
}

type Fixed = Int32 | Int64 | Float64 | DateDay
type FixedArray = Int32Array | BigInt64Array | Float64Array

/** `Int32`, `Int64`, `Float64` or `DateDay` values, nullable; a null slot holds 0, as apache-arrow's. */
export class FixedWidthColumn implements ColumnBuilder {
  private values: FixedArray
  private readonly valid = new Bits()
  private nulls = 0
  length = 0

  constructor(
    readonly type: Fixed,
    private readonly kind: 'int32' | 'int64' | 'float64' | 'date',
  ) {
    this.values = this.make(256)
  }

  private make(n: number): FixedArray {
    return this.kind === 'int64'
      ? new BigInt64Array(n)
      : this.kind === 'float64'
        ? new Float64Array(n)
        : new Int32Array(n)
  }

  append(value: unknown): void {
    const i = this.length++
    if (i >= this.values.length) {
      const v = this.make(this.values.length * 2)
      v.set(this.values as never)
      this.values = v
    }
    if (value === null || value === undefined) {
      this.nulls++
      this.values[i] = this.kind === 'int64' ? 0n : 0
      return
    }
    this.valid.set(i)
    if (this.kind === 'int64') (this.values as BigInt64Array)[i] = BigInt(value as number)
    else if (this.kind === 'date') this.values[i] = Math.floor(epochMs(value as string) / MS_PER_DAY)
    else (this.values as Int32Array | Float64Array)[i] = value as number
  }

  flush(): Data<Fixed> {
    const { length, nulls } = this
    const data = makeData({
      type: this.type,
      length,
      nullCount: nulls,
      ...(nulls > 0 ? { nullBitmap: this.valid.take(length) } : {}),
      data: this.values.slice(0, length),
    } as never) as unknown as Data<Fixed>
    if (nulls === 0) this.valid.clear(length)
    this.length = 0
    this.nulls = 0
    if (this.values.length > 1 << 16) this.values = this.make(256)
    return data
  }
}

/** `Bool` values, nullable. */
export class BoolColumn implements ColumnBuilder {
  private readonly valid = new Bits()
  private readonly truth = new Bits()
  private nulls = 0
  length = 0

  constructor(readonly type: Bool) {}

  append(value: unknown): void {
    const i = this.length++
    if (value === null || value === undefined) {
      this.nulls++
      return
    }
    this.valid.set(i)
    if (value) this.truth.set(i)
  }

  flush(): Data<Bool> {
    const { length, nulls } = this
    const data = makeData({
      type: this.type,
      length,
      nullCount: nulls,
      ...(nulls > 0 ? { nullBitmap: this.valid.take(length) } : {}),
      data: this.truth.take(length),
    })
    if (nulls === 0) this.valid.clear(length)
    this.length = 0
    this.nulls = 0
    return data
  }
}

/**
 * Dictionary-encoded strings (`Dictionary<Utf8, Int32>`), nullable. As apache-arrow's
 * `DictionaryBuilder`: a value's index is its rank among the distinct values seen since the first
 * batch; each batch carries the dictionary so far, as the chunks of the earlier batches' dictionaries
 * followed by a chunk of the values new in this batch (the IPC writer writes that chunk as a delta).
 */
export class DictionaryColumn implements ColumnBuilder {
  private readonly indices: FixedWidthColumn
  private readonly fresh = new Utf8Column()
  private readonly keys = new Map<string, number>()
  private dictionary: Vector<Utf8> | null = null

  constructor(readonly type: Dictionary<Utf8, Int32>) {
    this.indices = new FixedWidthColumn(type.indices, 'int32')
  }

  append(value: unknown): void {
    if (value === null || value === undefined) {
      this.indices.append(null)
      return
    }
    const key = typeof value === 'string' ? value : `${value}`
    let k = this.keys.get(key)
    if (k === undefined) {
      k = this.keys.size
      this.keys.set(key, k)
      this.fresh.append(value)
    }
    this.indices.append(k)
  }

  flush(): Data<Dictionary<Utf8, Int32>> {
    const data = this.indices.flush().clone(this.type) as Data<Dictionary<Utf8, Int32>>
    // a batch without new values adds no chunk: the dictionary keeps one chunk per batch that brought
    // values, not one per batch (a million articles make thousands of batches, and every reader of the
    // file, the Parquet conversion included, paid for each chunk of every batch's dictionary: the
    // conversion of a table grew with the square of its batches)
    if (this.dictionary === null || this.fresh.length > 0) {
      const chunk = new Vector([this.fresh.flush()])
      this.dictionary = this.dictionary ? this.dictionary.concat(chunk) : chunk
    }
    data.dictionary = this.dictionary
    return data
  }
}
