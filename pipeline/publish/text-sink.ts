/**
 * A text file written through a buffer: lines are encoded (UTF-8) into one buffer as they come and reach
 * the file in writes of `SINK_BYTES`, not one write per document and table (tens of thousands of system
 * calls for a few thousand articles). Encoding each line as it comes, rather than gathering lines into
 * one long string first, also spares building (and collecting) a string of every batch.
 */
import { closeSync, openSync, writeSync } from 'node:fs'

/** Bytes gathered before a write. */
export const SINK_BYTES = 1 << 18

export class TextSink {
  private readonly fd: number
  private readonly buffer = Buffer.allocUnsafe(SINK_BYTES)
  private used = 0

  constructor(path: string) {
    this.fd = openSync(path, 'w')
  }

  /** Appends `text` (a string of any length). */
  write(text: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit
    if (this.used + text.length * 3 > SINK_BYTES) {
      this.flush()
      if (text.length * 3 > SINK_BYTES) {
        writeSync(this.fd, text)
        return
      }
    }
    this.used += this.buffer.write(text, this.used)
  }

  /** Appends `text` and a line feed. */
  writeLine(text: string): void {
    this.write(text)
    if (this.used === SINK_BYTES) this.flush()
    this.buffer[this.used++] = 0x0a
  }

  /** Writes what is pending. */
  flush(): void {
    let done = 0
    while (done < this.used) done += writeSync(this.fd, this.buffer, done, this.used - done)
    this.used = 0
  }

  close(): void {
    this.flush()
    closeSync(this.fd)
  }
}
