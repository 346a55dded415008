/**
 * Discovery of the inputs of a run: every regular file below the input folder, recursively, in
 * code-unit order of their `/`-separated relative paths. Hidden files and folders (`.git`, `.DS_Store`)
 * are skipped and counted. A symbolic link is read only when it resolves to a file inside the input
 * folder; one that points out of it becomes a reject; linked folders are not descended (their files
 * are reached through their real path, and loops are impossible).
 */
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'

export interface Input {
  readonly path: string
  readonly abs: string
  readonly problem?: 'symlink-outside-input'
}

export interface Discovery {
  readonly inputs: readonly Input[]
  readonly skipped: readonly { path: string; why: 'hidden' | 'linked-folder' | 'special-file' }[]
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
        try {
          target = realpathSync(abs)
        } catch {
          inputs.push({ path: rel(abs), abs, problem: 'symlink-outside-input' })
          continue
        }
        if (!inside(target)) inputs.push({ path: rel(abs), abs, problem: 'symlink-outside-input' })
        else if (statSync(target).isDirectory()) skipped.push({ path: rel(abs), why: 'linked-folder' })
        else inputs.push({ path: rel(abs), abs: target })
      } else if (st.isDirectory()) walk(abs)
      else if (st.isFile()) inputs.push({ path: rel(abs), abs })
      else skipped.push({ path: rel(abs), why: 'special-file' })
    }
  }
  walk(root)
  inputs.sort((a, b) => cmp(a.path, b.path))
  return { inputs, skipped }
}

export type ReadResult = { ok: true; bytes: Uint8Array } | { ok: false; error: string }

export function readInput(input: Input): ReadResult {
  try {
    return { ok: true, bytes: readFileSync(input.abs) }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'EIO'
    return { ok: false, error: `${code}: ${(e as Error).message.replace(input.abs, input.path)}` }
  }
}
