/**
 * Arrow builders for the two string layouts of the tables, `Utf8` and `List<Utf8>`, that encode each
 * value straight into one growing byte buffer.
 *
 * Why not apache-arrow's `Utf8Builder`: until it is flushed, it keeps every pending value as its own
 * `Uint8Array` in a `Map` (`VariableWidthBuilder._pending`), so a batch of 4,096 rows with ten string
 * columns is 40,000 small buffers — about ten times the bytes of the text they hold. Here a batch's
 * strings are one buffer of UTF-8 and one of offsets, written with `TextEncoder.encodeInto`.
 * The layout is Arrow's own (validity bitmap, int32 offsets, data), so the IPC bytes are those any
 * builder would give for the same values.
 */
import { type Data, Field, List, makeData, Utf8 } from 'apache-arrow'

const encoder = new TextEncoder()
/** Strings up to this length are tried as ASCII first (see `Utf8Column.append`). */
const SHORT = 64

/** A growable typed array. */
function grow<A extends Uint8Array | Int32Array>(a: A, need: number, make: (n: number) => A): A {
  if (need <= a.length) return a
  let n = a.length * 2
  while (n < need) n *= 2
  const b = make(n)
  b.set(a)
  return b
}

/** Validity bits (1 = present) for a column being built. */
class Validity {
  private bits = new Uint8Array(64)
  nulls = 0

  set(i: number, valid: boolean): void {
    if (i >> 3 >= this.bits.length) this.bits = grow(this.bits, (i >> 3) + 1, (n) => new Uint8Array(n))
    if (valid) this.bits[i >> 3]! |= 1 << (i & 7)
    else this.nulls++
  }

  /** The bitmap of `length` rows, or an empty one when every row is valid (Arrow allows omitting it). */
  take(length: number): Uint8Array {
    const out = this.nulls > 0 ? this.bits.slice(0, (length + 7) >> 3) : new Uint8Array(0)
    this.bits = new Uint8Array(64)
    this.nulls = 0
    return out
  }
}

/** The common interface of the column builders a record batch is made of. */
export interface ColumnBuilder {
  append(value: unknown): void
  flush(): Data
}

/** `Utf8` values, nullable. */
export class Utf8Column implements ColumnBuilder {
  private bytes = new Uint8Array(1 << 12)
  private used = 0
  private offsets = new Int32Array(256)
  private readonly validity = new Validity()
  length = 0

  constructor(readonly type: Utf8 = new Utf8()) {}

  append(value: unknown): void {
    if (value === null || value === undefined) this.validity.set(this.length, false)
    else {
      const s = typeof value === 'string' ? value : String(value)
      this.validity.set(this.length, true)
      // UTF-8 needs at most 3 bytes per UTF-16 code unit
      const n = s.length
      if (this.used + n * 3 > this.bytes.length)
        this.bytes = grow(this.bytes, this.used + n * 3, (m) => new Uint8Array(m))
      // a short ASCII string (ids, codes, most names) is copied code unit by code unit: its UTF-8
      // bytes are its code units, and a call to the encoder costs more than the copy
      let k = 0
      if (n <= SHORT) {
        const bytes = this.bytes
        const at = this.used
        for (; k < n; k++) {
          const c = s.charCodeAt(k)
          if (c > 0x7f) break
          bytes[at + k] = c
        }
      }
      this.used += k === n ? n : encoder.encodeInto(s, this.bytes.subarray(this.used)).written
    }
    if (this.length + 2 > this.offsets.length)
      this.offsets = grow(this.offsets, this.length + 2, (m) => new Int32Array(m))
    this.offsets[++this.length] = this.used
  }

  flush(): Data<Utf8> {
    const data = makeData({
      type: this.type,
      length: this.length,
      nullCount: this.validity.nulls,
      nullBitmap: this.validity.take(this.length),
      valueOffsets: this.offsets.slice(0, this.length + 1),
      data: this.bytes.slice(0, this.used),
    })
    this.length = 0
    this.used = 0
    // give back what one long batch took, keep the usual size
    if (this.bytes.length > 1 << 22) this.bytes = new Uint8Array(1 << 12)
    if (this.offsets.length > 1 << 16) this.offsets = new Int32Array(256)
    return data
  }
}

/** `List<Utf8>` values (the items are never null), nullable. */
export class Utf8ListColumn implements ColumnBuilder {
  private readonly items: Utf8Column
  private offsets = new Int32Array(256)
  private readonly validity = new Validity()
  length = 0

  constructor(readonly type: List<Utf8>) {
    this.items = new Utf8Column(type.valueType)
  }

  append(value: unknown): void {
    if (value === null || value === undefined) this.validity.set(this.length, false)
    else {
      this.validity.set(this.length, true)
      for (const v of value as readonly unknown[]) this.items.append(v)
    }
    if (this.length + 2 > this.offsets.length)
      this.offsets = grow(this.offsets, this.length + 2, (n) => new Int32Array(n))
    this.offsets[++this.length] = this.items.length
  }

  flush(): Data<List<Utf8>> {
    const data = makeData({
      type: this.type,
      length: this.length,
      nullCount: this.validity.nulls,
      nullBitmap: this.validity.take(this.length),
      valueOffsets: this.offsets.slice(0, this.length + 1),
      child: this.items.flush(),
    })
    this.length = 0
    if (this.offsets.length > 1 << 16) this.offsets = new Int32Array(256)
    return data
  }
}

/** The item field of the tables' list columns. */
export const listOfStrings = (): List<Utf8> => new List(new Field('item', new Utf8(), false))
