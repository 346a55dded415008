/** Versions recorded in the manifest: the pipeline's, and content hashes of its schemas and reference data. */
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
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
