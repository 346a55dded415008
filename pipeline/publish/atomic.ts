/**
 * Atomic publication of an output folder. Everything is written into a staging folder beside the
 * target; only when it is complete is it swapped in with two renames, journalled by the name of the
 * folder set aside (`<out>.old-<pid>`), so that an interruption at any moment leaves either the previous
 * output or the new one, and `recover()` at the next start puts a set-aside previous output back.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { fileSha256, listFiles } from './checksums.js'
import { FILES, inside } from './layout.js'

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

/** A file inside a staging folder while it is being built: only folders carrying it are ours to clean. */
export const STAGING_MARKER = '.depeches-staging'
/** Written into the previous output just before it is set aside: only such `.old-N` folders are ours. */
export const SET_ASIDE_MARKER = '.depeches-set-aside'

const marked = (folder: string, marker: string) => existsSync(join(folder, marker))

/**
 * Put back a previous output set aside by an interrupted swap, and drop stale staging folders. Every
 * interruption point of `commit` leaves one of: `out` alone; `out` + `old` (killed while deleting the old
 * output: `out` is the new one, complete); `old` alone (killed between the two renames: `old` is the
 * previous output, complete); plus any number of `tmp` folders (killed while building). Only folders this
 * pipeline marked as its own are touched: a user's `<out>.old-7` or `<out>.tmp-12` is left alone. Folders of a
 * build still running (another process writing the same output) are left to it.
 */
export function recover(out: string): void {
  const old = siblings(out, 'old').filter((o) => marked(o, SET_ASIDE_MARKER) && !ownerAlive(o))
  if (!existsSync(out) && old.length > 0) {
    const back = old.sort().at(-1)!
    renameSync(back, out)
    rmSync(join(out, SET_ASIDE_MARKER), { force: true })
  } else if (existsSync(join(out, SET_ASIDE_MARKER))) {
    // killed after marking the output, before setting it aside: it is still the current output
    rmSync(join(out, SET_ASIDE_MARKER), { force: true })
  }
  // killed after renaming the staging folder to the output, before unmarking it: the output is complete
  rmSync(join(out, STAGING_MARKER), { force: true })
  for (const o of old) if (existsSync(o)) rmSync(o, { recursive: true, force: true })
  for (const t of siblings(out, 'tmp')) {
    if (ownerAlive(t)) continue
    // an empty folder holds nothing of anyone's (a build killed between creating and marking it)
    if (marked(t, STAGING_MARKER) || readdirSync(t).length === 0) rmSync(t, { recursive: true, force: true })
  }
}

export const stagingPath = (out: string): string => `${out}.tmp-${process.pid}`

/** Create the staging folder, marked as this pipeline's own. */
export function createStaging(out: string): string {
  const dir = stagingPath(out)
  if (existsSync(dir) && !marked(dir, STAGING_MARKER))
    throw new Error(`${dir} exists and was not made by a build; move it away`)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir)
  writeFileSync(join(dir, STAGING_MARKER), `${process.pid}\n`)
  return dir
}

/** The files of an output, without the markers a build puts in while it stages or swaps it. */
export const outputFiles = (dir: string): string[] =>
  listFiles(dir).filter((f) => f !== STAGING_MARKER && f !== SET_ASIDE_MARKER)

function sameContent(a: string, b: string): boolean {
  // both outputs carry SHA256SUMS over every other file: equal listings and sums mean equal bytes
  const sa = inside(a, FILES.sums)
  const sb = inside(b, FILES.sums)
  if (existsSync(sa) && existsSync(sb)) {
    const files = (d: string) => outputFiles(d).join('\n')
    return readFileSync(sa).equals(readFileSync(sb)) && files(a) === files(b)
  }
  const fa = outputFiles(a)
  const fb = outputFiles(b)
  if (fa.length !== fb.length || fa.some((f, i) => f !== fb[i])) return false
  return fa.every((f) => fileSha256(join(a, f)) === fileSha256(join(b, f)))
}

export type CommitResult = 'created' | 'replaced' | 'unchanged'

/**
 * Delete a staging folder so that, killed at any moment, it is left marked or empty (both of which
 * `recover()` removes): everything but the marker first, the marker last.
 */
export function discardStaging(staging: string): void {
  if (!existsSync(staging)) return
  for (const name of readdirSync(staging))
    if (name !== STAGING_MARKER) rmSync(join(staging, name), { recursive: true, force: true })
  rmSync(staging, { recursive: true, force: true })
}

/**
 * Swap the staging folder in. When the new output is byte-identical to the old one, nothing is touched.
 * The staging folder keeps its marker until it is gone or has become the output, so that a kill at any
 * moment leaves nothing `recover()` would not clean: a marked or empty staging folder, or an output still
 * carrying the marker, which it drops.
 */
export function commit(staging: string, out: string): CommitResult {
  if (existsSync(out) && sameContent(staging, out)) {
    discardStaging(staging)
    return 'unchanged'
  }
  if (!existsSync(out)) {
    renameSync(staging, out)
    rmSync(join(out, STAGING_MARKER), { force: true })
    return 'created'
  }
  const old = `${out}.old-${process.pid}`
  writeFileSync(join(out, SET_ASIDE_MARKER), `${process.pid}\n`)
  renameSync(out, old)
  renameSync(staging, out)
  rmSync(join(out, STAGING_MARKER), { force: true })
  rmSync(old, { recursive: true, force: true })
  return 'replaced'
}
