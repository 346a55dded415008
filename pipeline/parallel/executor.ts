/**
 * Where per-input work runs: inline in this thread (`--jobs 1`), or on a pool of worker threads with a
 * capped heap. An input too large for a worker's heap is done in this thread from the start, by its
 * size on disk; a batch whose worker runs out of heap all the same is done again here.
 *
 * Why not simply let a worker run out of heap and retry: Node terminates such a worker with
 * `ERR_WORKER_OUT_OF_MEMORY` only for some shapes of allocation; for others V8 aborts the whole
 * process (nodejs/node#47224, and the caveat nodejs/node#65019 adds to the documentation), which would
 * end a long build on one long article. The retry stays as a second line, never as the plan.
 */
import { Piscina } from 'piscina'
import type { DocCache } from '../cache.js'
import type { BuildResult, ScanResult } from '../process-input.js'
import { runTask, type TaskResult, type WorkerTask } from '../worker.js'
import { workerFile } from './worker-file.js'

/**
 * Memory a worker holds before any article: its reference data (gazetteers, lexicons, patterns),
 * measured at about 70 MB.
 */
export const WORKER_BASE_MB = 70

/**
 * Working memory of the enrich stage, in bytes a character of text, with a margin of two over the
 * measured 120 (an article of 1.5 million characters needs about 180 MB beside the reference data).
 */
const BYTES_A_CHAR = 240

/**
 * The largest input (bytes on disk) sent to a worker whose old generation is capped at `heapMb`. Bytes
 * bound characters from above (UTF-8 and the single-byte code pages give at most a character a byte,
 * UTF-16 one a two; markup only adds bytes), so an input under it fits in the heap whatever it holds.
 */
export const workerInputLimit = (heapMb: number): number =>
  Math.max(0, Math.floor(((heapMb - WORKER_BASE_MB) * 2 ** 20) / BYTES_A_CHAR))

/** The pool the executor hands batches to; Piscina in a build, a fake in tests. */
export interface TaskPool {
  run(tasks: readonly WorkerTask[]): Promise<TaskResult<ScanResult | BuildResult>[]>
  destroy(): Promise<void>
}

export interface ExecutorStats {
  /** Inputs served from the cache, and computed. */
  hits: number
  misses: number
  /** Inputs done in this thread because their size exceeds what a worker's heap holds. */
  inlineBySize: number
  /** Batches done again in this thread after their worker ran out of heap all the same. */
  retriedInline: number
}

/** Runs batches of tasks inline or on worker threads; results in task order. */
export interface Executor {
  run(tasks: readonly WorkerTask[]): Promise<(ScanResult | BuildResult)[]>
  close(): Promise<void>
  readonly stats: ExecutorStats
}

const outOfMemory = (e: unknown): boolean =>
  typeof e === 'object' && e !== null && (e as { code?: unknown }).code === 'ERR_WORKER_OUT_OF_MEMORY'

function piscinaPool(jobs: number, heapMb: number): TaskPool {
  const pool = new Piscina({
    filename: workerFile(import.meta.url, '../worker.js'),
    minThreads: jobs,
    maxThreads: jobs,
    idleTimeout: 60_000,
    // a second task waits in each worker's inbox, so a worker that finishes one starts the next at once
    // instead of waiting for the main thread (busy writing rows) to hand it one
    concurrentTasksPerWorker: 2,
    resourceLimits: { maxOldGenerationSizeMb: heapMb },
  })
  return { run: (tasks) => pool.run(tasks), destroy: () => pool.destroy() }
}

export interface ExecutorOptions {
  readonly jobs: number
  readonly cache: DocCache | null
  /** Old generation of each worker (MB). */
  readonly heapMb: number
  /** The pool behind `jobs > 1`; Piscina worker threads by default. */
  readonly pool?: (jobs: number, heapMb: number) => TaskPool
}

export function executor(opts: ExecutorOptions): Executor {
  const { cache } = opts
  const stats: ExecutorStats = { hits: 0, misses: 0, inlineBySize: 0, retriedInline: 0 }
  const pool = opts.jobs > 1 ? (opts.pool ?? piscinaPool)(opts.jobs, opts.heapMb) : null
  const limit = workerInputLimit(opts.heapMb)
  const onPool = async (ts: readonly WorkerTask[]): Promise<TaskResult<ScanResult | BuildResult>[]> => {
    if (ts.length === 0) return []
    try {
      return await pool!.run(ts)
    } catch (e) {
      if (!outOfMemory(e)) throw e
      stats.retriedInline++
      return ts.map(runTask)
    }
  }
  // the batch's inputs too large for a worker are done here; the others go to the pool, in one message
  const split = async (ts: readonly WorkerTask[]): Promise<TaskResult<ScanResult | BuildResult>[]> => {
    const big = ts.map((t) => (t.input.bytes ?? 0) > limit)
    if (!big.includes(true)) return onPool(ts)
    const pooled = onPool(ts.filter((_, k) => !big[k]))
    // the pool's batch is in flight while this thread works: a failure is raised once both are done
    pooled.catch(() => undefined)
    const here = new Map<number, TaskResult<ScanResult | BuildResult>>()
    for (let k = 0; k < ts.length; k++)
      if (big[k]) {
        stats.inlineBySize++
        here.set(k, runTask(ts[k]!))
      }
    const away = await pooled
    let j = 0
    return ts.map((_, k) => here.get(k) ?? away[j++]!)
  }
  const run = async (tasks: readonly WorkerTask[]) => {
    const ts = cache ? tasks.map((task) => ({ ...task, cache: cache.describe() })) : tasks
    const rs = pool ? await split(ts) : ts.map(runTask)
    return rs.map((r, k) => {
      if (cache && !ts[k]!.input.problem) {
        if (r.cached) stats.hits++
        else stats.misses++
      }
      return r.result
    })
  }
  let closed: Promise<void> | null = null
  // idempotent: the build closes the pool as soon as the last document is done, and again on any exit
  const close = () => {
    closed ??= pool ? pool.destroy() : Promise.resolve()
    return closed
  }
  return { run, stats, close }
}
