/**
 * Releases: two builds of the same dataset give byte-identical archives, and what the archives hold can
 * be read back (fflate for the zip, node:zlib + the ustar headers for the tar.gz, GNU tar as an outside
 * reader) with every file matching the SHA256SUMS inside.
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { archiveTime, tarHeader, ustarName } from '../../pipeline/release/archive.js'
import { makeRelease, type ReleaseResult } from '../../pipeline/release/release.js'

const tmp = mkdtempSync(join(tmpdir(), 'depeches-release-'))
const dist = join(tmp, 'dist')
const VERSION = '0.0.0-test'
let first: ReleaseResult
let second: ReleaseResult

beforeAll(async () => {
  // a copy of the committed dataset, with a stale release folder inside that must not be archived
  cpSync('dist', dist, { recursive: true, filter: (src) => !src.includes('/dist/release') })
  first = await makeRelease({ dist, out: join(dist, 'release'), version: VERSION })
  second = await makeRelease({ dist, out: join(tmp, 'again'), version: VERSION })
})
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')

function readTar(gz: Uint8Array): Map<string, { data: Buffer; mode: number; mtime: number; uid: number }> {
  const tar = gunzipSync(gz)
  const out = new Map<string, { data: Buffer; mode: number; mtime: number; uid: number }>()
  let at = 0
  while (at + 512 <= tar.length) {
    const h = tar.subarray(at, at + 512)
    if (h.every((b) => b === 0)) break
    const str = (o: number, l: number) => h.toString('utf8', o, o + l).replace(/\0.*$/s, '')
    const num = (o: number, l: number) => Number.parseInt(str(o, l).trim(), 8)
    let sum = 0
    for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : h[i]!
    expect(num(148, 8)).toBe(sum)
    expect(str(257, 6)).toBe('ustar')
    const prefix = str(345, 155)
    const name = prefix ? `${prefix}/${str(0, 100)}` : str(0, 100)
    const size = num(124, 12)
    out.set(name, {
      data: Buffer.from(tar.subarray(at + 512, at + 512 + size)),
      mode: num(100, 8),
      mtime: num(136, 12),
      uid: num(108, 8),
    })
    at += 512 + Math.ceil(size / 512) * 512
  }
  return out
}

describe('make release', () => {
  test('names the archives after the version', () => {
    expect(first.zip.endsWith(`depeches-${VERSION}.zip`)).toBe(true)
    expect(first.tarGz.endsWith(`depeches-${VERSION}.tar.gz`)).toBe(true)
  })

  test('two releases of the same data are byte-identical', () => {
    expect(sha(readFileSync(first.zip))).toBe(sha(readFileSync(second.zip)))
    expect(sha(readFileSync(first.tarGz))).toBe(sha(readFileSync(second.tarGz)))
  })

  test('the zip holds every format, the docs and checksums that match', () => {
    const files = unzipSync(readFileSync(first.zip))
    const names = Object.keys(files)
    expect(names).toEqual([...names].sort())
    const root = `depeches-${VERSION}/`
    expect(names.every((n) => n.startsWith(root))).toBe(true)
    const rel = names.map((n) => n.slice(root.length))
    for (const t of ['documents', 'entities', 'mentions', 'quotes', 'temporal_expressions', 'events'])
      for (const f of ['csv', 'jsonl', 'arrow', 'parquet']) expect(rel).toContain(`data/${t}.${f}`)
    for (const f of [
      'datapackage.json',
      'CODEBOOK.md',
      'README.md',
      'CITATION.cff',
      'CHANGELOG.md',
      'SHA256SUMS',
      'report.html',
      'rejects.jsonl',
      'manifest.json',
    ])
      expect(rel).toContain(f)
    expect(rel.some((f) => f.startsWith('release/'))).toBe(false)
    const sums = new TextDecoder().decode(files[`${root}SHA256SUMS`])
    const listed = sums
      .trim()
      .split('\n')
      .map((l) => l.split('  ') as [string, string])
    expect(listed.map(([, f]) => f)).toEqual(rel.filter((f) => f !== 'SHA256SUMS'))
    for (const [h, f] of listed) expect(sha(files[root + f]!), f).toBe(h)
    // the data files are the dataset's own bytes
    expect(sha(files[`${root}data/documents.parquet`]!)).toBe(
      sha(readFileSync(join(dist, 'data/documents.parquet'))),
    )
  })

  test('the tar.gz holds the same files, mode 0644, owner 0, one fixed time', () => {
    const tar = readTar(readFileSync(first.tarGz))
    const zip = unzipSync(readFileSync(first.zip))
    expect([...tar.keys()]).toEqual(Object.keys(zip))
    for (const [name, e] of tar) {
      expect(e.data.equals(Buffer.from(zip[name]!)), name).toBe(true)
      expect(e.mode).toBe(0o644)
      expect(e.uid).toBe(0)
      expect(e.mtime).toBe(archiveTime({}))
    }
    const gz = readFileSync(first.tarGz)
    expect(gz.readUInt32LE(4)).toBe(archiveTime({})) // gzip header time
  })

  test('GNU tar reads the archive', () => {
    if (!existsSync('/usr/bin/tar') && !existsSync('/bin/tar')) return
    const listing = execFileSync('tar', ['-tzvf', first.tarGz, '--numeric-owner', '--utc'], {
      encoding: 'utf8',
    })
    expect(listing).toContain(`-rw-r--r-- 0/0`)
    expect(listing).toContain('1980-01-01 00:00')
    expect(listing).toContain(`depeches-${VERSION}/data/events.parquet`)
  })

  test('the dataset card and citation describe this data', () => {
    const zip = unzipSync(readFileSync(first.zip))
    const text = (f: string) => new TextDecoder().decode(zip[`depeches-${VERSION}/${f}`])
    const card = text('README.md')
    const manifest = JSON.parse(text('manifest.json')) as { rows: Record<string, number> }
    expect(card).toContain(`| documents | ${manifest.rows.documents} |`)
    expect(card).toMatch(/## How to cite/)
    expect(card).toMatch(/## Known limits/)
    expect(text('CITATION.cff')).toContain(`version: "${VERSION}"`)
    expect(text('CITATION.cff')).toMatch(/^cff-version: 1\.2\.0$/m)
  })
})

describe('archive details', () => {
  test('SOURCE_DATE_EPOCH sets the time, never before 1980', () => {
    expect(archiveTime({})).toBe(315532800)
    expect(archiveTime({ SOURCE_DATE_EPOCH: '1700000000' })).toBe(1700000000)
    expect(archiveTime({ SOURCE_DATE_EPOCH: '0' })).toBe(315532800)
    expect(() => archiveTime({ SOURCE_DATE_EPOCH: 'yesterday' })).toThrow()
  })

  test('long paths go to the ustar prefix; too long ones are refused', () => {
    const long = `${'a'.repeat(120)}/${'b'.repeat(90)}`
    expect(ustarName(long)).toEqual({ prefix: 'a'.repeat(120), name: 'b'.repeat(90) })
    expect(() => ustarName('c'.repeat(300))).toThrow()
    expect(tarHeader('x.txt', 5, 315532800)).toHaveLength(512)
  })

  test('a stray file changes the release (the checksums are not decorative)', async () => {
    const other = join(tmp, 'other')
    cpSync(dist, other, { recursive: true, filter: (src) => !src.includes('/release') })
    writeFileSync(join(other, 'rejects.jsonl'), '{"x":1}\n')
    const r = await makeRelease({ dist: other, out: join(tmp, 'other-out'), version: VERSION })
    expect(sha(readFileSync(r.zip))).not.toBe(sha(readFileSync(first.zip)))
  })
})
