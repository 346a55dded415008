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
  readlinkSync,
  realpathSync,
  statSync,
} from 'node:fs'
import { basename, dirname, join, sep } from 'node:path'
import { CACHE_TAG_FILE } from './cache.js'
import { CORRECTIONS_FILE } from './corrections/corrections.js'
import { DATASET_FILE } from './metadata/dataset.js'
import { SET_ASIDE_MARKER, STAGING_MARKER } from './publish/atomic.js'
import { isOutputManifest, OUTPUT_MARKER } from './publish/output-guard.js'
import { PROBLEM_MESSAGES } from './rejects.js'

export type InputProblem = 'symlink-outside-input' | 'symlink-broken' | 'path-too-long' | 'folder-unreadable'

export interface Input {
  /** The path relative to the input folder, `/`-separated, as the dataset shows it (`displayName`). */
  readonly path: string
  /** The absolute path's bytes as a byte string (`pathBytes` gives them back): names need not be UTF-8. */
  readonly abs: string
  readonly problem?: InputProblem
  /** Real path of the input folder: what is opened must lie inside it (checked on the open file). */
  readonly within?: string
  /**
   * Its size when the folder was listed: where to process it (a worker's heap or this thread's), never
   * what is read (the file is read whole, and may have changed since).
   */
  readonly bytes?: number
}

/** The reject message of an input that is not read at all. */

export interface Discovery {
  readonly inputs: readonly Input[]
  readonly skipped: readonly {
    path: string
    why: 'hidden' | 'linked-folder' | 'special-file' | 'cache-folder' | 'output-folder' | 'dataset-metadata'
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

/**
 * A file name as the dataset shows it: UTF-8 when its bytes are UTF-8 (nearly always), else each byte that
 * is not part of a valid sequence as `\xHH` — so two names that differ only in such bytes stay two
 * names (a lossy decoding would merge them, and neither could be opened again by that name).
 */
export function displayName(bytes: Uint8Array): string {
  try {
    return UTF8_STRICT.decode(bytes)
  } catch {
    let out = ''
    let i = 0
    while (i < bytes.length) {
      const n = utf8SequenceLength(bytes, i)
      if (n > 0) {
        out += UTF8_STRICT.decode(bytes.subarray(i, i + n))
        i += n
      } else {
        out += `\\x${bytes[i]!.toString(16).toUpperCase().padStart(2, '0')}`
        i++
      }
    }
    return out
  }
}

const UTF8_STRICT = new TextDecoder('utf-8', { fatal: true })

/** Length of the valid UTF-8 sequence starting at `i` (shortest form, no surrogates), or 0. */
function utf8SequenceLength(b: Uint8Array, i: number): number {
  const c = b[i]!
  if (c < 0x80) return 1
  const n = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0
  if (n === 0 || i + n > b.length) return 0
  for (let k = 1; k < n; k++) if ((b[i + k]! & 0xc0) !== 0x80) return 0
  const c1 = b[i + 1]!
  if (c === 0xe0 && c1 < 0xa0) return 0 // overlong
  if (c === 0xed && c1 >= 0xa0) return 0 // surrogate
  if (c === 0xf0 && c1 < 0x90) return 0 // overlong
  if (c === 0xf4 && c1 >= 0x90) return 0 // beyond U+10FFFF
  return n
}

/** A path's bytes carried as a string (one character per byte), so it crosses threads and JSON intact. */
const byteString = (b: Buffer): string => b.toString('latin1')
/** The bytes of a path held as a byte string: what the file system is asked for. */
export const pathBytes = (abs: string): Buffer => Buffer.from(abs, 'latin1')

/** The reason a folder or file could not be looked at, as an input problem. */
const listingProblem = (e: unknown): InputProblem =>
  (e as NodeJS.ErrnoException).code === 'ENAMETOOLONG' ? 'path-too-long' : 'folder-unreadable'

export function discover(root: string): Discovery {
  // one file given as the input: it is the corpus, named by its file name
  const top = lstatSync(root)
  if (top.isFile()) {
    const real = realpathSync(root)
    return {
      inputs: [
        { path: basename(root), abs: byteString(Buffer.from(real)), within: dirname(real), bytes: top.size },
      ],
      skipped: [],
    }
  }
  const realRoot = realpathSync(root)
  const inputs: Input[] = []
  const skipped: Discovery['skipped'][number][] = []
  const inside = (p: string) => p === realRoot || p.startsWith(realRoot + sep)
  const SLASH = Buffer.from('/')
  const walk = (dir: Buffer, relDir: string) => {
    let entries: Buffer[]
    try {
      entries = readdirSync(dir, { encoding: 'buffer' })
    } catch (e) {
      inputs.push({ path: relDir || '.', abs: byteString(dir), problem: listingProblem(e) })
      return
    }
    const named = entries.map((b) => ({ b, name: displayName(b) }))
    named.sort((x, y) => cmp(x.name, y.name) || Buffer.compare(x.b, y.b))
    for (const { b, name } of named) {
      const absBuf = Buffer.concat([dir, SLASH, b])
      const abs = byteString(absBuf)
      const rel = relDir ? `${relDir}/${name}` : name
      if (name.startsWith('.')) {
        skipped.push({ path: rel, why: 'hidden' })
        continue
      }
      // the dataset's own description beside the articles (metadata/dataset.ts): not an article
      if (relDir === '' && (name === DATASET_FILE || name === CORRECTIONS_FILE)) {
        skipped.push({ path: rel, why: 'dataset-metadata' })
        continue
      }
      let st: ReturnType<typeof lstatSync>
      try {
        st = lstatSync(absBuf)
      } catch (e) {
        inputs.push({
          path: rel,
          abs,
          ...((e as NodeJS.ErrnoException).code === 'ENAMETOOLONG'
            ? { problem: 'path-too-long' as const }
            : {}),
        })
        continue
      }
      if (st.isSymbolicLink()) {
        let target: Buffer
        let kind: 'dir' | 'file' | 'special'
        let size: number
        try {
          target = realpathSync(absBuf, { encoding: 'buffer' })
          const t = statSync(target)
          size = t.size
          kind = t.isDirectory() ? 'dir' : t.isFile() ? 'file' : 'special'
        } catch {
          // dangling, or a loop (ELOOP): it names nothing, inside the folder or out
          inputs.push({ path: rel, abs, problem: 'symlink-broken' })
          continue
        }
        if (!inside(target.toString())) inputs.push({ path: rel, abs, problem: 'symlink-outside-input' })
        else if (kind === 'dir') skipped.push({ path: rel, why: 'linked-folder' })
        // a link to a FIFO would block the read forever: skipped like the FIFO itself
        else if (kind === 'special') skipped.push({ path: rel, why: 'special-file' })
        else inputs.push({ path: rel, abs: byteString(target), within: realRoot, bytes: size })
      } else if (st.isDirectory()) {
        const own = ownFolder(absBuf.toString())
        if (own) skipped.push({ path: rel, why: own })
        else walk(absBuf, rel)
      } else if (st.isFile()) inputs.push({ path: rel, abs, within: realRoot, bytes: st.size })
      else skipped.push({ path: rel, why: 'special-file' })
    }
  }
  walk(Buffer.from(root.replace(/(?<=.)\/+$/, '')), '')
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
    // the kernel's own answer, one call (realpathSync would stat every folder of the path again)
    return readlinkSync(`/proc/self/fd/${fd}`)
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
    fd = openSync(pathBytes(input.abs), constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW)
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
    if (code === 'ENAMETOOLONG')
      return { ok: false, error: PROBLEM_MESSAGES['path-too-long'], problem: 'path-too-long' }
    if (code === 'ELOOP')
      return {
        ok: false,
        error: 'the file was replaced by a symbolic link after the input folder was listed: not followed',
        problem: 'symlink-outside-input',
      }
    return {
      ok: false,
      error: `${code}: ${(e as Error).message.replaceAll(pathBytes(input.abs).toString(), input.path)}`,
    }
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}
