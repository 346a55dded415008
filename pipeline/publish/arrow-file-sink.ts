/**
 * An Arrow IPC file written batch by batch through a stream. A write that fails (a full disk, a quota)
 * is an error event on the stream, which Node raises as an uncaught exception when nobody listens: the
 * run would die with a stack trace. It is kept here and thrown by the next `write` or by `close`, so it
 * reaches the build like any other error (the staging folder removed, one line saying what happened).
 * Given a `FileHashes`, the bytes are hashed on their way to the file and its SHA-256 recorded once it
 * is on disk.
 */
import { createHash, type Hash } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { Transform } from 'node:stream'
import { finished } from 'node:stream/promises'
import { type RecordBatch, RecordBatchFileWriter } from 'apache-arrow'
import type { FileHashes } from './checksums.js'

export class ArrowFileSink {
  private readonly writer = new RecordBatchFileWriter()
  private readonly out: ReturnType<typeof createWriteStream>
  private failure: Error | null = null
  private readonly hash: Hash | null

  constructor(
    readonly path: string,
    private readonly hashes?: FileHashes,
  ) {
    this.out = createWriteStream(path)
    const keep = (e: Error) => {
      this.failure ??= Object.assign(new Error(`writing ${path}: ${e.message}`), {
        code: (e as NodeJS.ErrnoException).code,
      })
    }
    this.out.on('error', keep)
    const source = this.writer.toNodeStream()
    source.on('error', keep)
    const hash = hashes ? createHash('sha256') : null
    this.hash = hash
    if (hash) {
      const tap = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          hash.update(chunk)
          done(null, chunk)
        },
      })
      tap.on('error', keep)
      source.pipe(tap).pipe(this.out)
    } else source.pipe(this.out)
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
    if (this.hash) this.hashes!.record(this.path, this.hash.digest('hex'))
  }
}
