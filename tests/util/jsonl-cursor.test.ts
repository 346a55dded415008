import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
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
