/**
 * A release of a built output folder: `depeches-<version>.zip` and `.tar.gz`, each holding one folder
 * `depeches-<version>/` with the data in every format, datapackage.json, CODEBOOK.md, report.html,
 * rejects.jsonl, manifest.json, the dataset card (README.md), CITATION.cff, CHANGELOG.md, and a
 * SHA256SUMS over all of them. Two releases of the same folder are byte-identical (see archive.ts).
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { basename, join, relative, resolve, sep } from 'node:path'
import { type DatasetMetadata, defaultMetadata } from '../metadata/dataset.js'
import { fileSha256, listFiles, sha256sums } from '../publish/checksums.js'
import { FILES, FORMATS, inside } from '../publish/layout.js'
import { collectStats, type DatasetStats } from '../publish/stats.js'
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

/**
 * What to cite, from the built folder itself: the dataset's metadata as the build recorded it in
 * manifest.json (from dataset.json beside the inputs, or the defaults), and the release date taken from
 * the data — its latest publication date — never from the clock.
 */
export function citationInfo(dist: string, stats: DatasetStats, version?: string): CitationInfo {
  const manifest = JSON.parse(readFileSync(inside(dist, FILES.manifest), 'utf8')) as {
    dataset?: DatasetMetadata
  }
  const d = manifest.dataset ?? defaultMetadata(versions().version)
  return {
    title: d.title,
    version: version ?? d.version,
    abstract: d.description,
    sources: d.sources,
    licenses: d.licenses,
    keywords: d.keywords,
    authors: d.authors,
    dateReleased: stats.dateRange?.to ?? null,
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
  return listFiles(dist).filter((f) => f !== FILES.sums && !skip.some((s) => f.startsWith(s)))
}

/** The version of a built dataset (datapackage.json), else the pipeline's. */
function datasetVersion(dist: string): string {
  const p = inside(dist, FILES.datapackage)
  const v = existsSync(p) ? (JSON.parse(readFileSync(p, 'utf8')) as { version?: unknown }).version : undefined
  return typeof v === 'string' ? v : versions().version
}

export async function makeRelease(opts: ReleaseOptions): Promise<ReleaseResult> {
  const version = opts.version ?? datasetVersion(opts.dist)
  const name = `depeches-${version}`
  for (const f of [FILES.datapackage, FILES.codebook, FILES.manifest])
    if (!existsSync(join(opts.dist, f)))
      throw new Error(`${opts.dist} is not a built dataset: ${f} is missing`)
  // a release is the dataset in every format, as its card describes it
  const formats = (
    JSON.parse(readFileSync(join(opts.dist, FILES.manifest), 'utf8')) as { formats?: string[] }
  ).formats
  if (formats && FORMATS.some((f) => !formats.includes(f)))
    throw new Error(
      `${opts.dist} holds the tables in ${formats.join(', ')} only (--formats): a release carries every format, build it without --formats`,
    )
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
    const stats = await collectStats(opts.dist)
    const citation = citationInfo(opts.dist, stats, version)
    writeFileSync(join(stage, 'README.md'), datasetCard(citation, stats))
    writeFileSync(join(stage, 'CITATION.cff'), citationCff(citation))
    copyFileSync(repoFile('pipeline/release/CHANGELOG.md'), join(stage, 'CHANGELOG.md'))
    writeFileSync(inside(stage, FILES.sums), sha256sums(stage))
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
      inside(opts.out, FILES.sums),
      [zip, tarGz].map((f) => `${fileSha256(f)}  ${basename(f)}\n`).join(''),
    )
    return { name, zip, tarGz, files: all }
  } finally {
    rmSync(stage, { recursive: true, force: true })
  }
}
