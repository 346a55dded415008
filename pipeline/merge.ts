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
import { join, resolve } from 'node:path'
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
import { PipelineError } from './errors.js'
import { type DatasetCounts, DatasetWriter } from './publish/dataset-writer.js'
import { atomicRun } from './publish/output.js'
import { JsonlCursor } from './util/jsonl-cursor.js'

interface Manifest {
  readonly pipeline: unknown
  readonly shard?: { readonly index: number; readonly count: number }
  readonly reference_date: { readonly value: string | null; readonly source: 'option' | 'corpus' | null }
  readonly inputs: { readonly seen: number; readonly duplicates: number }
  readonly skipped: readonly { path: string; why: string }[]
}

export interface MergeSummary extends DatasetCounts {
  readonly shards: number
  readonly inputs: number
  readonly duplicates: number
  readonly referenceDate: string | null
  readonly output: 'created' | 'replaced' | 'unchanged'
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

function readManifests(dirs: readonly string[]): { dir: string; manifest: Manifest }[] {
  const shards = dirs.map((d) => {
    const p = join(d, 'manifest.json')
    if (!existsSync(p)) throw new PipelineError('E_MERGE', `${d} is not a build output (no manifest.json)`)
    return { dir: d, manifest: JSON.parse(readFileSync(p, 'utf8')) as Manifest }
  })
  const n = shards.length
  const seen = new Set<number>()
  for (const { dir, manifest: m } of shards) {
    if (!m.shard) throw new PipelineError('E_MERGE', `${dir} was not built with --shard`)
    if (m.shard.count !== n)
      throw new PipelineError(
        'E_MERGE',
        `${dir} is shard ${m.shard.index}/${m.shard.count}, but ${n} outputs were given`,
      )
    if (seen.has(m.shard.index)) throw new PipelineError('E_MERGE', `shard ${m.shard.index} is given twice`)
    seen.add(m.shard.index)
  }
  const first = shards[0]!.manifest
  for (const { dir, manifest: m } of shards) {
    if (JSON.stringify(m.pipeline) !== JSON.stringify(first.pipeline))
      throw new PipelineError(
        'E_MERGE',
        `${dir} was built by another version of the pipeline or its reference data`,
      )
    if (m.reference_date.value !== first.reference_date.value)
      throw new PipelineError('E_MERGE', `${dir} used another reference date (${m.reference_date.value})`)
  }
  return shards.sort((a, b) => a.manifest.shard!.index - b.manifest.shard!.index)
}

/** Pops the rows of one document off a cursor (rows are grouped by document, in document order). */
function take<T extends { doc_id: string }>(c: JsonlCursor<T>, docId: string): T[] {
  const out: T[] = []
  for (let r = c.peek(); r !== null && r.doc_id === docId; r = c.peek()) out.push(c.next()!)
  return out
}

/** Index of the cursor whose next row has the smallest key; -1 when all are exhausted. */
function smallest<T>(cursors: readonly JsonlCursor<T>[], key: (r: T) => string): number {
  let best = -1
  let bestKey = ''
  cursors.forEach((c, i) => {
    const r = c.peek()
    if (r === null) return
    const k = key(r)
    if (best < 0 || cmp(k, bestKey) < 0) {
      best = i
      bestKey = k
    }
  })
  return best
}

export async function merge(opts: {
  shards: readonly string[]
  out: string
  force?: boolean
}): Promise<MergeSummary> {
  if (opts.shards.length === 0) throw new PipelineError('E_USAGE', 'no shard outputs given')
  const shards = readManifests(opts.shards.map((d) => resolve(d)))
  const first = shards[0]!.manifest
  const open = <T>(table: string) => shards.map((s) => new JsonlCursor<T>(join(s.dir, table)))
  return atomicRun(opts.out, { protect: opts.shards, force: opts.force === true }, async (dir) => {
    const out = new DatasetWriter(dir)
    const docs = open<DocumentsRow>('data/documents.jsonl')
    const mentions = open<MentionsRow>('data/mentions.jsonl')
    const quotes = open<QuotesRow>('data/quotes.jsonl')
    const temporal = open<TemporalExpressionsRow>('data/temporal_expressions.jsonl')
    const events = open<EventsRow>('data/events.jsonl')
    const eventMentions = open<EventMentionsRow>('data/event_mentions.jsonl')
    for (let s = smallest(docs, (d) => d.source_file); s >= 0; s = smallest(docs, (d) => d.source_file)) {
      const d = docs[s]!.next()!
      out.addDocument(
        {
          documents: d,
          mentions: take(mentions[s]!, d.doc_id),
          quotes: take(quotes[s]!, d.doc_id),
          temporal_expressions: take(temporal[s]!, d.doc_id),
          events: take(events[s]!, d.doc_id),
          event_mentions: take(eventMentions[s]!, d.doc_id),
        },
        [],
      )
    }
    const rejects = open<RejectsRow>('rejects.jsonl')
    for (let s = smallest(rejects, (r) => r.source_file); s >= 0; s = smallest(rejects, (r) => r.source_file))
      out.addReject(rejects[s]!.next()!)
    for (const c of open<EntitiesRow>('data/entities.jsonl'))
      for (let e = c.next(); e !== null; e = c.next()) out.addEntity(e, e.n_documents, e.n_mentions)
    for (const c of [...docs, ...mentions, ...quotes, ...temporal, ...events, ...eventMentions, ...rejects])
      c.close()
    const seen = shards.reduce((n, s) => n + s.manifest.inputs.seen, 0)
    const duplicates = shards.reduce((n, s) => n + s.manifest.inputs.duplicates, 0)
    const counts = await out.finish({
      seen,
      duplicates,
      referenceDate: first.reference_date.value,
      referenceSource: first.reference_date.source,
      skipped: first.skipped,
      shard: null,
    })
    return {
      ...counts,
      shards: shards.length,
      inputs: seen,
      duplicates,
      referenceDate: first.reference_date.value,
    }
  })
}
