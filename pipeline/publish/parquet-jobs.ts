/**
 * The Parquet files of a run: the tables' (`data/<table>.parquet`) and the by-year partitions'
 * (`parquet-by-year.ts`), each converted from its finished Arrow file. With several threads a
 * conversion starts on a pool of worker threads as soon as its Arrow file is closed, so the tables
 * finished first are converted while the main thread still writes the last one (the events, written
 * once the whole corpus is clustered); each thread converts one file at a time, so memory holds one
 * Parquet row group per thread. With one thread, the files are converted in this thread at the end.
 * The bytes of each file depend only on its Arrow file, never on the thread or the order. Each
 * conversion hashes the Parquet bytes as it writes them; the SHA-256 is recorded in the run's
 * `FileHashes` when it is given.
 */
import { rmSync } from 'node:fs'
import { Piscina } from 'piscina'
import { workerFile } from '../parallel/worker-file.js'
import type { FileHashes } from './checksums.js'
import { arrowFileToParquet } from './parquet.js'

export interface Conversion {
  readonly arrow: string
  readonly parquet: string
  /** The Arrow file is scratch (a by-year partition's) and is removed once converted. */
  readonly removeArrow: boolean
}

/** One conversion, in whichever thread runs it; the SHA-256 of the Parquet file. */
export async function convert(c: Conversion): Promise<string> {
  const sha256 = await arrowFileToParquet(c.arrow, c.parquet)
  if (c.removeArrow) rmSync(c.arrow)
  return sha256
}

export class ParquetJobs {
  private readonly waiting: Conversion[] = []
  private readonly running: Promise<unknown>[] = []
  private pool: Piscina | null = null
  private queued = 0
  private converted = 0
  /** Whether `done` was called: every conversion is queued, and the count of files is final. */
  private finishing = false
  /**
   * Told how many of the queued files are converted, once every file is queued (`done`): the
   * conversions left when the rest of the build has finished, the last phase of a long build.
   */
  onConverted: ((done: number, total: number) => void) | null = null

  constructor(
    private readonly threads = 1,
    private readonly hashes?: FileHashes,
  ) {}

  /** The Parquet files queued so far. */
  get files(): number {
    return this.queued
  }

  /** Queues the conversion of a closed Arrow file; with several threads it starts now. */
  add(c: Conversion): void {
    this.queued++
    if (this.threads <= 1) {
      this.waiting.push(c)
      return
    }
    this.pool ??= new Piscina({
      filename: workerFile(import.meta.url, 'parquet-worker.js'),
      minThreads: this.threads,
      maxThreads: this.threads,
    })
    const p = (this.pool.run(c) as Promise<string>).then((sha256) => {
      this.hashes?.record(c.parquet, sha256)
      this.convertedOne()
    })
    // a failure is raised by `done`, not as an unhandled rejection while other work goes on
    p.catch(() => undefined)
    this.running.push(p)
  }

  /** Every queued conversion finished (the first failure, if any, is thrown); the threads are let go. */
  async done(): Promise<void> {
    this.finishing = true
    // a build without Parquet has no such phase
    if (this.queued > 0) this.onConverted?.(this.converted, this.queued)
    try {
      for (const c of this.waiting.splice(0)) {
        const sha256 = await convert(c)
        this.hashes?.record(c.parquet, sha256)
        this.convertedOne()
      }
      await Promise.all(this.running.splice(0))
    } finally {
      await this.close()
    }
  }

  private convertedOne(): void {
    this.converted++
    if (this.finishing) this.onConverted?.(this.converted, this.queued)
  }

  /** Lets the threads go, whatever is still running (after a failure elsewhere). */
  async close(): Promise<void> {
    const pool = this.pool
    this.pool = null
    await pool?.destroy()
  }
}
