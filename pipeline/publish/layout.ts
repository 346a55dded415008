/**
 * The layout of an output folder: the one place that names its files and says what they are. Paths
 * are relative and `/`-separated, as `datapackage.json` and `SHA256SUMS` list them; `inside(dir, path)`
 * makes one a path of this system.
 *
 *   data/<table>.{csv,jsonl,arrow,parquet}                           each data table in four formats
 *   data/by-year/<table>/published_year=<year>/part-<shard>.parquet  Hive partitions by publication year
 *   rejects.jsonl, corrections.jsonl                                 inputs that made no document; corrections
 *   CODEBOOK.md, manifest.json, report.html                          description, reconciliation, overview
 *   datapackage.json, SHA256SUMS                                     the manifest of the files, their checksums
 */
import { join } from 'node:path'

export type Format = 'csv' | 'jsonl' | 'arrow' | 'parquet'
/** Every format, in the order files and datapackage resources are listed; a build writes all by default. */
export const FORMATS: readonly Format[] = ['csv', 'jsonl', 'arrow', 'parquet']

/**
 * The formats of a `--formats` value (`parquet`, `csv,parquet`, …): known names, at least one, in
 * `FORMATS` order whatever order they were given in; null when the list is empty or names another format.
 */
export function parseFormats(list: string): Format[] | null {
  const given = list.split(',').map((f) => f.trim().toLowerCase())
  if (given.some((f) => !(FORMATS as readonly string[]).includes(f))) return null
  const formats = FORMATS.filter((f) => given.includes(f))
  return formats.length > 0 ? formats : null
}

/** Media types (IANA, or the format's own registration) of the files of a dataset. */
export const MEDIA = {
  csv: 'text/csv',
  jsonl: 'application/jsonl',
  arrow: 'application/vnd.apache.arrow.file',
  parquet: 'application/vnd.apache.parquet',
  md: 'text/markdown',
  json: 'application/json',
  html: 'text/html',
} as const

/** Binary formats carry no text encoding. */
export const BINARY: ReadonlySet<Format> = new Set(['arrow', 'parquet'])

/** The folder of the data tables. */
export const DATA = 'data'

/** A data table's file in one format. */
export const tableFile = (table: string, format: Format): string => `${DATA}/${table}.${format}`

/** Partition value of rows with no publication date (Hive's, which DuckDB, polars and Spark read as null). */
export const NO_YEAR = '__HIVE_DEFAULT_PARTITION__'

/** The partition a document's rows are filed under: its publication year, or `NO_YEAR`. */
export const yearOf = (published: string | null): string => (published ? published.slice(0, 4) : NO_YEAR)

/** The folder of one year's partition of a table. */
export const yearFolder = (table: string, year: string): string =>
  `${DATA}/by-year/${table}/published_year=${year}`

/** A shard's file name in a partition folder: several shards' trees can be read together. */
export const partName = (shard: number): string => `part-${shard}`

/** The files at the top of an output folder. */
export const FILES = {
  rejects: 'rejects.jsonl',
  corrections: 'corrections.jsonl',
  codebook: 'CODEBOOK.md',
  manifest: 'manifest.json',
  report: 'report.html',
  datapackage: 'datapackage.json',
  sums: 'SHA256SUMS',
} as const

/** The files besides the tables that `datapackage.json` lists, with what each is. */
export const DESCRIBED_FILES: readonly {
  readonly name: string
  readonly path: string
  readonly format: keyof typeof MEDIA
  readonly description: string
  /** Written only when the run has some (no corrections.csv, no corrections.jsonl). */
  readonly optional?: true
}[] = [
  {
    name: 'corrections',
    path: FILES.corrections,
    format: 'jsonl',
    description:
      'The corrections of corrections.csv (beside the inputs) applied to this build, each with the value it replaced; applied: false when its id names no row.',
    optional: true,
  },
  {
    name: 'codebook',
    path: FILES.codebook,
    format: 'md',
    description: 'Every table and column: type, meaning, derivation, example.',
  },
  {
    name: 'manifest',
    path: FILES.manifest,
    format: 'json',
    description:
      'Reconciliation of the run: inputs seen, documents, duplicates, rejects by reason; versions.',
  },
  {
    name: 'report',
    path: FILES.report,
    format: 'html',
    description:
      'The dataset at a glance: timeline, most-mentioned entities, map of places, events, quotes, rejects (self-contained page, no network).',
  },
]

/**
 * Scratch files of a build in its staging folder, gone before the folder is swapped in: the event rows
 * waiting for their corpus-level clusters, each partition's Arrow batches before Parquet, and a table's
 * Arrow file when Parquet is written but Arrow is not among the formats.
 */
export const SCRATCH = {
  /** The event rows until their clusters are known: JSON Lines in compressed frames (`util/frames.ts`). */
  events: '.events.spool.jsonl.frames',
  /** Each event's clustering key (`corpus/event-clusters.ts`), in the same order, in the same frames. */
  eventKeys: '.events.keys.jsonl.frames',
  /** A sorted run of entities written out of memory (`entity-table.ts`), in the same frames. */
  entityRun: (k: number): string => `.entities.run-${k}.jsonl.frames`,
  table: (table: string): string => `${DATA}/.${table}.arrow.partial`,
  partition: (part: string): string => `.${part}.arrow.partial`,
} as const

/** A layout path inside an output folder, as a path of this system. */
export const inside = (dir: string, path: string): string => join(dir, ...path.split('/'))
