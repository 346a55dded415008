/**
 * An output folder built atomically: the build writes into a staging folder; this adds
 * `datapackage.json` and `SHA256SUMS`, then swaps the folder in (see `atomic.ts`). If the build throws,
 * the staging folder is removed and the previous output is untouched.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { makeFolders } from '../faults.js'
import { type DatasetMetadata, defaultMetadata } from '../metadata/dataset.js'
import { versions } from '../versions.js'
import {
  type CommitResult,
  commit,
  createStaging,
  discardStaging,
  recover,
  STAGING_MARKER,
} from './atomic.js'
import { FileHashes, sha256sums } from './checksums.js'
import { dataPackage } from './datapackage.js'
import { FILES, FORMATS, type Format, inside } from './layout.js'
import { assertReplaceable, type GuardOptions } from './output-guard.js'
import { ParquetJobs } from './parquet-jobs.js'

export async function atomicRun<T extends object>(
  outArg: string,
  guard: GuardOptions,
  /** Writes the dataset into `dir`; its writers record the SHA-256 of their files in `hashes` as they write them. */
  body: (dir: string, parquet: ParquetJobs, hashes: FileHashes) => Promise<T>,
  /** Threads that convert the Arrow files to Parquet as the body closes them (`parquet-jobs.ts`). */
  threads = 1,
): Promise<T & { output: CommitResult }> {
  // `dist/` and `dist` are one folder (a trailing slash would put the staging folder inside the output)
  const out = resolve(outArg)
  assertReplaceable(outArg, guard)
  makeFolders(dirname(out), (p) => mkdirSync(p), existsSync)
  recover(out)
  assertReplaceable(outArg, guard)
  const dir = createStaging(out)
  try {
    // every file is hashed once, for the manifest and for SHA256SUMS alike: the table files by their
    // writers, as their bytes go by; the few others read once at the end
    const hashes = new FileHashes()
    const parquet = new ParquetJobs(threads, hashes)
    let result: T
    try {
      result = await body(dir, parquet, hashes)
      // the Parquet files of the tables and partitions the body wrote (queued as it closed them)
      await parquet.done()
    } finally {
      await parquet.close()
    }
    const v = versions()
    // the by-year partitions and the report were written by the body's dataset writer, as rows went by
    const manifestPath = inside(dir, FILES.manifest)
    const manifest = existsSync(manifestPath)
      ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as { dataset?: DatasetMetadata; formats?: Format[] })
      : {}
    const dataset = manifest.dataset ?? defaultMetadata(v.version)
    const pkg = dataPackage(dir, dataset, hashes, manifest.formats ?? FORMATS)
    writeFileSync(inside(dir, FILES.datapackage), `${JSON.stringify(pkg, null, 2)}\n`)
    writeFileSync(inside(dir, FILES.sums), sha256sums(dir, [FILES.sums, STAGING_MARKER], hashes))
    return { ...result, output: commit(dir, out) }
  } catch (e) {
    discardStaging(dir)
    throw e
  }
}
