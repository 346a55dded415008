/**
 * `--jobs auto` (the command line's default): one worker per `BYTES_PER_WORKER` of input, up to the
 * cores; a small corpus runs in one thread, which is faster for it (README, *How many threads*).
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { autoJobs, BYTES_PER_WORKER } from '../../pipeline/parallel/auto-jobs.js'
import { build } from '../../pipeline/run.js'
import { seedNames, seedText, tempDir, writeTree } from '../hostile/fixtures.js'

describe('autoJobs', () => {
  it('one thread under two workers’ worth of input, then a worker per BYTES_PER_WORKER, up to the cores', () => {
    expect(autoJobs(0, 8)).toBe(1)
    expect(autoJobs(90_360, 8)).toBe(1) // the dev set
    expect(autoJobs(2 * BYTES_PER_WORKER - 1, 8)).toBe(1)
    expect(autoJobs(2 * BYTES_PER_WORKER, 8)).toBe(2)
    expect(autoJobs(5 * BYTES_PER_WORKER + 7, 8)).toBe(5)
    expect(autoJobs(1e12, 8)).toBe(8)
    expect(autoJobs(1e12, 2)).toBe(2)
    // a machine reporting no core still gets one
    expect(autoJobs(1e12, 0)).toBe(1)
  })
})

describe("build({ jobs: 'auto' })", () => {
  it('runs a small corpus in one thread and says so; a number is taken as given', async () => {
    const root = tempDir('auto-jobs')
    writeTree(join(root, 'in'), { 'a.txt': seedText(seedNames()[0]!), 'b.txt': seedText(seedNames()[1]!) })
    const auto = await build({ input: join(root, 'in'), out: join(root, 'auto'), jobs: 'auto' })
    expect(auto.jobs).toBe(1)
    expect(auto.documents).toBe(2)
    const two = await build({ input: join(root, 'in'), out: join(root, 'two'), jobs: 2 })
    expect(two.jobs).toBe(2)
    await expect(
      build({ input: join(root, 'in'), out: join(root, 'bad'), jobs: 'many' as unknown as number }),
    ).rejects.toThrow(/whole number ≥ 1 or 'auto'/)
  })
})
