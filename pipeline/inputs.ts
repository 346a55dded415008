/**
 * Discovery of the inputs of a run: every regular file below the input folder, recursively, in
 * code-unit order of their `/`-separated relative paths. Hidden files and folders (`.git`, `.DS_Store`)
 * are skipped and counted. A symbolic link is read only when it resolves to a file inside the input
 * folder; one that points out of it becomes a reject; linked folders are not descended (their files
 * are reached through their real path, and loops are impossible).
 */
import {
  closeSync,
  constants,
  existsSync,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  statSync,
} from 'node:fs'
import { join, relative, sep } from 'node:path'
import { CACHE_TAG_FILE } from './cache.js'
import { SET_ASIDE_MARKER, STAGING_MARKER } from './publish/atomic.js'
import { isOutputManifest, OUTPUT_MARKER } from './publish/output-guard.js'

export type InputProblem = 'symlink-outside-input' | 'symlink-broken'

export interface Input {
  readonly path: string
  readonly abs: string
  readonly problem?: InputProblem
  /** Real path of the input folder: what is opened must lie inside it (checked on the open file). */
  readonly within?: string
}

/** The reject message of an input that is not read at all. */
export const PROBLEM_MESSAGES: Readonly<Record<InputProblem, string>> = {
  'symlink-outside-input': 'symbolic link to a place outside the input folder: not followed',
  'symlink-broken': 'symbolic link whose target does not exist (or a loop of links): nothing to read',
}

export interface Discovery {
  readonly inputs: readonly Input[]
  readonly skipped: readonly {
    path: string
    why: 'hidden' | 'linked-folder' | 'special-file' | 'cache-folder' | 'output-folder'
  }[]
}

/**
 * A folder this pipeline wrote, found inside an input folder: a result cache (tagged `CACHEDIR.TAG`), an
 * output (its manifest names the pipeline) or a build's staging folder. Never read as articles: a second
 * run would otherwise take the first run's tables and cache entries for new documents.
 */
function ownFolder(dir: string): 'cache-folder' | 'output-folder' | null {
  if (existsSync(join(dir, CACHE_TAG_FILE))) return 'cache-folder'
  if (existsSync(join(dir, STAGING_MARKER)) || existsSync(join(dir, SET_ASIDE_MARKER))) return 'output-folder'
  return isOutputManifest(join(dir, OUTPUT_MARKER.manifest)) ? 'output-folder' : null
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

export function discover(root: string): Discovery {
  const realRoot = realpathSync(root)
  const inputs: Input[] = []
  const skipped: Discovery['skipped'][number][] = []
  const rel = (abs: string) => relative(root, abs).split(sep).join('/')
  const inside = (p: string) => p === realRoot || p.startsWith(realRoot + sep)
  const walk = (dir: string) => {
    let entries: string[]
    try {
      entries = readdirSync(dir)
    } catch {
      inputs.push({ path: rel(dir) || '.', abs: dir })
      return
    }
    for (const name of entries.sort(cmp)) {
      const abs = join(dir, name)
      if (name.startsWith('.')) {
        skipped.push({ path: rel(abs), why: 'hidden' })
        continue
      }
      let st: ReturnType<typeof lstatSync>
      try {
        st = lstatSync(abs)
      } catch {
        inputs.push({ path: rel(abs), abs })
        continue
      }
      if (st.isSymbolicLink()) {
        let target: string
        let kind: 'dir' | 'file' | 'special'
        try {
          target = realpathSync(abs)
          const t = statSync(target)
          kind = t.isDirectory() ? 'dir' : t.isFile() ? 'file' : 'special'
        } catch {
          // dangling, or a loop (ELOOP): it names nothing, inside the folder or out
          inputs.push({ path: rel(abs), abs, problem: 'symlink-broken' })
          continue
        }
        if (!inside(target)) inputs.push({ path: rel(abs), abs, problem: 'symlink-outside-input' })
        else if (kind === 'dir') skipped.push({ path: rel(abs), why: 'linked-folder' })
        // a link to a FIFO would block the read forever: skipped like the FIFO itself
        else if (kind === 'special') skipped.push({ path: rel(abs), why: 'special-file' })
        else inputs.push({ path: rel(abs), abs: target, within: realRoot })
      } else if (st.isDirectory()) {
        const own = ownFolder(abs)
        if (own) skipped.push({ path: rel(abs), why: own })
        else walk(abs)
      } else if (st.isFile()) inputs.push({ path: rel(abs), abs, within: realRoot })
      else skipped.push({ path: rel(abs), why: 'special-file' })
    }
  }
  walk(root)
  inputs.sort((a, b) => cmp(a.path, b.path))
  return { inputs, skipped }
}

/**
 * Inputs larger than this are not read: a news article is tens of kilobytes, a saved web page with its
 * inline scripts a few megabytes. A file of hundreds of megabytes is an archive, a dump or a video, and
 * reading it whole would cost a worker its memory.
 */
export const MAX_INPUT_BYTES = 32 * 1024 * 1024

export type ReadResult =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; error: string; tooLarge?: { bytes: number }; problem?: InputProblem }

/** Where the open file really is (Linux: its /proc entry), or null where the system cannot tell. */
function openedPath(fd: number): string | null {
  try {
    return realpathSync(`/proc/self/fd/${fd}`)
  } catch {
    return null
  }
}

/**
 * The bytes of an input. Opened without blocking and checked to be a regular file before reading: a
 * file swapped for a FIFO after discovery would otherwise hang the run (a FIFO with no writer never
 * ends), and a folder or device is an error to report, not something to read.
 */
export function readInput(input: Input): ReadResult {
  let fd: number | undefined
  try {
    // never through a link: a file swapped for a symbolic link after discovery is not followed
    fd = openSync(input.abs, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW)
    const real = input.within ? openedPath(fd) : null
    if (input.within && real && real !== input.within && !real.startsWith(input.within + sep))
      return {
        ok: false,
        error: 'the file opened lies outside the input folder (a folder on its path was replaced by a link)',
        problem: 'symlink-outside-input',
      }
    const st = fstatSync(fd)
    if (!st.isFile())
      return {
        ok: false,
        error: `ENOTFILE: ${st.isDirectory() ? 'a folder' : 'a FIFO, socket or device'}, not a regular file`,
      }
    if (st.size > MAX_INPUT_BYTES) return { ok: false, error: 'too large', tooLarge: { bytes: st.size } }
    return { ok: true, bytes: readFileSync(fd) }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'EIO'
    if (code === 'ELOOP')
      return {
        ok: false,
        error: 'the file was replaced by a symbolic link after the input folder was listed: not followed',
        problem: 'symlink-outside-input',
      }
    return { ok: false, error: `${code}: ${(e as Error).message.replaceAll(input.abs, input.path)}` }
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}
