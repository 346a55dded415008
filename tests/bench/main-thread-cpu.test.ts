/**
 * The benchmark's measure of a build's main thread alone (`bench/main-thread-cpu.ts`): it counts the CPU
 * the main thread spends and not that of other threads, and the preload writes it when the process ends.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { describe, expect, it } from 'vitest'
import { threadTicks } from '../../bench/main-thread-cpu.js'

const hasProc = existsSync(`/proc/self/task/${process.pid}/stat`)

/** The same CPU-spending loop in this thread, a worker and a child process. */
const SPIN_FILE = join(__dirname, 'fixtures', 'spin.cjs')
const spin = createRequire(import.meta.url)(SPIN_FILE) as (ms: number) => number
const SPIN = `const spin = require(${JSON.stringify(SPIN_FILE)})`

describe.runIf(hasProc)('the main thread CPU of a build', () => {
  it('grows with the CPU this thread spends', () => {
    const before = threadTicks(process.pid)!
    spin(400)
    const after = threadTicks(process.pid)!
    // 400 ms is 40 ticks at 100 a second; a loaded machine may count a little less to this thread
    expect(after - before).toBeGreaterThanOrEqual(20)
  })

  it('does not count the CPU of a worker thread', async () => {
    const before = threadTicks(process.pid)!
    const worker = new Worker(
      `${SPIN}; spin(600); require('node:worker_threads').parentPort.postMessage('done')`,
      {
        eval: true,
      },
    )
    await new Promise((done) => worker.once('message', done))
    await worker.terminate()
    const after = threadTicks(process.pid)!
    // the worker spent 600 ms (60 ticks); the main thread waited
    expect(after - before).toBeLessThan(20)
  })

  it('is written to the named file when a process run with the preload exits', () => {
    const dir = mkdtempSync(join(tmpdir(), 'main-cpu-'))
    const file = join(dir, 'ticks')
    try {
      const preload = pathToFileURL(join(__dirname, '..', '..', 'build', 'bench', 'main-thread-cpu.js')).href
      const r = spawnSync(process.execPath, ['--import', preload, '-e', `${SPIN}; spin(300)`], {
        env: { ...process.env, BENCH_MAIN_CPU: file },
        encoding: 'utf8',
      })
      expect(r.status, r.stderr).toBe(0)
      const ticks = Number(readFileSync(file, 'utf8').trim())
      expect(ticks).toBeGreaterThanOrEqual(15)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
