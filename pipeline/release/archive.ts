/**
 * Reproducible archives of a folder: `.zip` and `.tar.gz` whose bytes depend only on the files' paths
 * and contents. Entries are sorted, every entry has the same timestamp (`SOURCE_DATE_EPOCH`, else
 * 1980-01-01T00:00:00Z, the earliest time a zip can hold), mode 0644, owner 0:0 with no user names,
 * and no extra fields. Files are streamed through the compressors in fixed 1 MiB chunks, so a large
 * dataset is never held in memory, and the chunking (which shapes deflate's output) never varies.
 *
 * tar: POSIX ustar headers written here (the format is a 512-byte header per file, then the data padded
 * to 512 bytes, then two zero blocks); gzip and zip deflate come from fflate, which is pure JavaScript
 * and so gives the same bytes on every platform (zlib's gzip header records the OS it ran on).
 */
import { closeSync, openSync, readSync, statSync, writeSync } from 'node:fs'
import { Gzip, Zip, ZipDeflate } from 'fflate'

export interface Entry {
  /** Path inside the archive, `/`-separated. */
  readonly name: string
  /** File on disk holding the content. */
  readonly source: string
}

const CHUNK = 1 << 20
const LEVEL = 9
const DOS_EPOCH = 315_532_800 // 1980-01-01T00:00:00Z

/** Seconds since the epoch stamped on every entry. */
export function archiveTime(env: NodeJS.ProcessEnv = process.env): number {
  const s = env.SOURCE_DATE_EPOCH
  if (s === undefined || s === '') return DOS_EPOCH
  if (!/^[0-9]+$/.test(s)) throw new Error(`SOURCE_DATE_EPOCH must be whole seconds, not "${s}"`)
  // zip cannot say anything before 1980
  return Math.max(DOS_EPOCH, Number(s))
}

const sorted = (entries: readonly Entry[]) =>
  [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))

function eachChunk(path: string, fn: (chunk: Uint8Array, last: boolean) => void): void {
  const fd = openSync(path, 'r')
  try {
    const size = statSync(path).size
    if (size === 0) {
      fn(new Uint8Array(0), true)
      return
    }
    let done = 0
    while (done < size) {
      const buf = Buffer.alloc(Math.min(CHUNK, size - done))
      const n = readSync(fd, buf, 0, buf.length, done)
      if (n <= 0) throw new Error(`${path} shrank while being archived`)
      done += n
      fn(n === buf.length ? buf : buf.subarray(0, n), done >= size)
    }
  } finally {
    closeSync(fd)
  }
}

class FileSink {
  private readonly fd: number
  constructor(path: string) {
    this.fd = openSync(path, 'w')
  }
  write = (data: Uint8Array): void => {
    if (data.length > 0) writeSync(this.fd, data)
  }
  close(): void {
    closeSync(this.fd)
  }
}

// ---- zip ------------------------------------------------------------------------------------------

export function writeZip(entries: readonly Entry[], out: string, epoch = archiveTime()): void {
  const sink = new FileSink(out)
  let error: Error | null = null
  const zip = new Zip((err, data) => {
    if (err) error = err
    else sink.write(data)
  })
  // fflate turns the Date into DOS date fields with local-time getters: build the Date from the UTC
  // components, so the stored fields read the same whatever the machine's time zone
  const u = new Date(epoch * 1000)
  const mtime = new Date(
    u.getUTCFullYear(),
    u.getUTCMonth(),
    u.getUTCDate(),
    u.getUTCHours(),
    u.getUTCMinutes(),
    u.getUTCSeconds(),
  )
  try {
    for (const e of sorted(entries)) {
      const f = new ZipDeflate(e.name, { level: LEVEL })
      f.mtime = mtime
      f.os = 3 // Unix, so that `attrs` carries permissions
      f.attrs = 0o100644 << 16
      zip.add(f)
      eachChunk(e.source, (chunk, last) => f.push(chunk, last))
    }
    zip.end()
  } finally {
    sink.close()
  }
  if (error) throw error
}

// ---- tar.gz ---------------------------------------------------------------------------------------

const BLOCK = 512

function octal(n: number, width: number): string {
  return `${n.toString(8).padStart(width - 1, '0')}\0`
}

/** Split a path into ustar's name (≤ 100 bytes) and prefix (≤ 155 bytes) at a `/`. */
export function ustarName(path: string): { name: string; prefix: string } {
  const bytes = Buffer.byteLength(path)
  if (bytes <= 100) return { name: path, prefix: '' }
  for (let i = path.indexOf('/'); i !== -1; i = path.indexOf('/', i + 1)) {
    const prefix = path.slice(0, i)
    const name = path.slice(i + 1)
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(name) <= 100) return { name, prefix }
  }
  throw new Error(`path too long for a ustar archive: ${path}`)
}

export function tarHeader(path: string, size: number, epoch: number): Uint8Array {
  const h = Buffer.alloc(BLOCK, 0)
  const { name, prefix } = ustarName(path)
  h.write(name, 0, 100, 'utf8')
  h.write(octal(0o644, 8), 100, 8, 'ascii')
  h.write(octal(0, 8), 108, 8, 'ascii') // uid
  h.write(octal(0, 8), 116, 8, 'ascii') // gid
  h.write(octal(size, 12), 124, 12, 'ascii')
  h.write(octal(epoch, 12), 136, 12, 'ascii')
  h.write('        ', 148, 8, 'ascii') // checksum field counts as spaces while summing
  h.write('0', 156, 1, 'ascii') // regular file
  h.write('ustar\0', 257, 6, 'ascii')
  h.write('00', 263, 2, 'ascii')
  h.write(prefix, 345, 155, 'utf8')
  let sum = 0
  for (const b of h) sum += b
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8, 'ascii')
  return h
}

export function writeTarGz(entries: readonly Entry[], out: string, epoch = archiveTime()): void {
  const sink = new FileSink(out)
  // gzip's own header: the same fixed time, no file name
  const gz = new Gzip({ level: LEVEL, mtime: epoch * 1000 }, (data) => sink.write(data))
  try {
    for (const e of sorted(entries)) {
      const size = statSync(e.source).size
      if (size > 0o77777777777) throw new Error(`${e.name} is too large for a ustar entry`)
      gz.push(tarHeader(e.name, size, epoch))
      eachChunk(e.source, (chunk) => {
        if (chunk.length > 0) gz.push(chunk)
      })
      const pad = (BLOCK - (size % BLOCK)) % BLOCK
      if (pad > 0) gz.push(new Uint8Array(pad))
    }
    gz.push(new Uint8Array(BLOCK * 2), true)
  } finally {
    sink.close()
  }
}
