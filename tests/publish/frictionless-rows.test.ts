/**
 * Every row of every table, read by a Frictionless reader: tableschema-js (the Table Schema
 * implementation of the Frictionless project for JavaScript) loads each CSV and JSON Lines resource of
 * `dist/datapackage.json` with the resource's own Table Schema and dialect, casts every cell, checks
 * every constraint (required, pattern, enum, minimum…), the primary key's uniqueness and the foreign
 * keys against the referenced resources. The descriptor itself is checked against the v2 profiles in
 * `datapackage.profile.test.ts`.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Papa from 'papaparse'
import { Table } from 'tableschema'
import { describe, expect, test } from 'vitest'
import { tempDir } from '../helpers.js'

const DIST = 'dist'

interface Resource {
  name: string
  path: string
  format?: string
  dialect?: { delimiter?: string; quoteChar?: string }
  schema?: {
    fields: { name: string }[]
    foreignKeys?: { reference: { resource: string } }[]
  }
}
const pkg = JSON.parse(readFileSync(join(DIST, 'datapackage.json'), 'utf8')) as { resources: Resource[] }
const tabular = pkg.resources.filter((r) => r.schema && (r.format === 'csv' || r.format === 'jsonl'))

/** The resource's rows as the reader sees them: a CSV file, or JSON Lines as inline rows (header first). */
async function load(r: Resource, dir = DIST) {
  const schema = r.schema as Record<string, unknown>
  if (r.format === 'csv')
    return Table.load(join(dir, r.path), {
      schema,
      delimiter: r.dialect?.delimiter ?? ',',
      quote: r.dialect?.quoteChar ?? '"',
      ltrim: false, // the reader's default trims leading spaces; the dataset keeps them
    })
  const names = r.schema!.fields.map((f) => f.name)
  const rows = readFileSync(join(dir, r.path), 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => {
      const o = JSON.parse(l) as Record<string, unknown>
      return names.map((n) => o[n])
    })
  return Table.load([names, ...rows], { schema })
}

const keyedRows = new Map<string, Record<string, unknown>[]>()
async function keyed(name: string, dir = DIST): Promise<Record<string, unknown>[]> {
  const k = `${dir}\0${name}`
  let rows = keyedRows.get(k)
  if (!rows) {
    const r = pkg.resources.find((x) => x.name === name)!
    rows = (await (await load(r, dir)).read({ keyed: true })) as Record<string, unknown>[]
    keyedRows.set(k, rows)
  }
  return rows
}

/** Every error the reader finds in a resource's rows (cells, keys, relations), and the row count. */
async function check(r: Resource, dir = DIST): Promise<{ rows: number; errors: string[] }> {
  const relations: Record<string, Record<string, unknown>[]> = {}
  for (const fk of r.schema?.foreignKeys ?? [])
    relations[fk.reference.resource] = await keyed(fk.reference.resource, dir)
  const rows = await (await load(r, dir)).read({ forceCast: true, relations })
  const errors: string[] = []
  rows.forEach((row, i) => {
    if (row instanceof Error) {
      const inner = (row as Error & { errors?: Error[] }).errors ?? []
      errors.push(
        `${r.name} row ${i + 2}: ${inner.length > 0 ? inner.map((e) => e.message).join('; ') : row.message}`,
      )
    }
  })
  return { rows: rows.length, errors }
}

const jsonlCount = (path: string) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l !== '').length

describe('a Frictionless reader reads every row of every table', () => {
  test('there is a CSV and a JSON Lines resource for every table, and rejects', () => {
    const names = tabular.map((r) => r.name)
    for (const t of ['documents', 'entities', 'mentions', 'quotes', 'temporal_expressions', 'events'])
      expect(names).toEqual(expect.arrayContaining([t, `${t}-jsonl`]))
    expect(names).toContain('rejects')
  })

  test.each(tabular.map((r) => [r.name, r] as const))(
    '%s: every row casts and meets its constraints and keys',
    async (_name, r) => {
      const { rows, errors } = await check(r)
      expect(errors.slice(0, 5)).toEqual([])
      // as many rows as the JSON Lines file: none lost to a quoting or line-ending mistake
      const jsonl = r.format === 'csv' ? r.path.replace(/\.csv$/, '.jsonl') : r.path
      expect(rows).toBe(jsonlCount(join(DIST, jsonl)))
    },
  )
})

describe('the reader is not vacuous', () => {
  const events = pkg.resources.find((r) => r.name === 'events')!
  /** A copy of the dataset's CSV files with one cell of the first event changed. */
  function withEventCell(column: string, value: string, row = 0): string {
    const dir = tempDir('frictionless')
    mkdirSync(join(dir, 'data'))
    // every table an event may refer to (its foreign keys), as published
    for (const f of readdirSync(join(DIST, 'data')).filter((n) => n.endsWith('.csv') && n !== 'events.csv'))
      copyFileSync(join(DIST, 'data', f), join(dir, 'data', f))
    const parsed = Papa.parse<Record<string, string>>(
      readFileSync(join(DIST, 'data', 'events.csv'), 'utf8'),
      {
        header: true,
        delimiter: ',',
        skipEmptyLines: true,
      },
    )
    const rows = parsed.data
    rows[row]![column] = value
    writeFileSync(join(dir, 'data', 'events.csv'), `${Papa.unparse(rows, { newline: '\n' })}\n`)
    return dir
  }
  const errorsOf = async (dir: string) => (await check(events, dir)).errors.join('\n')

  test('an untouched copy has no error (the mutation below is all that changes)', async () => {
    const first = Papa.parse<Record<string, string>>(readFileSync(join(DIST, 'data', 'events.csv'), 'utf8'), {
      header: true,
      delimiter: ',',
    }).data[0]!
    expect(await errorsOf(withEventCell('cameo_code', first.cameo_code!))).toBe('')
  })
  test('an event of a document that is not in documents', async () => {
    expect(await errorsOf(withEventCell('doc_id', 'doc_0000000000000000'))).toMatch(
      /Foreign key "doc_id" violation in row 2/,
    )
  })
  test('a CAMEO code that is not two to four digits, an empty required cell, a word in an integer column', async () => {
    expect(await errorsOf(withEventCell('cameo_code', '1'))).toMatch(/pattern.*cameo_code/)
    expect(await errorsOf(withEventCell('trigger', ''))).toMatch(/required.*trigger/)
    expect(await errorsOf(withEventCell('start', 'douze'))).toMatch(/row 2.*start|start.*row 2|type/i)
  })
  test('two events with one id', async () => {
    const first = Papa.parse<Record<string, string>>(readFileSync(join(DIST, 'data', 'events.csv'), 'utf8'), {
      header: true,
      delimiter: ',',
    }).data[0]!
    expect(await errorsOf(withEventCell('event_id', first.event_id!, 1))).toMatch(/unique|primary/i)
  })
})
