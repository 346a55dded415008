/**
 * Parquet from the Arrow files: row groups sized after the rows' width (WebAssembly memory holds one
 * row group), the same rows as the Arrow file, and the same bytes for the same rows.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import { tableFromIPC } from 'apache-arrow'
import * as pw from 'parquet-wasm'
import { describe, expect, it } from 'vitest'
import { ArrowFileSink } from '../../pipeline/publish/arrow-file-sink.js'
import { arrowFileToParquet, plainColumns } from '../../pipeline/publish/parquet.js'
import { BATCH_BYTES, BATCH_ROWS, RecordBatcher, TableWriter } from '../../pipeline/publish/table-writer.js'
import { repo, tempDir } from '../helpers.js'

const paragraph =
  'Le ministre malien des Affaires étrangères, Abdoulaye Diop, a reçu mardi à Bamako une délégation russe conduite par le vice-ministre de la Défense, Iounous-Bek Evkourov. '

/** The first row of a table of the committed dataset: a real, complete row to vary. */
const firstRow = (table: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(repo, 'dist', 'data', `${table}.jsonl`), 'utf8').split('\n')[0]!)

async function writeTable<T extends 'documents' | 'mentions'>(
  table: T,
  rows: readonly Record<string, unknown>[],
): Promise<{ arrow: string; parquet: string }> {
  const dir = tempDir(`parquet-${table}`)
  const paths = { csv: join(dir, 't.csv'), jsonl: join(dir, 't.jsonl'), arrow: join(dir, 't.arrow') }
  const w = new TableWriter(table, paths)
  w.append(rows as never)
  await w.close()
  const parquet = join(dir, 't.parquet')
  await arrowFileToParquet(paths.arrow, parquet)
  return { arrow: paths.arrow, parquet }
}

async function rowGroups(parquet: string): Promise<number[]> {
  const db = await DuckDBInstance.create(':memory:')
  const con = await db.connect()
  const r = await con.runAndReadAll(
    `SELECT DISTINCT row_group_id, row_group_num_rows FROM parquet_metadata('${parquet}') ORDER BY row_group_id`,
  )
  return r.getRowObjectsJson().map((g) => Number(g.row_group_num_rows))
}

describe('arrowFileToParquet', () => {
  it('cuts a table of long texts into row groups of about BATCH_BYTES, not BATCH_ROWS rows', async () => {
    const text = paragraph.repeat(30) // ≈ 5 kB an article
    const doc = firstRow('documents')
    const docs = Array.from({ length: 1000 }, (_, k) => ({
      ...doc,
      doc_id: `doc_${String(k).padStart(16, '0')}`,
      text,
    }))
    const { parquet } = await writeTable('documents', docs)
    const groups = await rowGroups(parquet)
    // the texts alone fill BATCH_BYTES in ⌈BATCH_BYTES / length⌉ rows; the row's other cells add a little
    const perGroup = Math.ceil(BATCH_BYTES / text.length)
    expect(groups[0]).toBeLessThanOrEqual(perGroup)
    expect(groups[0]).toBeGreaterThan(perGroup * 0.8)
    expect(groups.reduce((a, b) => a + b, 0)).toBe(1000)
    expect(Math.max(...groups)).toBe(groups[0])
  })

  it('keeps BATCH_ROWS rows a row group for narrow rows', async () => {
    const mention = firstRow('mentions')
    const mentions = Array.from({ length: BATCH_ROWS + 10 }, (_, k) => ({
      ...mention,
      mention_id: `men_${k}`,
    }))
    const { parquet } = await writeTable('mentions', mentions)
    expect(await rowGroups(parquet)).toEqual([BATCH_ROWS, 10])
  })

  it('writes the same bytes for the same rows', async () => {
    const docs = [{ ...firstRow('documents'), text: paragraph }]
    const a = await writeTable('documents', docs)
    const b = await writeTable('documents', docs)
    expect(readFileSync(a.parquet).equals(readFileSync(b.parquet))).toBe(true)
    expect(readFileSync(a.arrow).equals(readFileSync(b.arrow))).toBe(true)
  })
})

describe('a dictionary that grows batch after batch', () => {
  it('converts with every value in place: one new outlet in each of 60 one-row batches', async () => {
    const dir = tempDir('parquet-growing-dictionary')
    const arrow = join(dir, 'documents.arrow')
    const parquet = join(dir, 'documents.parquet')
    const sink = new ArrowFileSink(arrow)
    const batcher = new RecordBatcher('documents')
    const outlets = Array.from({ length: 60 }, (_, k) => (k % 7 === 3 ? null : `Outlet ${k % 45}`))
    for (const outlet of outlets) {
      batcher.append({ ...firstRow('documents'), outlet })
      sink.write(batcher.flush())
    }
    await sink.close()
    await arrowFileToParquet(arrow, parquet)
    const back = tableFromIPC(pw.readParquet(readFileSync(parquet)).intoIPCStream())
    expect(back.numRows).toBe(60)
    expect([...(back.getChild('outlet')!.toArray() as unknown as (string | null)[])]).toEqual(outlets)
  })
})

describe('the Parquet dictionary of each column', () => {
  it('is kept where the values repeat and dropped where they are mostly distinct', async () => {
    const m = firstRow('mentions')
    // 200 mentions of 4 entities in 20 documents: ids and offsets unique, entity ids and surfaces repeated
    const rows = Array.from({ length: 200 }, (_, k) => ({
      ...m,
      mention_id: `men_${String(k).padStart(16, '0')}`,
      doc_id: `doc_${String(k % 20).padStart(16, '0')}`,
      entity_id: `ent_${String(k % 4).padStart(16, '0')}`,
      surface: ['Bamako', 'Wagner', 'Assimi Goïta', 'Moscou'][k % 4],
      start: 10 * k,
      end: 10 * k + 6,
      raw_start: 10 * k,
      raw_end: 10 * k + 6,
    }))
    const { arrow, parquet } = await writeTable('mentions', rows)
    const first = tableFromIPC(readFileSync(arrow)).batches[0]!
    expect(plainColumns(first).sort()).toEqual(['end', 'mention_id', 'raw_end', 'raw_start', 'start'])

    const db = await DuckDBInstance.create(':memory:')
    const con = await db.connect()
    const r = await con.runAndReadAll(
      `SELECT path_in_schema AS col, any_value(encodings) AS enc FROM parquet_metadata('${parquet}') GROUP BY 1`,
    )
    const encodings = new Map(r.getRowObjectsJson().map((c) => [String(c.col), String(c.enc)]))
    expect(encodings.get('mention_id')).not.toContain('DICTIONARY')
    expect(encodings.get('start')).not.toContain('DICTIONARY')
    expect(encodings.get('entity_id')).toContain('DICTIONARY')
    expect(encodings.get('surface')).toContain('DICTIONARY')
    // the categorical column keeps its dictionary, and every value reads back
    expect(encodings.get('method')).toContain('DICTIONARY')
    const back = tableFromIPC(pw.readParquet(readFileSync(parquet)).intoIPCStream())
    expect(back.numRows).toBe(200)
    expect(back.getChild('mention_id')!.get(137)).toBe(rows[137]!.mention_id)
    expect(String(back.getChild('raw_end')!.get(137))).toBe(String(rows[137]!.raw_end))
  })
})
