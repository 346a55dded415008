import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { TextSink } from '../../pipeline/publish/text-sink.js'
import { JsonlCursor } from '../../pipeline/util/jsonl-cursor.js'
import { tempDir } from '../helpers.js'

describe('JsonlCursor', () => {
  it('reads rows of several megabytes across its 1 MiB chunks, multi-byte characters included', () => {
    // a document row longer than three chunks (the text of a long article), between short rows
    const long = 'L’armée malienne a été visée à Kati. '.repeat(40_000)
    const rows = [
      { n: 1, text: 'court' },
      { n: 2, text: long },
      { n: 3, text: 'é' },
      { n: 4, text: long.slice(7) },
    ]
    const file = join(tempDir('jsonl'), 'rows.jsonl')
    writeFileSync(file, `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`)
    const c = new JsonlCursor<{ n: number; text: string }>(file)
    const read: { n: number; text: string }[] = []
    expect(c.peek()?.n).toBe(1)
    for (let r = c.next(); r !== null; r = c.next()) read.push(r)
    c.close()
    expect(read.map((r) => r.n)).toEqual([1, 2, 3, 4])
    expect(read).toEqual(rows)
  })

  it('reads a last row without a final line feed', () => {
    const file = join(tempDir('jsonl'), 'rows.jsonl')
    writeFileSync(file, '{"a":1}\n{"a":2}')
    const c = new JsonlCursor<{ a: number }>(file)
    expect([c.next(), c.next(), c.next()]).toEqual([{ a: 1 }, { a: 2 }, null])
    c.close()
  })
})

describe('compressed JSON Lines (the event spool)', () => {
  const rows = (n: number) =>
    Array.from({ length: n }, (_, k) => ({
      k,
      text: `L’armée malienne a frappé à Kidal (${k}), ${'é'.repeat(k % 7)}`,
    }))

  it('reads back every row a compressed TextSink wrote, rows longer than a frame included', () => {
    const file = join(tempDir('frames'), 'spool.jsonl.frames')
    const long = { k: -1, text: 'Une très longue dépêche. '.repeat(30_000) }
    const written = [...rows(5_000), long, ...rows(3)]
    const sink = new TextSink(file, undefined, { compressed: true })
    for (const r of written) sink.writeLine(JSON.stringify(r))
    sink.close()
    const raw = written.reduce((n, r) => n + Buffer.byteLength(JSON.stringify(r)) + 1, 0)
    // the frames are smaller than the lines they hold
    expect(statSync(file).size).toBeLessThan(raw / 3)
    const c = new JsonlCursor<{ k: number; text: string }>(file, { compressed: true })
    const read: { k: number; text: string }[] = []
    for (let r = c.next(); r !== null; r = c.next()) read.push(r)
    c.close()
    expect(read).toEqual(written)
  })

  it('says where a truncated or corrupt spool ends, instead of reading fewer rows', () => {
    const dir = tempDir('frames')
    const file = join(dir, 'spool.jsonl.frames')
    const sink = new TextSink(file, undefined, { compressed: true })
    for (const r of rows(20_000)) sink.writeLine(JSON.stringify(r))
    sink.close()
    const bytes = readFileSync(file)
    const cut = join(dir, 'cut.frames')
    writeFileSync(cut, bytes.subarray(0, bytes.length - 10))
    const readAll = (path: string) => {
      const c = new JsonlCursor(path, { compressed: true })
      try {
        while (c.next() !== null);
      } finally {
        c.close()
      }
    }
    expect(() => readAll(cut)).toThrow(/cut\.frames: truncated frame at byte \d+/)
    const bad = Buffer.from(bytes)
    bad.fill(0xff, 4, 40)
    const corrupt = join(dir, 'corrupt.frames')
    writeFileSync(corrupt, bad)
    expect(() => readAll(corrupt)).toThrow(/corrupt\.frames: corrupt frame at byte 4/)
  })
})
