/**
 * A release of a built output folder: `depeches-<version>.zip` and `.tar.gz`, each holding one folder
 * `depeches-<version>/` with the data in every format, datapackage.json, CODEBOOK.md, report.html,
 * rejects.jsonl, manifest.json, the dataset card (README.md), CITATION.cff, CHANGELOG.md, and a
 * SHA256SUMS over all of them. Two releases of the same folder are byte-identical (see archive.ts).
 */
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { basename, join, relative, resolve, sep } from 'node:path'
import { fileSha256, listFiles, sha256sums } from '../publish/checksums.js'
import { collectStats } from '../publish/stats.js'
import { repoFile } from '../util/paths.js'
import { versions } from '../versions.js'
import { type Entry, writeTarGz, writeZip } from './archive.js'
import { type CitationInfo, citationCff } from './citation.js'
import { datasetCard } from './dataset-card.js'

export interface ReleaseOptions {
  /** A built output folder (`dist/`). */
  readonly dist: string
  /** Where the archives go (`dist/release/`). */
  readonly out: string
  readonly version?: string
}

export interface ReleaseResult {
  readonly name: string
  readonly zip: string
  readonly tarGz: string
  readonly files: readonly string[]
}

export function citationInfo(version: string): CitationInfo {
  return {
    title:
      'depeches: French-language press articles on Russia, Mali and the Sahel, with extracted entities, quotes, dates and events',
    version,
    abstract:
      'Articles of the French-language press turned into tables of documents, entities, mentions, quotes, temporal expressions and events, each value traceable to the characters it came from.',
    license: 'CC-BY-4.0',
    keywords: ['press', 'French', 'Mali', 'Sahel', 'Russia', 'event data', 'named entities', 'quotations'],
  }
}

/**
 * Files of the built folder that go into a release: everything but its own checksums and releases
 * (`release/`, where `make release` puts them, and the output folder if it lies inside).
 */
function distFiles(dist: string, out: string): string[] {
  const inside = relative(resolve(dist), resolve(out))
  const skip = ['release/']
  if (inside !== '' && !inside.startsWith('..')) skip.push(`${inside.split(sep).join('/')}/`)
  return listFiles(dist).filter((f) => f !== 'SHA256SUMS' && !skip.some((s) => f.startsWith(s)))
}

export async function makeRelease(opts: ReleaseOptions): Promise<ReleaseResult> {
  const version = opts.version ?? versions().version
  const name = `depeches-${version}`
  for (const f of ['datapackage.json', 'CODEBOOK.md', 'manifest.json'])
    if (!existsSync(join(opts.dist, f)))
      throw new Error(`${opts.dist} is not a built dataset: ${f} is missing`)
  mkdirSync(opts.out, { recursive: true })
  // the release folder is assembled beside the archives, then removed: archives are the product
  const stage = join(opts.out, `.${name}.staging-${process.pid}`)
  rmSync(stage, { recursive: true, force: true })
  mkdirSync(stage, { recursive: true })
  try {
    const files = distFiles(opts.dist, opts.out)
    for (const f of files) {
      mkdirSync(join(stage, f, '..'), { recursive: true })
      copyFileSync(join(opts.dist, f), join(stage, f))
    }
    const citation = citationInfo(version)
    writeFileSync(join(stage, 'README.md'), datasetCard(citation, await collectStats(opts.dist)))
    writeFileSync(join(stage, 'CITATION.cff'), citationCff(citation))
    copyFileSync(repoFile('pipeline/release/CHANGELOG.md'), join(stage, 'CHANGELOG.md'))
    writeFileSync(join(stage, 'SHA256SUMS'), sha256sums(stage))
    const all = listFiles(stage)
    const entries: Entry[] = all.map((f) => ({ name: `${name}/${f}`, source: join(stage, f) }))
    const zip = join(opts.out, `${name}.zip`)
    const tarGz = join(opts.out, `${name}.tar.gz`)
    // written under temporary names and renamed, so an interrupted release leaves no half archive
    writeZip(entries, `${zip}.tmp`)
    writeTarGz(entries, `${tarGz}.tmp`)
    renameSync(`${zip}.tmp`, zip)
    renameSync(`${tarGz}.tmp`, tarGz)
    // checksums of the archives themselves, for the release page
    writeFileSync(
      join(opts.out, 'SHA256SUMS'),
      [zip, tarGz].map((f) => `${fileSha256(f)}  ${basename(f)}\n`).join(''),
    )
    return { name, zip, tarGz, files: all }
  } finally {
    rmSync(stage, { recursive: true, force: true })
  }
}
