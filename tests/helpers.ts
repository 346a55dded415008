/** Shared helpers for tests: the seeds, temporary folders, and running a stage on a string. */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defaultMetadata } from '../pipeline/metadata/dataset.js'
import type { RunFacts } from '../pipeline/publish/dataset-writer.js'
import { versions } from '../pipeline/versions.js'

export const repo = fileURLToPath(new URL('../', import.meta.url))
export const seedsDir = join(repo, 'seeds')
/** The seed articles (seeds/dataset.json describes them: it is not one). */
export const seedNames = (): string[] =>
  readdirSync(seedsDir)
    .filter((n) => n !== 'dataset.json')
    .sort()
export const seedText = (name: string): string => readFileSync(join(seedsDir, name), 'utf8')
export const seedBytes = (name: string): Uint8Array => readFileSync(join(seedsDir, name))
export const tempDir = (label: string): string => mkdtempSync(join(tmpdir(), `depeches-${label}-`))

/**
 * What a dataset writer's `finish` is told of a run of `documents` documents written by a test: no
 * duplicates, no reference date, nothing skipped, no shard, the default metadata.
 */
export const runFacts = (documents: number): RunFacts => ({
  seen: documents,
  duplicates: 0,
  referenceDate: null,
  referenceSource: null,
  skipped: [],
  corpus: { fingerprint: 'f', inputs: documents },
  shard: null,
  dataset: defaultMetadata(versions().version),
})
