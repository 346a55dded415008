/** Versions recorded in the manifest: the pipeline's, and content hashes of its schemas and reference data. */
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { repoFile } from './util/paths.js'

const digest = (folder: string): Record<string, string> => {
  const out: Record<string, string> = {}
  for (const f of readdirSync(repoFile(folder)).sort()) {
    if (f.endsWith('.ts')) continue
    out[f] = createHash('sha256')
      .update(readFileSync(repoFile(`${folder}/${f}`)))
      .digest('hex')
      .slice(0, 16)
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
