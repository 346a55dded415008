/**
 * An Arrow IPC file written batch by batch through a stream. A write that fails (a full disk, a quota)
 * is an error event on the stream, which Node raises as an uncaught exception when nobody listens: the
 * run would die with a stack trace. It is kept here and thrown by the next `write` or by `close`, so it
 * reaches the build like any other error (the staging folder removed, one line saying what happened).
 */

import { createWriteStream } from 'node:fs'
import { finished } from 'node:stream/promises'
import { type RecordBatch, RecordBatchFileWriter } from 'apache-arrow'

export class ArrowFileSink {
  private readonly writer = new RecordBatchFileWriter()
  private readonly out: ReturnType<typeof createWriteStream>
  private failure: Error | null = null

  constructor(readonly path: string) {
    this.out = createWriteStream(path)
    const keep = (e: Error) => {
      this.failure ??= Object.assign(new Error(`writing ${path}: ${e.message}`), {
        code: (e as NodeJS.ErrnoException).code,
      })
    }
    this.out.on('error', keep)
    const source = this.writer.toNodeStream()
    source.on('error', keep)
    source.pipe(this.out)
  }

  write(batch: RecordBatch): void {
    if (this.failure) throw this.failure
    this.writer.write(batch)
  }

  /** Ends the file and waits until it is on disk; throws the write error, if any. */
  async close(): Promise<void> {
    if (this.failure) throw this.failure
    this.writer.finish()
    this.writer.close()
    try {
      await finished(this.out)
    } catch (e) {
      // the error event came first and is kept with its path
      throw this.failure ?? e
    }
    if (this.failure) throw this.failure
  }
}
