/**
 * `--formats`: a build writes the tables in the formats asked for and nothing else (a million articles
 * in all four formats is about 78 GB; Parquet alone about a fifth). A format written is byte-identical
 * to the same format of a full build; datapackage.json and SHA256SUMS describe exactly the files there;
 * stats and merge read whichever format is there; a release (every format) refuses a build with fewer.
 */
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { merge } from '../../pipeline/merge.js'
import { parseFormats } from '../../pipeline/publish/layout.js'
import { collectStats } from '../../pipeline/publish/stats.js'
import { makeRelease } from '../../pipeline/release/release.js'
import { build } from '../../pipeline/run.js'
import { repo, seedsDir, tempDir } from '../helpers.js'
import { compiledCli } from '../hostile/cli.js'

const DIST = join(repo, 'dist')

function files(dir: string): string[] {
  const out: string[] = []
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }))
      if (e.isDirectory()) walk(join(d, e.name))
      else out.push(relative(dir, join(d, e.name)))
  }
  walk(dir)
  return out.sort()
}

const dataFiles = (dir: string) => files(dir).filter((f) => f.startsWith('data/'))
const json = (path: string) => JSON.parse(readFileSync(path, 'utf8'))

describe('parseFormats', () => {
  it('reads a comma-separated list into the formats in their usual order', () => {
    expect(parseFormats('parquet')).toEqual(['parquet'])
    expect(parseFormats('parquet, CSV')).toEqual(['csv', 'parquet'])
    expect(parseFormats('jsonl,jsonl')).toEqual(['jsonl'])
  })
  it('refuses an empty list or an unknown format', () => {
    expect(parseFormats('')).toBeNull()
    expect(parseFormats('parquet,xlsx')).toBeNull()
  })
})

describe('a build with --formats', { timeout: 180_000 }, () => {
  let parquetOnly: string
  let textOnly: string
  beforeAll(async () => {
    parquetOnly = join(tempDir('formats-parquet'), 'out')
    textOnly = join(tempDir('formats-text'), 'out')
    await build({ input: seedsDir, out: parquetOnly, formats: ['parquet'], jobs: 2 })
    await build({ input: seedsDir, out: textOnly, formats: ['csv', 'jsonl'] })
  })

  it('parquet: the tables and the by-year partitions in Parquet, no Arrow, CSV or JSON Lines (no scratch left)', () => {
    const data = dataFiles(parquetOnly)
    expect(data.every((f) => f.endsWith('.parquet'))).toBe(true)
    expect(data).toEqual(dataFiles(DIST).filter((f) => f.endsWith('.parquet')))
    expect(files(parquetOnly).filter((f) => !f.startsWith('data/'))).toEqual(
      files(DIST).filter((f) => !f.startsWith('data/')),
    )
  })

  it('each file written is byte-identical to the full build’s', () => {
    for (const dir of [parquetOnly, textOnly])
      for (const f of dataFiles(dir).concat(['rejects.jsonl', 'report.html', 'CODEBOOK.md']))
        expect(readFileSync(join(dir, f)).equals(readFileSync(join(DIST, f))), f).toBe(true)
  })

  it('csv,jsonl: no Arrow, no Parquet, no by-year partitions', () => {
    const data = dataFiles(textOnly)
    expect(data.length).toBe(14)
    expect(data.every((f) => /^data\/[a-z_]+\.(csv|jsonl)$/.test(f))).toBe(true)
  })

  it('manifest.json records the formats; datapackage.json and SHA256SUMS list exactly the files there', () => {
    expect(json(join(parquetOnly, 'manifest.json')).formats).toEqual(['parquet'])
    expect(json(join(textOnly, 'manifest.json')).formats).toEqual(['csv', 'jsonl'])
    expect(json(join(DIST, 'manifest.json')).formats).toEqual(['csv', 'jsonl', 'arrow', 'parquet'])
    for (const dir of [parquetOnly, textOnly]) {
      const pkg = json(join(dir, 'datapackage.json')) as {
        resources: {
          name: string
          path: string
          schema?: { foreignKeys?: { reference: { resource: string } }[] }
        }[]
      }
      const names = new Set(pkg.resources.map((r) => r.name))
      const there = new Set(files(dir))
      for (const r of pkg.resources) {
        expect(there.has(r.path), r.path).toBe(true)
        for (const fk of r.schema?.foreignKeys ?? [])
          expect(names.has(fk.reference.resource), fk.reference.resource).toBe(true)
      }
      const tables = pkg.resources.filter((r) => r.path.startsWith('data/')).map((r) => r.path)
      expect(tables.sort()).toEqual(dataFiles(dir).filter((f) => !f.startsWith('data/by-year/')))
      const listed = readFileSync(join(dir, 'SHA256SUMS'), 'utf8')
        .trim()
        .split('\n')
        .map((l) => l.split('  ')[1])
      expect(listed).toEqual(files(dir).filter((f) => f !== 'SHA256SUMS'))
    }
  })

  it('stats reads the tables from Arrow or Parquet when JSON Lines are left out: the same figures', async () => {
    const arrowOnly = join(tempDir('formats-arrow'), 'out')
    await build({ input: seedsDir, out: arrowOnly, formats: ['arrow'] })
    const full = await collectStats(DIST)
    expect(full.rows.documents).toBe(json(join(DIST, 'manifest.json')).rows.documents)
    expect(full.mappable.length).toBeGreaterThan(0)
    expect(full.topEntities.get('person')?.length).toBeGreaterThan(0)
    for (const dir of [parquetOnly, arrowOnly, textOnly]) expect(await collectStats(dir)).toEqual(full)
    await expect(collectStats(tempDir('formats-none'))).rejects.toThrow(/has no documents table/)
  })

  it('a release, which carries every format, refuses a build made with --formats', async () => {
    await expect(
      makeRelease({ dist: parquetOnly, out: join(tempDir('formats-release'), 'r') }),
    ).rejects.toThrow(/holds the tables in parquet only \(--formats\): a release carries every format/)
  })

  it('merge reads its shards in whichever format they were written, and writes the formats asked for', async () => {
    const base = tempDir('formats-shards')
    const build2 = async (name: string, formats: ('jsonl' | 'arrow' | 'parquet')[]) => {
      const shards = [0, 1].map((k) => join(base, `${name}${k}`))
      for (const [k, s] of shards.entries())
        await build({ input: seedsDir, out: s, shard: { index: k, count: 2 }, formats })
      return shards
    }
    // shards in Parquet only (about a tenth of the disk) merge into the full dataset of one run
    const merged = join(base, 'merged')
    await merge({ shards: await build2('p', ['parquet']), out: merged })
    expect(readFileSync(join(merged, 'SHA256SUMS'), 'utf8')).toBe(
      readFileSync(join(DIST, 'SHA256SUMS'), 'utf8'),
    )
    // shards in Arrow, merged into Parquet only
    const parquet = join(base, 'merged-parquet')
    await merge({ shards: await build2('a', ['arrow']), out: parquet, formats: ['parquet'] })
    expect(dataFiles(parquet)).toEqual(dataFiles(DIST).filter((f) => f.endsWith('.parquet')))
    for (const f of dataFiles(parquet))
      expect(readFileSync(join(parquet, f)).equals(readFileSync(join(DIST, f))), f).toBe(true)
  })

  it('the command line refuses an unknown format with one line and exit status 2', () => {
    const r = spawnSync(
      process.execPath,
      [
        compiledCli(),
        'build',
        seedsDir,
        '--out',
        join(tempDir('formats-cli'), 'o'),
        '--formats',
        'parquet,xlsx',
      ],
      {
        encoding: 'utf8',
      },
    )
    expect(r.status).toBe(2)
    expect(r.stderr.trim()).toBe(
      'depeches: --formats must list some of csv, jsonl, arrow, parquet separated by commas, not "parquet,xlsx" (see --help)',
    )
  })
})
