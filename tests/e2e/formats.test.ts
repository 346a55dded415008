/**
 * End to end: build the seeds into a temporary folder, read every table back with each format's own
 * reader (JSON, papaparse, apache-arrow) and check that all three hold exactly the schema's columns,
 * with the declared types, and the same rows.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { type DataType, Type, tableFromIPC } from 'apache-arrow'
import Papa from 'papaparse'
import { beforeAll, describe, expect, it } from 'vitest'
import { build } from '../../pipeline/run.js'
import { type Column, columns, DATA_TABLES } from '../../pipeline/schema/tables.js'
import { rowValidator } from '../../pipeline/validate/schema-validator.js'
import { seedNames, seedsDir, tempDir } from '../helpers.js'

let out: string
let summary: Awaited<ReturnType<typeof build>>
const read = (p: string) => readFileSync(join(out, p), 'utf8')
const jsonl = (t: string) =>
  read(`data/${t}.jsonl`)
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>)

beforeAll(async () => {
  out = join(tempDir('e2e'), 'dist')
  summary = await build({ input: seedsDir, out })
})

const expectedArrowType = (c: Column): Type => {
  switch (c.kind) {
    case 'string':
      return c.dictionary ? Type.Dictionary : Type.Utf8
    case 'integer':
      return Type.Int
    case 'number':
      return Type.Float
    case 'boolean':
      return Type.Bool
    case 'date':
      return Type.Date
    case 'list':
      return Type.List
  }
}

/** A value as read from Arrow, in the JSON representation. */
function fromArrow(v: unknown, c: Column): unknown {
  if (v === null || v === undefined) return null
  if (c.kind === 'date') return new Date(v as number).toISOString().slice(0, 10)
  if (c.kind === 'list') return [...(v as Iterable<string>)]
  if (typeof v === 'bigint') return Number(v)
  return v
}

/** A CSV cell parsed back to the JSON representation, using the schema's declared type. */
function fromCsv(s: string, c: Column): unknown {
  if (s === '') return c.kind === 'list' ? [] : null
  switch (c.kind) {
    case 'integer':
    case 'number':
      return Number(s)
    case 'boolean':
      return s === 'true'
    case 'list':
      return s.split('|')
    default:
      return s.startsWith("'") && /^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s
  }
}

describe('a build of the seeds', () => {
  it('reconciles: every input is a document, a duplicate or a reject', () => {
    expect(summary.inputs).toBe(seedNames().length)
    expect(summary.documents + summary.duplicates + summary.rejected).toBe(summary.inputs)
    expect(summary.documents).toBe(5)
    const manifest = JSON.parse(read('manifest.json'))
    expect(manifest.inputs).toMatchObject({ seen: 5, documents: 5, reconciled: true })
  })

  describe.each(DATA_TABLES)('table %s', (table) => {
    const cols = () => columns(table)

    it('JSONL: every row has every column, in schema order, and validates', () => {
      const v = rowValidator()
      for (const row of jsonl(table)) {
        expect(Object.keys(row)).toEqual(cols().map((c) => c.name))
        expect(v(table, row as never)).toEqual([])
      }
    })

    it('CSV: header is the schema columns and the rows equal the JSONL rows', () => {
      const parsed = Papa.parse<string[]>(read(`data/${table}.csv`), {
        delimiter: ',',
        newline: '\n',
        skipEmptyLines: true,
      })
      expect(parsed.errors).toEqual([])
      const [header, ...rows] = parsed.data
      expect(header).toEqual(cols().map((c) => c.name))
      const json = jsonl(table)
      expect(rows.length).toBe(json.length)
      rows.forEach((r, i) => {
        const obj = Object.fromEntries(cols().map((c, k) => [c.name, fromCsv(r[k]!, c)]))
        expect(obj).toEqual(json[i])
      })
    })

    it('Arrow: an IPC file whose fields have the declared types, holding the JSONL rows', () => {
      const bytes = readFileSync(join(out, `data/${table}.arrow`))
      expect(bytes.subarray(0, 6).toString()).toBe('ARROW1')
      const t = tableFromIPC(bytes)
      expect(t.schema.fields.map((f) => f.name)).toEqual(cols().map((c) => c.name))
      for (const c of cols()) {
        const f = t.schema.fields.find((x) => x.name === c.name)!
        expect((f.type as DataType).typeId, `${table}.${c.name}`).toBe(expectedArrowType(c))
        expect(f.nullable).toBe(c.nullable)
        expect(f.metadata.get('description')).toBe(c.schema.description)
      }
      const json = jsonl(table)
      expect(t.numRows).toBe(json.length)
      for (let i = 0; i < t.numRows; i++) {
        const row = t.get(i)!
        const obj = Object.fromEntries(cols().map((c) => [c.name, fromArrow(row[c.name], c)]))
        expect(obj).toEqual(json[i])
      }
    })
  })

  it('documents carry the contract fields with real values', () => {
    const docs = jsonl('documents')
    const sputnik = docs.find((d) => String(d.url).includes('sputniknews'))!
    expect(sputnik).toMatchObject({
      outlet: 'Sputnik France',
      published: '2021-11-11',
      published_precision: 'day',
      published_source: 'url',
      language: 'fr',
    })
    for (const d of docs) {
      expect(d.doc_id).toMatch(/^doc_[0-9a-f]{16}$/)
      expect(d.n_chars).toBe([...(d.text as string)].length)
      expect(d.source_sha256).toBe(
        createHash('sha256')
          .update(readFileSync(join(seedsDir, d.source_file as string)))
          .digest('hex'),
      )
    }
    expect(docs.map((d) => d.source_file)).toEqual([...docs.map((d) => d.source_file as string)].sort())
  })

  it('every span round-trips to its surface in code points', () => {
    const text = new Map(jsonl('documents').map((d) => [d.doc_id, [...(d.text as string)]]))
    const check = (table: string, field: string) => {
      for (const r of jsonl(table)) {
        const chars = text.get(r.doc_id)!
        expect(chars.slice(r.start as number, r.end as number).join('')).toBe(r[field])
      }
    }
    check('mentions', 'surface')
    check('quotes', 'text')
    check('temporal_expressions', 'surface')
    check('events', 'evidence')
  })

  it('SHA256SUMS lists every other file with its real checksum', () => {
    const lines = read('SHA256SUMS').trim().split('\n')
    const files = lines.map((l) => l.split('  ')[1])
    expect(files).toEqual(
      expect.arrayContaining([
        'datapackage.json',
        'CODEBOOK.md',
        'manifest.json',
        'rejects.jsonl',
        'data/documents.arrow',
      ]),
    )
    for (const l of lines) {
      const [sum, file] = l.split('  ')
      expect(
        createHash('sha256')
          .update(readFileSync(join(out, file!)))
          .digest('hex'),
      ).toBe(sum)
    }
  })

  it('datapackage.json describes every table file with its size and hash', () => {
    const pkg = JSON.parse(read('datapackage.json'))
    for (const t of DATA_TABLES) {
      const r = pkg.resources.find((x: { name: string }) => x.name === t)
      expect(r).toMatchObject({
        path: `data/${t}.csv`,
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
      })
      expect(r.bytes).toBe(readFileSync(join(out, r.path)).length)
      expect(r.hash).toBe(
        `sha256:${createHash('sha256')
          .update(readFileSync(join(out, r.path)))
          .digest('hex')}`,
      )
      expect(r.schema.fields.map((f: { name: string }) => f.name)).toEqual(columns(t).map((c) => c.name))
    }
  })

  it('a second build is byte-identical and leaves the output untouched', async () => {
    const again = await build({ input: seedsDir, out })
    expect(again.output).toBe('unchanged')
    const other = join(tempDir('e2e2'), 'dist')
    await build({ input: seedsDir, out: other })
    expect(readFileSync(join(other, 'SHA256SUMS'), 'utf8')).toBe(read('SHA256SUMS'))
  })
})
