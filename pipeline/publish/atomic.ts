/**
 * Atomic publication of an output folder. Everything is written into a staging folder beside the
 * target; only when it is complete is it swapped in with two renames, journalled by the name of the
 * folder set aside (`<out>.old-<pid>`), so that an interruption at any moment leaves either the previous
 * output or the new one, and `recover()` at the next start puts a set-aside previous output back.
 */
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { fileSha256, listFiles } from './checksums.js'

const siblings = (out: string, marker: string) => {
  const dir = dirname(out)
  const prefix = `${basename(out)}.${marker}-`
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((n) => n.startsWith(prefix))
    .map((n) => join(dir, n))
}

/** Whether the process that owns a `<out>.tmp-<pid>`/`.old-<pid>` folder may still be using it. */
function ownerAlive(folder: string): boolean {
  const pid = Number(/-(\d+)$/.exec(folder)?.[1])
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    // EPERM: the process exists but belongs to someone else
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Put back a previous output set aside by an interrupted swap, and drop stale staging folders. Every
 * interruption point of `commit` leaves one of: `out` alone; `out` + `old` (killed while deleting the old
 * output: `out` is the new one, complete); `old` alone (killed between the two renames: `old` is the
 * previous output, complete); plus any number of `tmp` folders (killed while building). Folders of a
 * build still running (another process writing the same output) are left to it.
 */
export function recover(out: string): void {
  const old = siblings(out, 'old').filter((o) => !ownerAlive(o))
  if (!existsSync(out) && old.length > 0) renameSync(old.sort().at(-1)!, out)
  for (const o of siblings(out, 'old')) if (!ownerAlive(o)) rmSync(o, { recursive: true, force: true })
  for (const t of siblings(out, 'tmp')) if (!ownerAlive(t)) rmSync(t, { recursive: true, force: true })
}

export const stagingPath = (out: string): string => `${out}.tmp-${process.pid}`

function sameContent(a: string, b: string): boolean {
  // both outputs carry SHA256SUMS over every other file: equal listings and sums mean equal bytes
  const sa = join(a, 'SHA256SUMS')
  const sb = join(b, 'SHA256SUMS')
  if (existsSync(sa) && existsSync(sb)) {
    const files = (d: string) => listFiles(d).join('\n')
    return readFileSync(sa).equals(readFileSync(sb)) && files(a) === files(b)
  }
  const fa = listFiles(a)
  const fb = listFiles(b)
  if (fa.length !== fb.length || fa.some((f, i) => f !== fb[i])) return false
  return fa.every((f) => fileSha256(join(a, f)) === fileSha256(join(b, f)))
}

export type CommitResult = 'created' | 'replaced' | 'unchanged'

/** Swap the staging folder in. When the new output is byte-identical to the old one, nothing is touched. */
export function commit(staging: string, out: string): CommitResult {
  if (existsSync(out) && sameContent(staging, out)) {
    rmSync(staging, { recursive: true, force: true })
    return 'unchanged'
  }
  if (!existsSync(out)) {
    renameSync(staging, out)
    return 'created'
  }
  const old = `${out}.old-${process.pid}`
  renameSync(out, old)
  renameSync(staging, out)
  rmSync(old, { recursive: true, force: true })
  return 'replaced'
}
