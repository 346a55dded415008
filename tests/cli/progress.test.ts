/** The progress bar: done/total, the rate over the last seconds, the time left; drawn at most 10 times a second. */
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, test } from 'vitest'
import {
  formatDuration,
  type Phase,
  progressBar,
  progressLine,
  progressLog,
} from '../../pipeline/cli/progress.js'
import { build } from '../../pipeline/run.js'
import { seedsDir, tempDir } from '../helpers.js'

describe('progress line', () => {
  test('rate and time left while running, the rate alone at the end', () => {
    expect(progressLine('build', 50, 200, 25, 10)).toBe('building [###.......] 50/200  25.0 files/s  ETA 6s')
    expect(progressLine('build', 200, 200, 25, 10)).toBe('building [##########] 200/200  25.0 files/s')
    expect(progressLine('scan', 0, 10, null, 10)).toBe('scanning [..........] 0/10')
  })
  test('durations', () => {
    expect(formatDuration(59.4)).toBe('59s')
    expect(formatDuration(245)).toBe('4:05')
    expect(formatDuration(3 * 3600 + 61)).toBe('3:01:01')
  })
})

describe('progress bar', () => {
  test('the rate follows the recent pace, and the ETA the rate', () => {
    const out: string[] = []
    let t = 0
    const bar = progressBar(
      (s) => out.push(s),
      () => t,
    )
    // 10 files a second for 10 s, then 100 a second for 1 s
    for (let i = 1; i <= 100; i++) {
      t = i * 100
      bar('build', i, 1000)
    }
    expect(out.at(-1)).toMatch(/100\/1000 {2}10\.0 files\/s {2}ETA 1:30/)
    for (let i = 101; i <= 200; i++) {
      t = 10_000 + (i - 100) * 10
      bar('build', i, 1000)
    }
    const last = out.at(-1)!
    const rate = Number(/ ([\d.]+) files\/s/.exec(last)![1])
    expect(rate).toBeGreaterThan(14) // moves towards 100/s as the window slides, not the 18/s average
    expect(last).toContain('200/1000')
  })
  test('at most ten redraws a second, and always the last one, with a newline', () => {
    const out: string[] = []
    let t = 0
    const bar = progressBar(
      (s) => out.push(s),
      () => t,
    )
    for (let i = 1; i <= 1000; i++) {
      t = i // 1000 files in one second
      bar('scan', i, 1000)
    }
    expect(out.filter((s) => s.startsWith('\r')).length).toBeLessThanOrEqual(11)
    expect(out.at(-1)).toBe('\n')
    expect(out.at(-2)).toContain('1000/1000')
  })
})

describe('progress in a log', () => {
  const run = (steps: [phase: Phase, done: number, total: number, seconds: number][]) => {
    const out: string[] = []
    let t = 0
    const log = progressLog(
      (s) => out.push(s),
      () => t,
    )
    for (const [phase, done, total, seconds] of steps) {
      t = seconds * 1000
      log(phase, done, total)
    }
    return out
  }

  test('a line a minute with the mean rate and the time left, and one when a logged phase ends', () => {
    const steps: [phase: Phase, done: number, total: number, seconds: number][] = []
    // scan: 1,000 files a second for 3 s; build: 100 files a second for 150 s (each phase is
    // announced at 0 done when it starts, as the build does)
    steps.push(['scan', 0, 3000, 0])
    for (let s = 1; s <= 3; s++) steps.push(['scan', s * 1000, 3000, s])
    steps.push(['build', 0, 15_000, 3])
    for (let s = 1; s <= 150; s++) steps.push(['build', s * 100, 15_000, 3 + s])
    expect(run(steps)).toEqual([
      'building 6000/15000 (40.0%)  100 files/s  ETA 1:30  elapsed 1:00\n',
      'building 12000/15000 (80.0%)  100 files/s  ETA 30s  elapsed 2:00\n',
      'building 15000/15000 (100.0%)  100 files/s  elapsed 2:30\n',
    ])
  })

  test('the phases of the finish: event rows, then the Parquet files left to convert', () => {
    const steps: [phase: Phase, done: number, total: number, seconds: number][] = [['events', 0, 90_000, 0]]
    for (let s = 1; s <= 90; s++) steps.push(['events', s * 1000, 90_000, s])
    steps.push(['parquet', 3, 12, 90], ['parquet', 7, 12, 151], ['parquet', 12, 12, 200])
    expect(run(steps)).toEqual([
      'events 60000/90000 (66.7%)  1000 rows/s  ETA 30s  elapsed 1:00\n',
      'events 90000/90000 (100.0%)  1000 rows/s  elapsed 1:30\n',
      'parquet 7/12 (58.3%)  0.07 files/s  ETA 1:16  elapsed 1:01\n',
      'parquet 12/12 (100.0%)  0.08 files/s  elapsed 1:50\n',
    ])
    expect(progressLine('events', 500, 1000, 250, 10)).toBe(
      'events   [#####.....] 500/1000  250 rows/s  ETA 2s',
    )
  })

  test('a build shorter than a minute prints nothing', () => {
    expect(
      run([
        ['scan', 10, 10, 1],
        ['build', 5, 10, 20],
        ['build', 10, 10, 59],
      ]),
    ).toEqual([])
  })
})

describe('the phases a build reports', () => {
  it('scan, build, events, parquet, in that order, each started at its first count and ended at its total', async () => {
    const calls: [Phase, number, number][] = []
    const out = join(tempDir('progress'), 'out')
    const summary = await build({
      input: seedsDir,
      out,
      jobs: 2,
      onProgress: (phase, done, total) => calls.push([phase, done, total]),
    })
    const phases = calls.map(([p]) => p).filter((p, k, all) => k === 0 || all[k - 1] !== p)
    expect(phases).toEqual(['scan', 'build', 'events', 'parquet'])
    const of = (phase: Phase) => calls.filter(([p]) => p === phase)
    expect(of('scan')[0]).toEqual(['scan', 0, summary.inputs])
    expect(of('scan').at(-1)).toEqual(['scan', summary.inputs, summary.inputs])
    expect(of('build').at(-1)).toEqual([
      'build',
      summary.documents + summary.rejected,
      summary.documents + summary.rejected,
    ])
    expect(of('events')[0]).toEqual(['events', 0, summary.rows.events])
    expect(of('events').at(-1)).toEqual(['events', summary.rows.events, summary.rows.events])
    const parquetFiles = readdirSync(out, { recursive: true }).filter((f) => String(f).endsWith('.parquet'))
    expect(of('parquet').at(-1)).toEqual(['parquet', parquetFiles.length, parquetFiles.length])
    for (const [, done, total] of calls) expect(done).toBeLessThanOrEqual(total)
  })

  it('no Parquet phase for a build without Parquet', async () => {
    const phases = new Set<Phase>()
    await build({
      input: seedsDir,
      out: join(tempDir('progress'), 'out'),
      formats: ['csv'],
      onProgress: (phase) => phases.add(phase),
    })
    expect([...phases]).toEqual(['scan', 'build', 'events'])
  })
})
