/** Versions recorded in the manifest: the pipeline's, and content hashes of its schemas and reference data. */
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { repoFile } from './util/paths.js'

/** Content hash (16 hex digits) of every data file below a folder, by `/`-separated relative path. */
const digest = (folder: string, prefix = ''): Record<string, string> => {
  const out: Record<string, string> = {}
  const entries = readdirSync(repoFile(folder), { withFileTypes: true }).sort((x, y) =>
    x.name < y.name ? -1 : 1,
  )
  for (const e of entries) {
    const rel = `${prefix}${e.name}`
    if (e.isDirectory()) Object.assign(out, digest(`${folder}/${e.name}`, `${rel}/`))
    else if (!e.name.endsWith('.ts')) {
      const hash = createHash('sha256').update(readFileSync(repoFile(`${folder}/${e.name}`)))
      out[rel] = hash.digest('hex').slice(0, 16)
    }
  }
  return out
}

export interface Versions {
  readonly name: string
  readonly version: string
  readonly schemas: Record<string, string>
  readonly reference_data: Record<string, string>
}

let cached: Versions | undefined
export function versions(): Versions {
  if (!cached) {
    const pkg = JSON.parse(readFileSync(repoFile('package.json'), 'utf8')) as {
      name: string
      version: string
    }
    cached = {
      name: pkg.name,
      version: pkg.version,
      schemas: digest('schemas'),
      reference_data: digest('pipeline/reference'),
    }
  }
  return cached
}

/** Every file below a folder (absolute paths, sorted), skipping source maps. */
function filesBelow(dir: string): string[] {
  const out: string[] = []
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((x, y) => (x.name < y.name ? -1 : 1))) {
    const p = `${dir}/${e.name}`
    if (e.isDirectory()) out.push(...filesBelow(p))
    else if (!e.name.endsWith('.map')) out.push(p)
  }
  return out
}

let print: string | undefined
/**
 * The pipeline's fingerprint for the result cache: a hash of its running code, its schemas and its
 * reference data. Any change to a rule, a list or a column changes it, so cached results are never
 * served for a different pipeline.
 */
export function fingerprint(): string {
  if (print === undefined) {
    const h = createHash('sha256')
    const code = fileURLToPath(new URL('.', import.meta.url)).replace(/\/$/, '')
    for (const dir of [code, repoFile('schemas'), repoFile('pipeline/reference')])
      for (const f of filesBelow(dir)) h.update(f.slice(dir.length)).update('\u0000').update(readFileSync(f))
    h.update(JSON.stringify(versions()))
    print = h.digest('hex')
  }
  return print
}
