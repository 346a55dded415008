/**
 * Where an input is processed: an input larger than a worker's heap holds never goes to a worker (a
 * worker that runs out of heap can abort the whole process, nodejs/node#47224), and a batch whose worker
 * runs out of heap all the same is done again in this thread. The pool is a fake that records what it
 * is given and can fail the way Piscina does; the work itself is the real per-input work.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { discover } from '../../pipeline/inputs.js'
import { executor, type TaskPool, workerInputLimit } from '../../pipeline/parallel/executor.js'
import { runTask, type WorkerTask } from '../../pipeline/worker.js'
import { seedNames, seedText, tempDir } from '../helpers.js'

/** A folder of the first seeds and one input of `bigBytes` bytes (the seeds repeated), in name order. */
function corpus(bigBytes: number): WorkerTask[] {
  const dir = tempDir('executor')
  const names = seedNames().slice(0, 3)
  for (const n of names) writeFileSync(join(dir, n), seedText(n))
  const seed = Buffer.from(seedText(names[0]!).replace(/[^\x20-\x7e\n]/g, 'e'))
  const big = Buffer.alloc(bigBytes)
  for (let k = 0; k < bigBytes; k += seed.length) seed.copy(big, k)
  writeFileSync(join(dir, 'big.txt'), big)
  return discover(dir).inputs.map((input) => ({ kind: 'scan', input }))
}

function recordingPool(fail?: (ts: readonly WorkerTask[]) => unknown): TaskPool & { seen: string[] } {
  const seen: string[] = []
  return {
    seen,
    run: async (ts) => {
      seen.push(...ts.map((t) => t.input.path))
      const e = fail?.(ts)
      if (e) throw e
      return ts.map(runTask)
    },
    destroy: async () => undefined,
  }
}

describe('executor: inputs too large for a worker stay in this thread', () => {
  it('the limit follows the heap: what is left beside the reference data, at 240 bytes a character', () => {
    expect(workerInputLimit(256)).toBe(Math.floor((186 * 2 ** 20) / 240))
    expect(workerInputLimit(100)).toBe(131_072)
    expect(workerInputLimit(60)).toBe(0)
  })

  it('a large input is done here, the others on the pool, results in input order as inline', async () => {
    const limit = workerInputLimit(100)
    const tasks = corpus(limit + 1)
    expect(tasks.find((t) => t.input.path === 'big.txt')!.input.bytes).toBe(limit + 1)
    const pool = recordingPool()
    const exec = executor({ jobs: 2, cache: null, heapMb: 100, pool: () => pool })
    const got = await exec.run(tasks)
    expect(pool.seen).toEqual(tasks.map((t) => t.input.path).filter((p) => p !== 'big.txt'))
    expect(got).toEqual(tasks.map((t) => runTask(t).result))
    expect(exec.stats).toMatchObject({ inlineBySize: 1, retriedInline: 0 })
    await exec.close()
  })

  it('an input at the limit goes to the pool', async () => {
    const tasks = corpus(workerInputLimit(100))
    const pool = recordingPool()
    const exec = executor({ jobs: 2, cache: null, heapMb: 100, pool: () => pool })
    await exec.run(tasks)
    expect(pool.seen).toContain('big.txt')
    expect(exec.stats.inlineBySize).toBe(0)
  })

  it('one job never makes a pool, whatever the sizes', async () => {
    const exec = executor({
      jobs: 1,
      cache: null,
      heapMb: 100,
      pool: () => {
        throw new Error('no pool for one job')
      },
    })
    const tasks = corpus(10)
    expect(await exec.run(tasks)).toEqual(tasks.map((t) => runTask(t).result))
    expect(exec.stats.inlineBySize).toBe(0)
  })
})

describe('executor: a worker that runs out of heap all the same', () => {
  it('has its batch done again in this thread, the same results', async () => {
    const tasks = corpus(10)
    const oom = Object.assign(new Error('Worker terminated due to reaching memory limit'), {
      code: 'ERR_WORKER_OUT_OF_MEMORY',
    })
    const exec = executor({
      jobs: 2,
      cache: null,
      heapMb: 256,
      pool: () => recordingPool(() => oom),
    })
    expect(await exec.run(tasks)).toEqual(tasks.map((t) => runTask(t).result))
    expect(exec.stats.retriedInline).toBe(1)
  })

  it('any other failure of the pool is raised, also when part of the batch was done here', async () => {
    const tasks = corpus(workerInputLimit(100) + 1)
    const exec = executor({
      jobs: 2,
      cache: null,
      heapMb: 100,
      pool: () => recordingPool(() => new Error('worker crashed')),
    })
    await expect(exec.run(tasks)).rejects.toThrow('worker crashed')
    expect(exec.stats).toMatchObject({ inlineBySize: 1, retriedInline: 0 })
  })
})
