/** SHA-256 of files, and the `SHA256SUMS` listing (`sha256sum -c` format, paths sorted). */
import { createHash } from 'node:crypto'
import { closeSync, openSync, readdirSync, readSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { FILES } from './layout.js'

/** SHA-256 of a file, read in 1 MiB chunks: table files of a large corpus are gigabytes. */
export function fileSha256(path: string): string {
  const h = createHash('sha256')
  const fd = openSync(path, 'r')
  const buf = Buffer.alloc(1 << 20)
  try {
    for (let n = readSync(fd, buf, 0, buf.length, null); n > 0; n = readSync(fd, buf, 0, buf.length, null))
      h.update(buf.subarray(0, n))
  } finally {
    closeSync(fd)
  }
  return h.digest('hex')
}

/** Every file below `dir`, as `/`-separated paths relative to it, in code-unit order. */
export function listFiles(dir: string): string[] {
  const out: string[] = []
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name)
      if (e.isDirectory()) walk(p)
      else if (e.isFile()) out.push(relative(dir, p).split(sep).join('/'))
    }
  }
  walk(dir)
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
}

/**
 * SHA-256 of the files of a build, for its manifest (`datapackage.json`) and its `SHA256SUMS` alike.
 * The writers of the table files (gigabytes for a large corpus) hash their bytes as they write them and
 * `record` the result, so nothing is read back; any other file is read once, the first time it is asked
 * for. For files that no longer change.
 */
export class FileHashes {
  private readonly known = new Map<string, string>()

  /** The hash of a finished file, computed by its writer from the bytes it wrote. */
  record(path: string, sha256: string): void {
    this.known.set(path, sha256)
  }

  of(path: string): string {
    let h = this.known.get(path)
    if (h === undefined) {
      h = fileSha256(path)
      this.known.set(path, h)
    }
    return h
  }
}

export function sha256sums(
  dir: string,
  exclude: readonly string[] = [FILES.sums],
  hashes: FileHashes = new FileHashes(),
): string {
  return listFiles(dir)
    .filter((f) => !exclude.includes(f))
    .map((f) => `${hashes.of(join(dir, f))}  ${f}\n`)
    .join('')
}
