/**
 * Issue 10: `merge` merges only the intact shards of one build. Each shard records its build (corpus
 * fingerprint, shard k/n, pipeline fingerprint); a damaged shard (a deleted row, a file removed or
 * added), a shard of another corpus or reference date, a missing or a repeated shard are refused with
 * exit 1 and one line naming the shard and the reason. Through the compiled CLI, on a corpus of its own
 * (the scale tests change theirs).
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../helpers.js'
import { compiledCli } from '../hostile/cli.js'
import { makeCorpus } from './corpus.js'

let cli: string
let corpus: string
let single: string

const run = (...args: string[]) =>
  execFileSync(process.execPath, [cli, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
const sums = (dir: string) => readFileSync(join(dir, 'SHA256SUMS'), 'utf8')

beforeAll(() => {
  cli = compiledCli()
  corpus = makeCorpus(24, 'merge-corpus')
  single = join(tempDir('merge-single'), 'dist')
  run('build', corpus, '--out', single, '--jobs', '1', '--quiet')
})

// each test runs the CLI once or twice (a build for two of them): generous under a loaded machine
describe('merge: only the intact shards of one build', { timeout: 180_000 }, () => {
  let base: string
  let s0: string
  let s1: string
  // exit status and stderr of a merge that must be refused
  const refused = (...shards: string[]) => {
    const p = spawnSync(process.execPath, [cli, 'merge', ...shards, '--out', join(base, 'm'), '--quiet'], {
      encoding: 'utf8',
    })
    expect(existsSync(join(base, 'm'))).toBe(false)
    return { status: p.status, stderr: p.stderr }
  }
  const copy = (from: string, name: string) => {
    const to = join(base, name)
    cpSync(from, to, { recursive: true })
    return to
  }

  beforeAll(() => {
    base = tempDir('shards-check')
    s0 = join(base, 's0')
    s1 = join(base, 's1')
    run('build', corpus, '--out', s0, '--shard', '0/2', '--quiet')
    run('build', corpus, '--out', s1, '--shard', '1/2', '--quiet')
  })

  it('each shard records its build: corpus fingerprint, shard k/n, pipeline fingerprint', () => {
    const m0 = JSON.parse(readFileSync(join(s0, 'manifest.json'), 'utf8'))
    const m1 = JSON.parse(readFileSync(join(s1, 'manifest.json'), 'utf8'))
    const whole = JSON.parse(readFileSync(join(single, 'manifest.json'), 'utf8'))
    expect(m0.corpus.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(m0.corpus).toEqual({ fingerprint: whole.corpus.fingerprint, inputs: 32 })
    expect(m1.corpus).toEqual(m0.corpus)
    expect(m0.shard).toEqual({ index: 0, count: 2, pipeline: m1.shard.pipeline })
    expect(m1.shard.index).toBe(1)
    expect(m0.shard.pipeline).toMatch(/^[0-9a-f]{64}$/)
  })

  it('merges the two shards into the output of one run', () => {
    const out = join(base, 'good')
    run('merge', s1, s0, '--out', out, '--quiet')
    expect(sums(out)).toBe(sums(single))
  })

  it('refuses a shard with a deleted row: its checksum fails', () => {
    const bad = copy(s1, 'deleted-row')
    const file = join(bad, 'data', 'mentions.jsonl')
    const lines = readFileSync(file, 'utf8').split('\n')
    lines.splice(3, 1)
    writeFileSync(file, lines.join('\n'))
    const r = refused(s0, bad)
    expect(r.status).toBe(1)
    expect(r.stderr).toBe(
      `depeches: could not run: cannot merge: shard output ${bad} is damaged: data/mentions.jsonl does not match its checksum in SHA256SUMS (changed after the build)\n`,
    )
  })

  it('refuses a shard with a file removed or added', () => {
    const gone = copy(s1, 'file-removed')
    rmSync(join(gone, 'data', 'events.csv'))
    expect(refused(s0, gone).stderr).toMatch(
      new RegExp(`shard output ${gone} is damaged: data/events.csv is listed in SHA256SUMS but missing\\n$`),
    )
    const extra = copy(s1, 'file-added')
    writeFileSync(join(extra, 'data', 'notes.txt'), 'x')
    expect(refused(s0, extra).stderr).toMatch(
      new RegExp(`shard output ${extra} is damaged: data/notes.txt is not listed in SHA256SUMS`),
    )
  })

  it('refuses a shard cut from another corpus', () => {
    const other = makeCorpus(6, 'other-corpus')
    const foreign = join(base, 'foreign-1')
    run('build', other, '--out', foreign, '--shard', '1/2', '--quiet')
    const r = refused(s0, foreign)
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(
      new RegExp(
        `^depeches: could not run: cannot merge: shard output ${foreign} \\(shard 1/2\\) was cut from another corpus \\(fingerprint sha256:[0-9a-f]{12}…, the others sha256:[0-9a-f]{12}…\\)\\n$`,
      ),
    )
  })

  it('refuses a missing shard', () => {
    const r = refused(s0)
    expect(r.status).toBe(1)
    expect(r.stderr).toBe(
      `depeches: could not run: cannot merge: shard output ${s0} is shard 0/2, but 1 outputs were given: shard 1/2 missing\n`,
    )
  })

  it('refuses a shard given twice', () => {
    const twin = copy(s0, 'twin-0')
    const r = refused(s0, s1, twin)
    expect(r.status).toBe(1)
    expect(r.stderr).toBe(
      `depeches: could not run: cannot merge: shard output ${twin} is shard 0/2, given twice (also ${s0})\n`,
    )
  })

  it('refuses a shard that used another reference date', () => {
    const dated = join(base, 'dated-1')
    run('build', corpus, '--out', dated, '--shard', '1/2', '--reference-date', '2020-01-01', '--quiet')
    const r = refused(s0, dated)
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(
      new RegExp(`shard output ${dated} \\(shard 1/2\\) used another reference date \\(2020-01-01\\)\\n$`),
    )
  })
})
