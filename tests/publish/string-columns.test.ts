/**
 * The string columns are built outside apache-arrow's builders (see `string-columns.ts`): what they
 * write must read back, through Arrow IPC, as exactly the values given — nulls, empty strings, accents,
 * emoji, long texts, empty and null lists — and batches must be cut by size as well as by rows.
 */
import { Field, makeData, RecordBatch, Schema, Struct, Table, tableFromIPC, tableToIPC } from 'apache-arrow'
import { describe, expect, it } from 'vitest'
import { listOfStrings, Utf8Column, Utf8ListColumn } from '../../pipeline/publish/string-columns.js'
import { BATCH_BYTES, BATCH_ROWS, RecordBatcher } from '../../pipeline/publish/table-writer.js'

function roundTrip(name: string, column: Utf8Column | Utf8ListColumn): unknown[] {
  const data = column.flush()
  const schema = new Schema([new Field(name, data.type, true)])
  const batch = new RecordBatch(
    schema,
    makeData({ type: new Struct(schema.fields), length: data.length, nullCount: 0, children: [data] }),
  )
  const back = tableFromIPC(tableToIPC(new Table(batch), 'file'))
  const values = back.getChild(name)!.toArray() as unknown[]
  return values.map((v) => (v !== null && typeof v === 'object' ? [...(v as Iterable<unknown>)] : v))
}

const fragments = [
  'Le ministre malien de la Défense, Sadio Camara, s’est rendu à Moscou.',
  null,
  '',
  '« Nous ne sommes pas là pour faire la guerre », a déclaré M. Lavrov.',
  'Ségou, Mopti — 🇲🇱 — Tombouctou',
  null,
]

describe('Utf8Column', () => {
  it('reads back every value, null and empty string apart', () => {
    const c = new Utf8Column()
    for (const f of fragments) c.append(f)
    expect(roundTrip('text', c)).toEqual(fragments)
  })

  it('holds a text longer than its initial buffer, and starts empty after a flush', () => {
    const long = 'Bamako (AFP) - '.repeat(20_000)
    const c = new Utf8Column()
    c.append('avant')
    c.append(long)
    expect(roundTrip('text', c)).toEqual(['avant', long])
    c.append('après')
    expect(roundTrip('text', c)).toEqual(['après'])
  })

  it('holds the UTF-8 bytes TextEncoder gives, short ASCII strings copied by hand or not', () => {
    const values = [
      'men_0123456789abcdef',
      'Goïta',
      'Bamako é',
      'é',
      'x'.repeat(64),
      `${'x'.repeat(63)}é`,
      'y'.repeat(65),
      '\ud83c',
      '🇲🇱',
      '',
      'ML',
    ]
    const c = new Utf8Column()
    for (const v of values) c.append(v)
    c.append(12.5)
    const data = c.flush()
    const all = [...values, '12.5']
    const encoder = new TextEncoder()
    expect(Buffer.from(data.values).equals(Buffer.from(encoder.encode(all.join(''))))).toBe(true)
    const ends = all.map((_, k) => encoder.encode(all.slice(0, k + 1).join('')).length)
    expect([...data.valueOffsets]).toEqual([0, ...ends])
  })

  it('writes no validity bitmap when no value is null', () => {
    const c = new Utf8Column()
    c.append('Kidal')
    c.append('Gao')
    const data = c.flush()
    expect(data.nullCount).toBe(0)
    expect(data.nullBitmap?.length ?? 0).toBe(0)
  })
})

describe('Utf8ListColumn', () => {
  it('reads back lists, empty lists and null lists', () => {
    const lists = [['ent_a', 'ent_b'], [], null, ['Wagner'], ['Africa Corps', 'Minusma', 'Barkhane']]
    const c = new Utf8ListColumn(listOfStrings())
    for (const l of lists) c.append(l)
    expect(roundTrip('ids', c)).toEqual(lists)
  })
})

describe('RecordBatcher', () => {
  const mention = (k: number) => ({
    mention_id: `men_${k}`,
    doc_id: 'doc_0',
    entity_id: null,
    text: 'Assimi Goïta',
  })

  it('is full at BATCH_ROWS small rows', () => {
    const b = new RecordBatcher('mentions')
    for (let k = 0; k < BATCH_ROWS - 1; k++) b.append(mention(k))
    expect(b.full).toBe(false)
    b.append(mention(BATCH_ROWS))
    expect(b.full).toBe(true)
    expect(b.flush().numRows).toBe(BATCH_ROWS)
    expect(b.full).toBe(false)
  })

  it('is full, well before BATCH_ROWS, once long texts reach BATCH_BYTES', () => {
    const b = new RecordBatcher('documents')
    const text = 'La junte malienne a annoncé le départ des forces françaises. '.repeat(400)
    let rows = 0
    while (!b.full) b.append({ doc_id: `doc_${rows++}`, text })
    // the texts alone make BATCH_BYTES after ⌈BATCH_BYTES / length⌉ rows; the other cells add a little
    expect(rows).toBeLessThanOrEqual(Math.ceil(BATCH_BYTES / text.length))
    expect(rows).toBeGreaterThan(Math.ceil(BATCH_BYTES / text.length) - 3)
    const batch = b.flush()
    expect(batch.numRows).toBe(rows)
    expect(batch.getChild('text')!.get(rows - 1)).toBe(text)
  })
})
