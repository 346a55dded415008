/**
 * `dist/datapackage.json` against the official Data Package v2.0 profiles (copies kept in
 * `pipeline/publish/reference/frictionless/`, draft-07), plus what the profiles leave optional but the
 * dataset promises: every file described with its size and hash, every table with a typed, documented
 * Table Schema and its keys.
 */
import { createHash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { Ajv, type ValidateFunction } from 'ajv'
import formatsModule from 'ajv-formats'
import { describe, expect, test } from 'vitest'
import { FORMATS } from '../../pipeline/publish/layout.js'
import { DATA_TABLES, tableSchema } from '../../pipeline/schema/tables.js'

const addFormats = (formatsModule as unknown as { default: (ajv: Ajv) => Ajv }).default
const PROFILES = 'pipeline/publish/reference/frictionless'
const DIST = 'dist'

interface Field {
  name: string
  type: string
  description?: string
  constraints?: Record<string, unknown>
}
interface Resource {
  name: string
  path: string
  format?: string
  mediatype?: string
  encoding?: string
  bytes?: number
  hash?: string
  schema?: {
    fields: Field[]
    primaryKey?: string[]
    foreignKeys?: { fields: string[]; reference: { resource: string; fields: string[] } }[]
  }
}

function profile(name: string): ValidateFunction {
  // the profiles are external draft-07 documents with annotation keywords Ajv does not know
  // (propertyOrder, context, examples as strings): strict mode is off for them, and only for them
  const ajv = new Ajv({ strict: false, allErrors: true })
  addFormats(ajv)
  ajv.addFormat('textarea', true) // an editor hint in the profiles, not a constraint
  return ajv.compile(JSON.parse(readFileSync(join(PROFILES, `frictionless-${name}-2.0.json`), 'utf8')))
}

const pkg = JSON.parse(readFileSync(join(DIST, 'datapackage.json'), 'utf8')) as {
  $schema: string
  resources: Resource[]
}
const errors = (v: ValidateFunction) => JSON.stringify(v.errors, null, 1)

describe('datapackage.json against the Data Package v2.0 profiles', () => {
  test('claims the v2.0 profile and validates against it', () => {
    expect(pkg.$schema).toBe('https://datapackage.org/profiles/2.0/datapackage.json')
    const v = profile('datapackage')
    expect(v(pkg), errors(v)).toBe(true)
  })

  test('every resource validates as a Data Resource, every schema as a Table Schema', () => {
    const res = profile('dataresource')
    const ts = profile('tableschema')
    for (const r of pkg.resources) {
      expect(res(r), `${r.name}: ${errors(res)}`).toBe(true)
      if (r.schema) expect(ts(r.schema), `${r.name}: ${errors(ts)}`).toBe(true)
    }
  })

  test('the profile rejects a broken descriptor (the check is not vacuous)', () => {
    const v = profile('datapackage')
    expect(v({ ...pkg, resources: [] })).toBe(false)
    expect(v({ ...pkg, resources: [{ name: 'x', path: '../escape.csv' }] })).toBe(false)
  })
})

describe('what every resource carries', () => {
  test('path, format, media type, encoding for text, bytes and sha256 of the file as it is', () => {
    for (const r of pkg.resources) {
      expect(r.path, r.name).toBeTruthy()
      expect(r.format, r.name).toBeTruthy()
      expect(r.mediatype, r.name).toBeTruthy()
      const file = join(DIST, r.path)
      expect(r.bytes, r.name).toBe(statSync(file).size)
      expect(r.hash, r.name).toBe(`sha256:${createHash('sha256').update(readFileSync(file)).digest('hex')}`)
      if (r.format === 'arrow' || r.format === 'parquet') expect(r.encoding, r.name).toBeUndefined()
      else expect(r.encoding, r.name).toBe('utf-8')
    }
  })

  test('every table in every format, Parquet included', () => {
    expect(FORMATS).toContain('parquet')
    const byPath = new Map(pkg.resources.map((r) => [r.path, r]))
    for (const t of DATA_TABLES)
      for (const f of FORMATS) {
        const r = byPath.get(`data/${t}.${f}`)
        expect(r, `${t}.${f}`).toBeDefined()
        expect(r?.format).toBe(f)
      }
    expect(byPath.get('data/documents.parquet')?.mediatype).toBe('application/vnd.apache.parquet')
  })

  test('table schemas: typed, described fields, constraints, primary and foreign keys from the schemas', () => {
    const names = new Set(pkg.resources.map((r) => r.name))
    for (const r of pkg.resources.filter((x) => x.schema)) {
      const s = r.schema!
      const table = r.name.replace(/-(jsonl|arrow|parquet)$/, '') as (typeof DATA_TABLES)[number] | 'rejects'
      const json = tableSchema(table)
      expect(s.fields.map((f) => f.name)).toEqual(Object.keys(json.properties))
      for (const f of s.fields) {
        expect(f.type, `${r.name}.${f.name}`).toMatch(/^(string|integer|number|boolean|date|array)$/)
        expect(f.description, `${r.name}.${f.name}`).toBeTruthy()
        const p = json.properties[f.name]!
        if (json.required.includes(f.name) && ![p.type].flat().includes('null')) {
          // in CSV an empty list is an empty cell, which Frictionless readers take for null: a list
          // column is not `required` there, and says that an empty cell is the empty list
          if (r.format === 'csv' && p.type === 'array') {
            expect(f.constraints?.required, `${r.name}.${f.name}`).toBeUndefined()
            expect(f.description, `${r.name}.${f.name}`).toMatch(/an empty cell is the empty list/)
          } else expect(f.constraints?.required, `${r.name}.${f.name}`).toBe(true)
        }
      }
      expect(s.primaryKey).toEqual(json['x-primaryKey'])
      expect((s.foreignKeys ?? []).length).toBe(json['x-foreignKeys'].length)
      for (const fk of s.foreignKeys ?? []) {
        expect(names.has(fk.reference.resource), `${r.name} → ${fk.reference.resource}`).toBe(true)
        // a key of one format points at the same table in the same format
        const suffix = r.name.match(/-(jsonl|arrow|parquet)$/)?.[0] ?? ''
        expect(fk.reference.resource.endsWith(suffix)).toBe(true)
      }
    }
    const mentions = pkg.resources.find((r) => r.name === 'mentions')!
    expect(mentions.schema?.foreignKeys?.map((f) => f.reference.resource).sort()).toEqual([
      'documents',
      'entities',
    ])
  })
})
