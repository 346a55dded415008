/**
 * An Arrow IPC file written batch by batch, synchronously: apache-arrow's file writer puts its bytes
 * into a queue (`AsyncByteQueue`) that is read as a stream; here that queue is replaced by one that
 * hands every chunk at once to a `TextSink` (a buffer written to the file in 256 KB writes, hashed on
 * its way). Nothing waits in memory for the event loop to drain it, whatever the pace of the build:
 * through a stream, a busy thread (one job, where the main thread also extracts) let the queued bytes
 * of the tables grow with the corpus, some 4.5 KB an article (191 MB of buffers after 30,000 bench
 * articles).
 * A write that fails (a full disk, a quota) throws an error naming the file and its code, from `write`
 * or `close`, and again from any later call.
 */
import { AsyncByteQueue, type RecordBatch, RecordBatchFileWriter } from 'apache-arrow'
import type { FileHashes } from './checksums.js'
import { TextSink } from './text-sink.js'

/** The writer's queue made a file: each chunk is appended to the sink as the writer produces it. */
class FileQueue extends AsyncByteQueue {
  constructor(private readonly file: TextSink) {
    super()
  }

  override write(value: Uint8Array | ArrayBufferView | ArrayBuffer | string | Iterable<number>): void {
    // apache-arrow's writer gives only bytes (`RecordBatchWriter._write` converts every chunk first)
    if (!(value instanceof Uint8Array)) throw new TypeError('an Arrow file takes bytes only')
    if (value.byteLength > 0) this.file.writeBytes(value)
  }
}

export class ArrowFileSink {
  private readonly writer = new RecordBatchFileWriter()
  private readonly file: TextSink
  private failure: Error | null = null

  constructor(
    readonly path: string,
    hashes?: FileHashes,
  ) {
    this.file = new TextSink(path, hashes)
    this.writer.reset(new FileQueue(this.file))
  }

  /** The error to throw for `e`: the file's path and the system's code. */
  private fail(e: unknown): Error {
    this.failure ??= Object.assign(new Error(`writing ${this.path}: ${(e as Error).message}`), {
      code: (e as NodeJS.ErrnoException).code,
    })
    return this.failure
  }

  write(batch: RecordBatch): void {
    if (this.failure) throw this.failure
    try {
      this.writer.write(batch)
    } catch (e) {
      throw this.fail(e)
    }
  }

  /** Ends the file (its footer), writes what is pending and closes it; throws the write error, if any. */
  async close(): Promise<void> {
    if (this.failure) throw this.failure
    try {
      this.writer.finish()
      this.writer.close()
      this.file.close()
    } catch (e) {
      throw this.fail(e)
    }
  }
}
