/**
 * Reads a JSON Lines file one row at a time, with a look at the next row, in bounded memory; `compressed`
 * for a file of compressed frames (`frames.ts`, written by a `TextSink` with the same option).
 */
import { closeSync, openSync, readSync } from 'node:fs'
import { FrameReader } from './frames.js'

const CHUNK = 1 << 20

export class JsonlCursor<T = Record<string, unknown>> {
  private readonly fd: number | null
  private readonly frames: FrameReader | null
  private readonly decoder = new TextDecoder('utf-8')
  private readonly buffer = Buffer.alloc(CHUNK)
  private lines: string[] = []
  /** Text read since the last line feed, in pieces: a row of many megabytes (a long document's text)
   * is joined once when it ends, not re-joined and re-split at every chunk. */
  private rest: string[] = []
  private eof = false
  private head: T | null | undefined

  constructor(path: string, options: { readonly compressed?: boolean } = {}) {
    this.frames = options.compressed ? new FrameReader(path) : null
    this.fd = this.frames ? null : openSync(path, 'r')
  }

  /** The next bytes of the file (empty at its end). */
  private read(): Uint8Array {
    if (this.frames) return this.frames.next() ?? this.buffer.subarray(0, 0)
    return this.buffer.subarray(0, readSync(this.fd!, this.buffer, 0, CHUNK, null))
  }

  private fill(): void {
    while (this.lines.length === 0 && !this.eof) {
      const bytes = this.read()
      if (bytes.length === 0) {
        this.eof = true
        const last = this.rest.join('')
        if (last.trim()) this.lines.push(last)
        this.rest = []
        break
      }
      const chunk = this.decoder.decode(bytes, { stream: true })
      if (!chunk.includes('\n')) {
        this.rest.push(chunk)
        continue
      }
      const parts = chunk.split('\n')
      parts[0] = this.rest.join('') + parts[0]
      this.rest = [parts.pop() ?? '']
      this.lines = parts.filter((l) => l.length > 0).reverse()
    }
  }

  /** The next row without consuming it; null at the end. */
  peek(): T | null {
    if (this.head === undefined) {
      this.fill()
      const line = this.lines.pop()
      this.head = line === undefined ? null : (JSON.parse(line) as T)
    }
    return this.head
  }

  next(): T | null {
    const r = this.peek()
    this.head = undefined
    return r
  }

  close(): void {
    if (this.frames) this.frames.close()
    else closeSync(this.fd!)
  }
}
