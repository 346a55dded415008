/**
 * The command line as a user meets it: bad usage is one line naming what is wrong and exit status 2;
 * a single file is a corpus; `--summary-json` writes the run's figures; `depeches stats` prints the
 * counts of a built dataset.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { seedNames, seedsDir, tempDir } from '../helpers.js'
import { compiledCli } from '../hostile/cli.js'

let cli = ''
beforeAll(() => {
  cli = compiledCli()
})
const depeches = (...args: string[]) =>
  spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 120_000 })

describe('bad usage: exit 2, one line naming the bad value, see --help', () => {
  const out = join(tempDir('cli'), 'out')
  test.each([
    [['build', seedsDir, '--out', out, '--jobs', '0'], '"0"'],
    [['build', seedsDir, '--out', out, '--jobs', 'many'], '"many"'],
    [['build', seedsDir, '--out', out, '--shard', '5/4'], '"5/4"'],
    [['build', seedsDir, '--out', out, '--reference-date', 'yesterday'], '"yesterday"'],
    [['build', seedsDir, '--out', out, '--frobnicate'], '--frobnicate'],
    [['build', seedsDir, '--out', out, '-z'], '-z'],
    [['build', seedsDir, '--out'], '--out'],
    [['build', seedsDir, '--out', out, '--quiet=yes'], '"yes"'],
    [['build', seedsDir, '--out', '--quiet'], '--out'],
    [['compile', seedsDir], '"compile"'],
    [['stats'], 'stats'],
  ])('%j', (args, named) => {
    const r = depeches(...args)
    expect(r.status).toBe(2)
    expect(r.stdout).toBe('')
    const lines = r.stderr.trimEnd().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^depeches: .*\(see --help\)$/)
    expect(lines[0]).toContain(named)
    // our words, not Node's (`Unknown option '--x'. To specify a positional argument…`)
    expect(lines[0]).not.toMatch(/positional argument|ERR_PARSE_ARGS/)
  })

  test('a bad value is reported before the input is looked at', () => {
    const r = depeches('build', '/no/such/folder', '--out', out, '--jobs', '0')
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('--jobs')
  })

  test('what cannot run (a missing input) is exit 1, one line, no help', () => {
    const r = depeches('build', '/no/such/folder', '--out', out)
    expect(r.status).toBe(1)
    expect(r.stderr.trimEnd().split('\n')).toEqual(['depeches: input not found: /no/such/folder'])
  })

  test('--help still prints the help on stdout, exit 0', () => {
    const r = depeches('--help')
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/Usage:[\s\S]*depeches stats <output-dir>[\s\S]*--summary-json <file>/)
  })
})

describe('a single file as input, its summary as JSON, and stats', () => {
  const dir = tempDir('cli-one')
  const seed = seedNames()[0]!
  const out = join(dir, 'one')
  const summary = join(dir, 'nested', 'summary.json')
  let r: ReturnType<typeof depeches>
  beforeAll(() => {
    r = depeches('build', join(seedsDir, seed), '--out', out, '--summary-json', summary, '--jobs', '1')
  })

  test('one file is a corpus of one document, named by its file name', () => {
    expect(r.status, r.stderr).toBe(0)
    expect(r.stderr).toMatch(/inputs\s+1\s+\(= 1 documents \+ 0 duplicates \+ 0 rejected\)/)
    const doc = JSON.parse(readFileSync(join(out, 'data', 'documents.jsonl'), 'utf8').split('\n')[0]!)
    expect(doc.source_file).toBe(seed)
  })

  test('--summary-json holds the figures of the run, the same as the manifest', () => {
    const s = JSON.parse(readFileSync(summary, 'utf8'))
    const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'))
    expect(s).toMatchObject({ command: 'build', inputs: 1, documents: 1, duplicates: 0, rejected: 0 })
    expect(s.rows).toEqual(m.rows)
    expect(s.referenceDate).toBe(m.reference_date.value)
    expect(s.output).toBe('created')
    expect(typeof s.seconds).toBe('number')
  })

  test('stats prints the counts a researcher checks first, read from the dataset', () => {
    const st = depeches('stats', out)
    expect(st.status, st.stderr).toBe(0)
    const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'))
    expect(st.stdout).toMatch(/^documents\s+1, published \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}/m)
    // one document: every event row is a real event of its own (clusters join rows of several documents)
    expect(st.stdout).toContain(`events      ${m.rows.events} in ${m.rows.events} real events`)
    expect(st.stdout).toContain(`mentions ${m.rows.mentions}`)
    expect(st.stdout).toMatch(/^quotes\s+\d+, \d+ with a speaker/m)
    const json = JSON.parse(depeches('stats', out, '--json').stdout)
    expect(json.rows).toEqual({ ...m.rows, rejects: 0 })
    expect(json.eventClusters).toBe(m.rows.events)
    expect(Object.values(json.entitiesByType as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(
      m.rows.entities,
    )
  })

  test('stats on a folder that is not a dataset: exit 1, says so', () => {
    const st = depeches('stats', seedsDir)
    expect(st.status).toBe(1)
    expect(st.stderr).toMatch(/is not a built dataset/)
  })
})

describe('--jobs: auto by default', () => {
  test('the seeds, a small corpus, run in one thread by default and with --jobs auto; the summary says so', () => {
    const dir = tempDir('cli-jobs')
    for (const [k, jobs] of [[], ['--jobs', 'auto']].entries()) {
      const summary = join(dir, `summary-${k}.json`)
      const r = depeches(
        'build',
        seedsDir,
        '--out',
        join(dir, `out-${k}`),
        '--summary-json',
        summary,
        ...jobs,
      )
      expect(r.status, r.stderr).toBe(0)
      expect(r.stderr).toMatch(/^jobs\s+1 \(one thread\)$/m)
      expect(JSON.parse(readFileSync(summary, 'utf8')).jobs).toBe(1)
    }
    const r = depeches('build', seedsDir, '--out', join(dir, 'out-2'), '--jobs', '2')
    expect(r.status, r.stderr).toBe(0)
    expect(r.stderr).toMatch(/^jobs\s+2 worker threads$/m)
  })
})
