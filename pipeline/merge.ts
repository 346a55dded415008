/**
 * `depeches merge <shard-output>… --out <dir>`: combines the outputs of `build --shard K/N` into one
 * dataset, byte-identical to a single-machine build of the same corpus.
 *
 * Each shard saw the whole corpus in its first pass (so all agree on the reference date, duplicates
 * and near-duplicate clusters) and wrote the documents of its partition in input order. The merge is a
 * k-way merge of the shards' documents by `source_file` (the documented sort key), carrying each
 * document's mentions, quotes, temporal expressions, events and event mentions along (event clusters
 * are computed again over the whole corpus); rejects are merged the same way,
 * entities are united with their counts summed. Rows are read from the JSON Lines files (lossless) and
 * written again through the same writers as a build.
 */
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type {
  DocumentsRow,
  EntitiesRow,
  EventMentionsRow,
  EventsRow,
  MentionsRow,
  QuotesRow,
  RejectsRow,
  TemporalExpressionsRow,
} from './_generated/tables.js'
import { type CorrectionReport, mergeCorrectionReports } from './corrections/corrections.js'
import { PipelineError } from './errors.js'
import { type DatasetMetadata, defaultMetadata } from './metadata/dataset.js'
import { fileSha256, listFiles } from './publish/checksums.js'
import {
  type CorpusIdentity,
  type DatasetCounts,
  DatasetWriter,
  type ShardIdentity,
} from './publish/dataset-writer.js'
import { FILES, type Format, inside } from './publish/layout.js'
import { atomicRun } from './publish/output.js'
import { RowCursor } from './publish/table-rows.js'
import type { DataTable } from './schema/tables.js'
import { JsonlCursor } from './util/jsonl-cursor.js'
import { versions } from './versions.js'

interface Manifest {
  readonly pipeline: unknown
  readonly corpus?: CorpusIdentity
  readonly shard?: Partial<ShardIdentity>
  readonly reference_date: { readonly value: string | null; readonly source: 'option' | 'corpus' | null }
  readonly inputs: { readonly seen: number; readonly duplicates: number; readonly reconciled?: boolean }
  readonly skipped: readonly { path: string; why: string }[]
  readonly dataset?: DatasetMetadata
}

export interface MergeSummary extends DatasetCounts {
  readonly shards: number
  readonly inputs: number
  readonly duplicates: number
  readonly referenceDate: string | null
  readonly output: 'created' | 'replaced' | 'unchanged'
}

interface ShardOutput {
  readonly dir: string
  readonly manifest: Manifest
  readonly shard: ShardIdentity
  readonly corpus: CorpusIdentity
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
function refuse(dir: string, why: string): never {
  throw new PipelineError('E_MERGE', `cannot merge: shard output ${dir} ${why}`)
}

/**
 * Checks a shard output against its `SHA256SUMS`: every listed file is there with its checksum, and
 * every file there is listed. A row deleted or edited after the build fails here.
 */
function verifyChecksums(dir: string): void {
  const sumsPath = inside(dir, FILES.sums)
  if (!existsSync(sumsPath)) refuse(dir, 'has no SHA256SUMS: it is not a complete build output')
  const listed = new Map<string, string>()
  for (const line of readFileSync(sumsPath, 'utf8').split('\n')) {
    if (line === '') continue
    const m = /^([0-9a-f]{64}) {2}(.+)$/.exec(line)
    if (!m) refuse(dir, 'has a damaged SHA256SUMS (a line is not "<sha256>  <file>")')
    listed.set(m[2]!, m[1]!)
  }
  for (const [file, sum] of listed) {
    const p = inside(dir, file)
    if (!existsSync(p)) refuse(dir, `is damaged: ${file} is listed in SHA256SUMS but missing`)
    if (fileSha256(p) !== sum)
      refuse(dir, `is damaged: ${file} does not match its checksum in SHA256SUMS (changed after the build)`)
  }
  for (const file of listFiles(dir))
    if (file !== FILES.sums && !listed.has(file))
      refuse(dir, `is damaged: ${file} is not listed in SHA256SUMS (added after the build)`)
}

function readShard(dir: string): ShardOutput {
  const p = inside(dir, FILES.manifest)
  if (!existsSync(p)) refuse(dir, 'is not a build output (no manifest.json)')
  verifyChecksums(dir)
  let manifest: Manifest
  try {
    manifest = JSON.parse(readFileSync(p, 'utf8')) as Manifest
  } catch {
    refuse(dir, 'has a manifest.json that is not JSON')
  }
  const s = manifest.shard
  if (!s) refuse(dir, 'was not built with --shard')
  if (typeof s.pipeline !== 'string' || !manifest.corpus)
    refuse(dir, 'was built by an older pipeline that does not record its build: build it again')
  const { index, count } = s
  if (!Number.isInteger(count) || !Number.isInteger(index) || index! < 0 || index! >= count!)
    refuse(dir, 'has a manifest whose shard is not k/n with 0 ≤ k < n')
  if (manifest.inputs.reconciled !== true)
    refuse(dir, 'does not reconcile (inputs seen ≠ documents + duplicates + rejected): build it again')
  return {
    dir,
    manifest,
    shard: { index: index!, count: count!, pipeline: s.pipeline },
    corpus: manifest.corpus,
  }
}

/**
 * The shard whose value of `key` differs from that of most shards (on a tie, from the first given), or
 * null when all agree.
 */
function oddOne(shards: readonly ShardOutput[], key: (s: ShardOutput) => string): ShardOutput | null {
  const votes = new Map<string, number>()
  for (const s of shards) votes.set(key(s), (votes.get(key(s)) ?? 0) + 1)
  let common = key(shards[0]!)
  for (const [k, n] of votes) if (n > votes.get(common)!) common = k
  return shards.find((s) => key(s) !== common) ?? null
}

/**
 * Reads and checks the shard outputs: each is intact (its SHA256SUMS verifies), and together they are
 * the N shards of one build: same corpus fingerprint, pipeline, reference date and N, every k from 0 to
 * N-1 exactly once. Any failure is an E_MERGE error naming the shard and the reason.
 */
function readShards(dirs: readonly string[]): ShardOutput[] {
  const shards = dirs.map(readShard)
  const name = (s: ShardOutput) => `${s.shard.index}/${s.shard.count}`
  const pipe = (s: ShardOutput) => `${JSON.stringify(s.manifest.pipeline)} ${s.shard.pipeline}`
  const odd = oddOne(shards, pipe)
  if (odd)
    refuse(odd.dir, `(shard ${name(odd)}) was built by another version of the pipeline or its reference data`)
  const other = oddOne(shards, (s) => s.corpus.fingerprint)
  if (other)
    refuse(
      other.dir,
      `(shard ${name(other)}) was cut from another corpus (fingerprint ${other.corpus.fingerprint.slice(0, 19)}…, the others ${shards.find((s) => s !== other && s.corpus.fingerprint !== other.corpus.fingerprint)!.corpus.fingerprint.slice(0, 19)}…)`,
    )
  const date = oddOne(shards, (s) => String(s.manifest.reference_date.value))
  if (date)
    refuse(
      date.dir,
      `(shard ${name(date)}) used another reference date (${date.manifest.reference_date.value})`,
    )
  const n = shards.length
  const wrongCount = oddOne(shards, (s) => String(s.shard.count))
  if (wrongCount)
    refuse(
      wrongCount.dir,
      `is shard ${name(wrongCount)}, but the others are of ${shards.find((s) => s !== wrongCount && s.shard.count !== wrongCount.shard.count)!.shard.count}`,
    )
  const count = shards[0]!.shard.count
  const byIndex = new Map<number, ShardOutput>()
  for (const s of shards) {
    const twin = byIndex.get(s.shard.index)
    if (twin) refuse(s.dir, `is shard ${name(s)}, given twice (also ${twin.dir})`)
    byIndex.set(s.shard.index, s)
  }
  if (count !== n) {
    const missing = [...Array(count).keys()].filter((k) => !byIndex.has(k)).map((k) => `${k}/${count}`)
    const s = shards[0]!
    refuse(s.dir, `is shard ${name(s)}, but ${n} outputs were given: shard ${missing.join(', ')} missing`)
  }
  return shards.sort((a, b) => a.shard.index - b.shard.index)
}

/** Pops the rows of one document off a cursor (rows are grouped by document, in document order). */
async function take<T extends { doc_id: string }>(c: RowCursor<T>, docId: string): Promise<T[]> {
  const out: T[] = []
  for (let r = await c.peek(); r !== null && r.doc_id === docId; r = await c.peek())
    out.push((await c.next())!)
  return out
}

/** Index of the cursor whose next row has the smallest key; -1 when all are exhausted. */
async function smallest<T>(
  cursors: readonly { peek(): T | null | Promise<T | null> }[],
  key: (r: T) => string,
): Promise<number> {
  let best = -1
  let bestKey = ''
  for (const [i, c] of cursors.entries()) {
    const r = await c.peek()
    if (r === null) continue
    const k = key(r)
    if (best < 0 || cmp(k, bestKey) < 0) {
      best = i
      bestKey = k
    }
  }
  return best
}

export async function merge(opts: {
  shards: readonly string[]
  out: string
  force?: boolean
  /** The formats of the merged tables; all four by default. */
  formats?: readonly Format[]
}): Promise<MergeSummary> {
  if (opts.shards.length === 0) throw new PipelineError('E_USAGE', 'no shard outputs given')
  const shards = readShards(opts.shards.map((d) => resolve(d)))
  const first = shards[0]!.manifest
  return atomicRun(
    opts.out,
    { protect: opts.shards, force: opts.force === true },
    async (dir, parquet, hashes) => {
      const out = new DatasetWriter(dir, parquet, 0, hashes, opts.formats)
      // the rows come corrected from the shards; their reports of what was corrected are combined
      out.correctionReport = mergeCorrectionReports(
        shards.map((s) => {
          const f = inside(s.dir, FILES.corrections)
          return existsSync(f)
            ? readFileSync(f, 'utf8')
                .split('\n')
                .filter((l) => l !== '')
                .map((l) => JSON.parse(l) as CorrectionReport)
            : []
        }),
      )
      // the rows of each table from whichever format the shards were written in (`table-rows.ts`)
      const rows = <T>(t: DataTable) => shards.map((s) => new RowCursor<T>(s.dir, t))
      const docs = rows<DocumentsRow>('documents')
      const mentions = rows<MentionsRow>('mentions')
      const quotes = rows<QuotesRow>('quotes')
      const temporal = rows<TemporalExpressionsRow>('temporal_expressions')
      const events = rows<EventsRow>('events')
      const eventMentions = rows<EventMentionsRow>('event_mentions')
      const byFile = (d: DocumentsRow) => d.source_file
      for (let s = await smallest(docs, byFile); s >= 0; s = await smallest(docs, byFile)) {
        const d = (await docs[s]!.next())!
        out.addDocument(
          {
            documents: d,
            mentions: await take(mentions[s]!, d.doc_id),
            quotes: await take(quotes[s]!, d.doc_id),
            temporal_expressions: await take(temporal[s]!, d.doc_id),
            events: await take(events[s]!, d.doc_id),
            event_mentions: await take(eventMentions[s]!, d.doc_id),
          },
          [],
        )
      }
      const rejects = shards.map((s) => new JsonlCursor<RejectsRow>(inside(s.dir, FILES.rejects)))
      const bySource = (r: RejectsRow) => r.source_file
      for (let s = await smallest(rejects, bySource); s >= 0; s = await smallest(rejects, bySource))
        out.addReject(rejects[s]!.next()!)
      for (const c of rows<EntitiesRow>('entities'))
        for (let e = await c.next(); e !== null; e = await c.next())
          out.addEntity(e, e.n_documents, e.n_mentions)
      for (const c of [...docs, ...mentions, ...quotes, ...temporal, ...events, ...eventMentions])
        await c.close()
      for (const c of rejects) c.close()
      const seen = shards.reduce((n, s) => n + s.manifest.inputs.seen, 0)
      const duplicates = shards.reduce((n, s) => n + s.manifest.inputs.duplicates, 0)
      const counts = await out.finish({
        seen,
        duplicates,
        referenceDate: first.reference_date.value,
        referenceSource: first.reference_date.source,
        skipped: first.skipped,
        corpus: shards[0]!.corpus,
        shard: null,
        // the shards read one input folder, so one dataset.json (the corpus fingerprint checks that)
        dataset: first.dataset ?? defaultMetadata(versions().version),
      })
      return {
        ...counts,
        shards: shards.length,
        inputs: seen,
        duplicates,
        referenceDate: first.reference_date.value,
      }
    },
  )
}
