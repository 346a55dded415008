/** The files of a corpus folder, every level down, in name order (the order a build reads them in). */
import { readdirSync } from 'node:fs'
import { join } from 'node:path'

export function corpusFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = join(dir, e.name)
    if (e.isDirectory()) corpusFiles(p, out)
    else if (e.isFile()) out.push(p)
  }
  return out
}
