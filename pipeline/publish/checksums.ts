/** SHA-256 of files, and the `SHA256SUMS` listing (`sha256sum -c` format, paths sorted). */
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'

export const fileSha256 = (path: string): string =>
  createHash('sha256').update(readFileSync(path)).digest('hex')

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

export function sha256sums(dir: string, exclude: readonly string[] = ['SHA256SUMS']): string {
  return listFiles(dir)
    .filter((f) => !exclude.includes(f))
    .map((f) => `${fileSha256(join(dir, f))}  ${f}\n`)
    .join('')
}
