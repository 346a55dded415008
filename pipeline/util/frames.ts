/**
 * Compressed frames for scratch files: each frame is the length of a block (4 bytes, little-endian)
 * then the block, the raw DEFLATE (level 1, the fastest) of a piece of the file's bytes. A frame is
 * made and read whole, so a writer needs no stream and a reader no more than one block in memory.
 */

import { closeSync, openSync, readSync } from 'node:fs'
import { deflateRawSync, inflateRawSync } from 'node:zlib'

const HEADER = 4

/** One frame holding `bytes`. */
export function frame(bytes: Uint8Array): Buffer {
  const block = deflateRawSync(bytes, { level: 1 })
  const out = Buffer.allocUnsafe(HEADER + block.length)
  out.writeUInt32LE(block.length, 0)
  block.copy(out, HEADER)
  return out
}

/** Reads the frames of a file in order: `next()` gives the bytes of the next one, or null at the end. */
export class FrameReader {
  private readonly fd: number
  private offset = 0
  private readonly header = Buffer.alloc(HEADER)

  constructor(private readonly path: string) {
    this.fd = openSync(path, 'r')
  }

  private readExactly(target: Buffer, what: string): number {
    let got = 0
    while (got < target.length) {
      const n = readSync(this.fd, target, got, target.length - got, this.offset + got)
      if (n === 0) break
      got += n
    }
    if (got > 0 && got < target.length)
      throw new Error(
        `${this.path}: truncated ${what} at byte ${this.offset} (${got} of ${target.length} bytes)`,
      )
    return got
  }

  next(): Buffer | null {
    if (this.readExactly(this.header, 'frame header') === 0) return null
    const length = this.header.readUInt32LE(0)
    this.offset += HEADER
    const block = Buffer.allocUnsafe(length)
    if (length > 0 && this.readExactly(block, 'frame') === 0)
      throw new Error(`${this.path}: truncated frame at byte ${this.offset} (0 of ${length} bytes)`)
    const at = this.offset
    this.offset += length
    try {
      return inflateRawSync(block)
    } catch (e) {
      throw new Error(
        `${this.path}: corrupt frame at byte ${at}: ${e instanceof Error ? e.message : String(e)}`,
      )
    }
  }

  close(): void {
    closeSync(this.fd)
  }
}
