/**
 * The published files read by other people's readers: polars (Arrow IPC and Parquet) and DuckDB
 * (Parquet, CSV and JSON Lines, the last two typed from datapackage.json) give back each table with the
 * declared types and as many rows as the JSON Lines file; DuckDB runs notebooks/explore.duckdb.sql.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api'
import pl from 'nodejs-polars'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type Column, columns, DATA_TABLES } from '../../pipeline/schema/tables.js'

const DIST = 'dist'
const file = (t: string, ext: string) => join(DIST, 'data', `${t}.${ext}`)
const jsonlRows = (t: string) =>
  readFileSync(file(t, 'jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l !== '').length

/** The polars type a column must have (dictionary strings are categoricals). */
function polarsType(c: Column): string {
  switch (c.kind) {
    case 'string':
      return c.dictionary ? 'Categorical' : 'String'
    case 'integer':
      return c.int64 ? 'Int64' : 'Int32'
    case 'number':
      return 'Float64'
    case 'boolean':
      return 'Bool'
    case 'date':
      return 'Date'
    case 'list':
      return 'List(DataType(String))'
  }
}

/** The DuckDB type of a column (dictionaries are plain VARCHAR there). */
function duckType(c: Column, csv = false): string {
  switch (c.kind) {
    case 'string':
      return 'VARCHAR'
    case 'integer':
      return c.int64 ? 'BIGINT' : 'INTEGER'
    case 'number':
      return 'DOUBLE'
    case 'boolean':
      return 'BOOLEAN'
    case 'date':
      return 'DATE'
    case 'list':
      return csv ? 'VARCHAR' : 'VARCHAR[]'
  }
}

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`
const columnsStruct = (t: (typeof DATA_TABLES)[number], csv: boolean) =>
  `{${columns(t)
    .map((c) => `${sqlString(c.name)}: ${sqlString(duckType(c, csv))}`)
    .join(', ')}}`

describe('polars reads the Arrow and Parquet files', () => {
  for (const t of DATA_TABLES)
    test(t, () => {
      const want = Object.fromEntries(columns(t).map((c) => [c.name, `DataType(${polarsType(c)})`]))
      for (const df of [
        pl.readIPC(readFileSync(file(t, 'arrow'))),
        pl.readParquet(readFileSync(file(t, 'parquet'))),
      ]) {
        expect(df.height).toBe(jsonlRows(t))
        expect(Object.fromEntries(Object.entries(df.schema).map(([k, v]) => [k, String(v)]))).toEqual(want)
      }
    })
})

describe('DuckDB reads Parquet, CSV and JSON Lines with the declared types', () => {
  let db: DuckDBInstance
  let con: DuckDBConnection
  beforeAll(async () => {
    db = await DuckDBInstance.create(':memory:')
    con = await db.connect()
  })
  afterAll(() => {
    con?.closeSync()
    db?.closeSync()
  })
  const describeTypes = async (from: string) =>
    (await con.runAndReadAll(`DESCRIBE SELECT * FROM ${from}`))
      .getRowObjectsJson()
      .map((r) => `${String(r.column_name)}:${String(r.column_type)}`)
  const count = async (from: string) =>
    Number((await con.runAndReadAll(`SELECT count(*) AS n FROM ${from}`)).getRowObjectsJson()[0]?.n)

  for (const t of DATA_TABLES)
    test(t, async () => {
      const n = jsonlRows(t)
      const parquet = `read_parquet(${sqlString(file(t, 'parquet'))})`
      const csv = `read_csv(${sqlString(file(t, 'csv'))}, header = true, delim = ',', quote = '"', escape = '"', columns = ${columnsStruct(t, true)})`
      const json = `read_json(${sqlString(file(t, 'jsonl'))}, format = 'newline_delimited', columns = ${columnsStruct(t, false)})`
      expect(await describeTypes(parquet)).toEqual(columns(t).map((c) => `${c.name}:${duckType(c)}`))
      expect(await describeTypes(csv)).toEqual(columns(t).map((c) => `${c.name}:${duckType(c, true)}`))
      expect(await describeTypes(json)).toEqual(columns(t).map((c) => `${c.name}:${duckType(c)}`))
      for (const from of [parquet, csv, json]) expect(await count(from), from.slice(0, 40)).toBe(n)
      if (n > 0) {
        // the same rows in the same order, whatever the format (ids are the first column of every table)
        const id = columns(t)[0]!.name
        const ids = async (from: string) =>
          (await con.runAndReadAll(`SELECT "${id}" AS id FROM ${from}`)).getRowObjectsJson().map((r) => r.id)
        const fromJson = await ids(json)
        expect(await ids(parquet)).toEqual(fromJson)
        expect(await ids(csv)).toEqual(fromJson)
      }
    })

  test('notebooks/explore.duckdb.sql runs', async () => {
    const statements = readFileSync('notebooks/explore.duckdb.sql', 'utf8')
      .split('\n')
      .filter((l) => !l.trimStart().startsWith('--'))
      .join('\n')
      .split(/;\s*(?:\n|$)/)
      .map((q) => q.trim())
      .filter((q) => q !== '')
    expect(statements).toHaveLength(8)
    const results = []
    for (const q of statements) results.push(await con.runAndReadAll(q))
    expect(results[4]?.getRowObjectsJson()).toContainEqual({
      table: 'documents',
      rows: String(jsonlRows('documents')),
    })
    expect(results.at(-1)?.columnNames()).toEqual([
      'event_type',
      'date',
      'fatalities',
      'location',
      'outlet',
      'published',
    ])
    const counts = await con.runAndReadAll('SELECT count(*) AS n FROM documents')
    expect(Number(counts.getRowObjectsJson()[0]?.n)).toBe(jsonlRows('documents'))
  })
})
