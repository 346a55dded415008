/**
 * The CSV and JSON Lines encoders of `TableWriter` are written by hand (they run once per cell): they
 * must give the bytes papaparse and `JSON.stringify` give — quoting, formula neutralising, nulls,
 * missing keys, column order — and the buffered files must hold every line whole, however long.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { type Cell, csvCell, csvField, FORMULA_START } from '../../pipeline/publish/cells.js'
import { TableWriter } from '../../pipeline/publish/table-writer.js'
import { SINK_BYTES, TextSink } from '../../pipeline/publish/text-sink.js'
import { columns } from '../../pipeline/schema/tables.js'
import { repo, tempDir } from '../helpers.js'

const papa = (rows: (string | number | boolean | null)[][]): string =>
  Papa.unparse(rows, { newline: '\n', escapeFormulae: FORMULA_START, header: false })

const tricky: (string | number | boolean)[] = [
  '',
  'Bamako',
  ' espace devant',
  'espace derrière ',
  'Diop, Abdoulaye',
  'le « Groupe "Wagner" »',
  '"',
  'première ligne\nseconde ligne',
  'retour\r',
  '\ufeffmarque',
  '=HYPERLINK("http://x.example")',
  '=SOMME(A1)\nsur deux lignes',
  '+33 1 23',
  '-5 %',
  '@compte',
  '\ttabulation',
  '\rretour',
  'a|b',
  0,
  -0,
  1.5,
  -3,
  1e21,
  0.1 + 0.2,
  true,
  false,
]

/** The first row of a table of the committed dataset: a real, complete row to vary. */
const firstRow = (table: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(repo, 'dist', 'data', `${table}.jsonl`), 'utf8').split('\n')[0]!)

describe('csvField', () => {
  it('writes every cell as papaparse does', () => {
    for (const v of tricky) expect(csvField(v), JSON.stringify(v)).toBe(papa([[v]]))
  })

  it('writes a row as papaparse does, list cells included', () => {
    const col = columns('events').find((c) => c.kind === 'list')!
    const list = csvCell(['Mali', ' Niger', 'a|b', '100%', '=1+1'] as Cell, col) as string
    const row = [...tricky, list]
    expect(row.map(csvField).join(',')).toBe(papa([row]))
  })
})

describe('TableWriter', () => {
  it('writes each row as JSON.stringify of every column in schema order, and as papaparse CSV', async () => {
    const doc = firstRow('documents')
    const cols = columns('documents')
    const long = 'Tombouctou — « la ville aux 333 saints » — '.repeat(Math.ceil(SINK_BYTES / 20))
    const rows: Record<string, unknown>[] = [
      doc,
      { ...doc, title: '=HYPERLINK("http://x.example")', author: ' Diop, A. ', url: null },
      { ...doc, text: long, warnings: ['clean/a: x', 'parse/b|c: y'] },
      // a missing key is written as null; a key of no column is not written
      Object.fromEntries(
        Object.entries({ ...doc, extra: 1 })
          .filter(([k]) => k !== 'outlet')
          .reverse(),
      ),
    ]
    const dir = tempDir('table-encoding')
    const paths = { csv: join(dir, 't.csv'), jsonl: join(dir, 't.jsonl'), arrow: join(dir, 't.arrow') }
    const w = new TableWriter('documents', paths)
    w.append(rows as never)
    await w.close()
    const ordered = rows.map((r) => Object.fromEntries(cols.map((c) => [c.name, r[c.name] ?? null])))
    expect(readFileSync(paths.jsonl, 'utf8')).toBe(ordered.map((o) => `${JSON.stringify(o)}\n`).join(''))
    const header = Papa.unparse([cols.map((c) => c.name)], { newline: '\n' })
    const cells = ordered.map((o) =>
      cols.map((c) => (o[c.name] === null ? null : csvCell(o[c.name] as Cell, c))),
    )
    expect(readFileSync(paths.csv, 'utf8')).toBe(`${header}\n${papa(cells)}\n`)
  })
})

describe('TextSink', () => {
  it('keeps every line whole across its buffer, multi-byte characters and long lines included', () => {
    const path = join(tempDir('text-sink'), 'lines.txt')
    const sink = new TextSink(path)
    const lines: string[] = []
    for (let k = 0; k < 2000; k++) lines.push(`${k} « Ségou » 🇲🇱 ${'é'.repeat(k % 97)}`)
    lines.splice(700, 0, 'à'.repeat(SINK_BYTES)) // longer than the buffer
    lines.splice(1500, 0, '') // an empty line
    for (const l of lines) sink.writeLine(l)
    sink.write('sans fin de ligne')
    sink.close()
    expect(readFileSync(path, 'utf8')).toBe(`${lines.join('\n')}\nsans fin de ligne`)
  })
})
