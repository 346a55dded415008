/**
 * A researcher's corrections survive rebuilds: corrections.csv beside the inputs is checked before the
 * build, applied to the rows after extraction, and listed in the output (corrections.jsonl, with the
 * value each replaced; a correction whose id names no row is listed as not applied).
 */
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import {
  type CorrectionReport,
  mergeCorrectionReports,
  parseCorrections,
} from '../../pipeline/corrections/corrections.js'
import { PipelineError } from '../../pipeline/errors.js'
import { seedNames, seedsDir, tempDir } from '../helpers.js'
import { compiledCli } from '../hostile/cli.js'

const rows = (dir: string, table: string) =>
  readFileSync(join(dir, 'data', `${table}.jsonl`), 'utf8')
    .split('\n')
    .filter((l) => l)
    .map((l) => JSON.parse(l) as Record<string, unknown>)

describe('corrections.csv is checked line by line', () => {
  const head = 'table,id,field,value,reason,source\n'
  test.each([
    ['docs,doc_0000000000000000,title,X,typo,me', /line 2: unknown table "docs"/],
    ['documents,doc_0000000000000000,titre,X,typo,me', /line 2: documents has no column "titre"/],
    ['documents,doc_0000000000000000,doc_id,X,typo,me', /doc_id is the key of documents/],
    [
      'entities,ent_0000000000000000,geonames_id,douze,wrong id,GeoNames',
      /geonames_id must be a integer, not "douze"/,
    ],
    ['entities,ent_0000000000000000,type,town,typo,me', /type must be one of/],
    ['documents,doc_0000000000000000,title,X,,me', /line 2: no reason given/],
  ])('%s', (line, message) => {
    let err: unknown
    try {
      parseCorrections(`${head}${line}\n`)
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(PipelineError)
    expect((err as Error).message).toMatch(message)
  })
  test('a good line gives a typed value', () => {
    const [c] = parseCorrections(
      `${head}entities,ent_0000000000000000,geonames_id,2460596,GeoNames lookup,https://www.geonames.org/2460596\n`,
    )
    expect(c).toMatchObject({ table: 'entities', field: 'geonames_id', value: 2460596, line: 2 })
  })
})

describe('the corrections reports of shards, combined', () => {
  const c = (line: number, applied: boolean, previous: unknown = null): CorrectionReport => ({
    line,
    table: 'documents',
    id: `doc_${line}`,
    field: 'title',
    value: 'x',
    previous,
    applied,
    reason: 'r',
    source: 's',
  })
  test('a correction is applied when one shard applied it, with what it replaced there', () => {
    expect(
      mergeCorrectionReports([
        [c(2, false), c(3, true, 'a')],
        [c(2, true, 'b'), c(3, false)],
      ]),
    ).toEqual([c(2, true, 'b'), c(3, true, 'a')])
  })
  test('shards built with other corrections cannot be merged', () => {
    expect(() => mergeCorrectionReports([[c(2, false)], [c(3, false)]])).toThrow(/different corrections/)
  })
})

describe('a build with corrections', () => {
  const root = tempDir('corrections')
  const input = join(root, 'in')
  const run = (out: string) =>
    spawnSync(
      process.execPath,
      [compiledCli(), 'build', input, '--out', join(root, out), '--quiet', '--jobs', '1'],
      {
        encoding: 'utf8',
      },
    )
  let doc: Record<string, unknown>
  let entity: Record<string, unknown>
  beforeAll(() => {
    mkdirSync(input)
    for (const s of seedNames().slice(0, 2)) copyFileSync(join(seedsDir, s), join(input, s))
    expect(run('plain').status).toBe(0)
    doc = rows(join(root, 'plain'), 'documents')[0]!
    entity = rows(join(root, 'plain'), 'entities')[0]!
    writeFileSync(
      join(input, 'corrections.csv'),
      [
        'table,id,field,value,reason,source',
        `documents,${doc.doc_id},title,"Titre corrigé, à la main",the page title was lost,checked on the outlet's site`,
        `entities,${entity.entity_id},wikidata_id,Q1,verified by hand,https://www.wikidata.org/wiki/Q1`,
        'events,evt_0000000000000000,fatalities,3,no such event,test',
        '',
      ].join('\n'),
    )
    const r = run('corrected')
    expect(r.status, r.stderr).toBe(0)
    expect(run('again').status).toBe(0)
  })

  test('the corrected values are in the tables, the rest unchanged; the file is not an article', () => {
    const out = join(root, 'corrected')
    const d = rows(out, 'documents').find((x) => x.doc_id === doc.doc_id)!
    expect(d.title).toBe('Titre corrigé, à la main')
    expect({ ...d, title: doc.title }).toEqual(doc)
    expect(rows(out, 'entities').find((x) => x.entity_id === entity.entity_id)!.wikidata_id).toBe('Q1')
    expect(rows(out, 'documents')).toHaveLength(2)
    expect(readFileSync(join(out, 'data', 'documents.csv'), 'utf8')).toContain('"Titre corrigé, à la main"')
  })

  test('corrections.jsonl lists each, with what it replaced; one whose id names no row is not applied', () => {
    const report = readFileSync(join(root, 'corrected', 'corrections.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l)
      .map((l) => JSON.parse(l))
    expect(report).toEqual([
      expect.objectContaining({ table: 'documents', field: 'title', applied: true, previous: doc.title }),
      expect.objectContaining({
        table: 'entities',
        field: 'wikidata_id',
        value: 'Q1',
        applied: true,
        previous: entity.wikidata_id,
      }),
      expect.objectContaining({ table: 'events', id: 'evt_0000000000000000', applied: false }),
    ])
    const m = JSON.parse(readFileSync(join(root, 'corrected', 'manifest.json'), 'utf8'))
    expect(m.corrections).toEqual({ given: 3, applied: 2 })
    const pkg = JSON.parse(readFileSync(join(root, 'corrected', 'datapackage.json'), 'utf8'))
    expect(pkg.resources.map((r: { path: string }) => r.path)).toContain('corrections.jsonl')
  })

  test('shards merged keep the corrections report: the same as one run', () => {
    for (const k of [0, 1]) {
      const r = spawnSync(
        process.execPath,
        [compiledCli(), 'build', input, '--out', join(root, `shard${k}`), '--quiet', '--shard', `${k}/2`],
        { encoding: 'utf8' },
      )
      expect(r.status, r.stderr).toBe(0)
    }
    const m = spawnSync(
      process.execPath,
      [compiledCli(), 'merge', join(root, 'shard0'), join(root, 'shard1'), '--out', join(root, 'merged')],
      { encoding: 'utf8' },
    )
    expect(m.status, m.stderr).toBe(0)
    const read = (o: string, f: string) => readFileSync(join(root, o, f), 'utf8')
    expect(read('merged', 'corrections.jsonl')).toBe(read('corrected', 'corrections.jsonl'))
    expect(JSON.parse(read('merged', 'manifest.json')).corrections).toEqual({ given: 3, applied: 2 })
    expect(read('merged', 'data/documents.jsonl')).toBe(read('corrected', 'data/documents.jsonl'))
  })

  test('a rebuild gives the same bytes: corrections survive it', () => {
    const sums = (o: string) => readFileSync(join(root, o, 'SHA256SUMS'), 'utf8')
    expect(sums('again')).toBe(sums('corrected'))
  })
})
