/**
 * A file written through a buffer (text, or the bytes of an Arrow file): lines are encoded (UTF-8) into one buffer as they come and reach
 * the file in writes of `SINK_BYTES`, not one write per document and table (tens of thousands of system
 * calls for a few thousand articles). Encoding each line as it comes, rather than gathering lines into
 * one long string first, also spares building (and collecting) a string of every batch. Given a
 * `FileHashes`, the sink hashes the bytes as they go to the file and records the file's SHA-256 when it
 * closes: the checksums of a build never read its files back.
 * A scratch file the build reads back itself (the event spool) may be written `compressed`: each write
 * becomes a frame of the raw DEFLATE of its bytes after their length (`util/frames.ts`), which
 * `JsonlCursor` reads with the same option. JSON rows shrink about five times, for about 7 ms of CPU a
 * megabyte, and a million articles' spool takes 2 GB of disk instead of 12.
 */
import { createHash, type Hash } from 'node:crypto'
import { closeSync, openSync, writeSync } from 'node:fs'
import { frame } from '../util/frames.js'
import type { FileHashes } from './checksums.js'

/** Bytes gathered before a write. */
export const SINK_BYTES = 1 << 18

export class TextSink {
  private readonly fd: number
  private readonly buffer = Buffer.allocUnsafe(SINK_BYTES)
  private used = 0
  private readonly hash: Hash | null

  constructor(
    readonly path: string,
    private readonly hashes?: FileHashes,
    private readonly options: { readonly compressed?: boolean } = {},
  ) {
    this.fd = openSync(path, 'w')
    this.hash = hashes ? createHash('sha256') : null
  }

  /** Appends `text` (a string of any length). */
  write(text: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit
    if (this.used + text.length * 3 > SINK_BYTES) {
      this.flush()
      if (text.length * 3 > SINK_BYTES) {
        this.writeAll(Buffer.from(text, 'utf8'))
        return
      }
    }
    this.used += this.buffer.write(text, this.used)
  }

  /** Appends raw bytes (an Arrow file's, `arrow-file-sink.ts`). */
  writeBytes(bytes: Uint8Array): void {
    if (this.used + bytes.length > SINK_BYTES) {
      this.flush()
      if (bytes.length > SINK_BYTES) {
        this.writeAll(bytes)
        return
      }
    }
    this.buffer.set(bytes, this.used)
    this.used += bytes.length
  }

  /** Appends `text` and a line feed. */
  writeLine(text: string): void {
    this.write(text)
    if (this.used === SINK_BYTES) this.flush()
    this.buffer[this.used++] = 0x0a
  }

  /** Writes what is pending. */
  flush(): void {
    this.writeAll(this.buffer.subarray(0, this.used))
    this.used = 0
  }

  private writeAll(raw: Uint8Array): void {
    if (raw.length === 0) return
    const bytes = this.options.compressed ? frame(raw) : raw
    this.hash?.update(bytes)
    let done = 0
    while (done < bytes.length) done += writeSync(this.fd, bytes, done, bytes.length - done)
  }

  close(): void {
    this.flush()
    closeSync(this.fd)
    if (this.hash) this.hashes!.record(this.path, this.hash.digest('hex'))
  }
}
