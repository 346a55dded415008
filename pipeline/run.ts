/**
 * The orchestration of a build: discover inputs, two streaming passes over them, publish.
 *   pass 1 (corpus facts): parse and clean every input to learn its document id (identical cleaned
 *          texts are one document), its explicit publication date (the latest one is the reference
 *          date that resolves `ce jeudi 1er août`) and its near-duplicate signature;
 *   near-duplicates: one corpus-level pass over the signatures (MinHash/LSH);
 *   pass 2 (documents): parse, clean, enrich and validate each input of this shard, appending rows to
 *          the writers in input order.
 * Per-input work (`process-input.ts`) runs inline or on a pool of worker threads (`--jobs`); results
 * are consumed in input order, so the output is byte-identical whatever the number of jobs. With a
 * cache folder, per-input results are reused when neither the input nor the pipeline changed.
 * Memory held across the corpus: an id per input and at most `ENTITY_SPILL_AT` entities (more are
 * spilled to sorted scratch runs, `publish/entity-table.ts`), the near-duplicate signatures
 * (192 bytes a document) during pass 1 only, the event index (about 50 bytes an event) in the finish
 * only, built from the event keys spooled to disk in pass 2; rows stream to disk.
 */
import { availableParallelism } from 'node:os'
import { resolve } from 'node:path'
import { DocCache } from './cache.js'
import { CorpusFingerprint } from './corpus/fingerprint.js'
import { type NearDuplicate, NearDuplicateIndex } from './corpus/near-duplicates.js'
import { type Shard, shardOf } from './corpus/shards.js'
import { readCorrections } from './corrections/corrections.js'
import { formatPartial, parseIsoPartial } from './dates/calendar.js'
import { PipelineError } from './errors.js'
import { discover, type Input } from './inputs.js'
import { readMetadata } from './metadata/dataset.js'
import { autoJobs } from './parallel/auto-jobs.js'
import { type Executor, executor } from './parallel/executor.js'
import { mapOrdered } from './parallel/ordered.js'
import type { BuildResult, ScanResult } from './process-input.js'
import { type CorpusIdentity, type DatasetCounts, DatasetWriter } from './publish/dataset-writer.js'
import type { Format } from './publish/layout.js'
import { atomicRun } from './publish/output.js'
import { assertReplaceable } from './publish/output-guard.js'
import type { PartialDate, ProgressFn } from './types.js'
import { collectGarbage } from './util/collect.js'
import { tick } from './util/tick.js'
import { fingerprint, versions } from './versions.js'
import type { WorkerTask } from './worker.js'

export interface BuildOptions {
  readonly input: string
  readonly out: string
  /** Resolves weekday expressions without a year; defaults to the corpus's latest explicit date. */
  readonly referenceDate?: PartialDate
  /**
   * Worker threads; 1 (the default for the API) runs everything in this thread; `'auto'` (the command
   * line's default) one per core, fewer for a small corpus (`parallel/auto-jobs.ts`).
   */
  readonly jobs?: number | 'auto'
  /** Folder of the per-input result cache (incremental rebuilds); none by default. */
  readonly cache?: string
  /** Process only the documents of partition `index` of `count` (by document id). */
  readonly shard?: Shard
  /** Replace `out` even when it is not the output of an earlier build (never the input or an ancestor). */
  readonly force?: boolean
  readonly onProgress?: ProgressFn
  /** The formats of the tables (`publish/layout.ts`); all four by default. */
  readonly formats?: readonly Format[]
  /** Heap of each worker thread (old generation, MB); `WORKER_HEAP_MB` by default. */
  readonly workerHeapMb?: number
  /** Documents of pass 2 between two full collections of this thread's heap; `COLLECT_EVERY` by default. */
  readonly collectEvery?: number
  /** Entities held in memory before a sorted run is written to scratch; `ENTITY_SPILL_AT` by default. */
  readonly entitySpillAt?: number
}

/**
 * A worker's heap: enough for its reference data (about 70 MB) and an article of a million and a half
 * characters (about 120 bytes a character), so that V8, which collects lazily, does not let each
 * worker's heap grow to a gigabyte. A larger input is done in this thread, whose heap is the
 * process's: the same rows, only later (`parallel/executor.ts`).
 */
export const WORKER_HEAP_MB = 256

export interface BuildSummary extends DatasetCounts {
  readonly inputs: number
  readonly duplicates: number
  readonly skipped: number
  readonly referenceDate: string | null
  readonly nearDuplicateClusters: number
  readonly cache: { readonly hits: number; readonly misses: number } | null
  /**
   * Inputs done in the main thread because they are too large for a worker's heap (counted in each
   * pass), and batches done again there after a worker ran out of heap all the same.
   */
  readonly inlineBySize: number
  readonly retriedInline: number
  /** The jobs the build ran with: the number asked for, or the one `'auto'` chose. */
  readonly jobs: number
  readonly output: 'created' | 'replaced' | 'unchanged'
}

export const defaultJobs = (): number => Math.max(1, availableParallelism())

/**
 * Inputs per message to a worker: enough that handing out work and cloning results cost little
 * beside the work (a document takes milliseconds, a scan a fraction of one), few enough that the
 * jobs stay evenly loaded.
 */
const BATCH = 8

/**
 * Documents between two full collections of this thread's heap in pass 2: a collection of its live
 * data (tens of MB) takes tens of milliseconds, two thousand documents tens of seconds.
 */
export const COLLECT_EVERY = 2000

/** Inputs between two yields to the event loop (`util/tick.ts`): for the program around a build only. */
const YIELD_EVERY = 32

function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let k = 0; k < items.length; k += size) out.push(items.slice(k, k + size))
  return out
}

/** Maps items through batched calls with at most `window` batches in flight, yielding results in order. */
async function* mapBatched<T, R>(
  items: readonly T[],
  fn: (batch: readonly T[]) => Promise<R[]>,
  window: number,
): AsyncGenerator<R> {
  for await (const results of mapOrdered(batches(items, BATCH), fn, window)) yield* results
}

/** What pass 1 learns of the corpus. */
interface CorpusFacts {
  /** The document id of each input (null for an input that makes no document). */
  readonly docIds: (string | null)[]
  /** 1 for an input whose document an earlier input already gave. */
  readonly duplicate: Uint8Array
  /** The later inputs of each document given by several, by the input of its first. */
  readonly dupesOf: Map<number, number[]>
  /** The latest explicit publication date of the corpus. */
  readonly latest: string | null
  /** The corpus fingerprint and the number of inputs it covers (`corpus/fingerprint.ts`). */
  readonly corpus: CorpusIdentity
  /** The near-duplicate cluster of each document that has one. */
  readonly clusters: Map<string, NearDuplicate>
}

/**
 * Pass 1: parse and clean every input to learn its document id, its explicit publication dates and its
 * near-duplicate signature, then cluster the signatures. Its own function so that what only it needs
 * (the signature index, a few hundred bytes a document; the first input of each document id) is
 * garbage once it returns: a suspended async function keeps all of its locals alive, and pass 2 and
 * the finish run for most of a build.
 */
async function scanCorpus(
  inputs: readonly Input[],
  exec: Executor,
  window: number,
  onProgress: BuildOptions['onProgress'],
): Promise<CorpusFacts> {
  const docIds: (string | null)[] = new Array(inputs.length).fill(null)
  const duplicate = new Uint8Array(inputs.length)
  const corpus = new CorpusFingerprint()
  const firstOf = new Map<string, number>()
  const dupesOf = new Map<number, number[]>()
  const near = new NearDuplicateIndex()
  let latest: string | null = null
  let i = 0
  const scans = mapBatched(
    inputs,
    (batch) => exec.run(batch.map((input) => ({ kind: 'scan', input }))) as Promise<ScanResult[]>,
    window,
  )
  onProgress?.('scan', 0, inputs.length)
  for await (const s of scans) {
    const k = i++
    onProgress?.('scan', i, inputs.length)
    if (i % YIELD_EVERY === 0) await tick()
    corpus.add(inputs[k]!.path, s.sha256)
    if (s.docId === null) continue
    docIds[k] = s.docId
    const first = firstOf.get(s.docId)
    if (first !== undefined) {
      duplicate[k] = 1
      const list = dupesOf.get(first)
      if (list) list.push(k)
      else dupesOf.set(first, [k])
      continue
    }
    firstOf.set(s.docId, k)
    if (s.explicitMax && (latest === null || s.explicitMax > latest)) latest = s.explicitMax
    near.addSignature(
      s.docId,
      s.bins && s.bands ? { bins: Uint16Array.from(s.bins), bands: Uint32Array.from(s.bands) } : null,
      s.explicitMin,
      inputs[k]!.path,
    )
  }
  return { docIds, duplicate, dupesOf, latest, corpus: corpus.digest(), clusters: near.clusters() }
}

export async function build(opts: BuildOptions): Promise<BuildSummary> {
  const input = resolve(opts.input)
  const asked = opts.jobs ?? 1
  if (asked !== 'auto' && (!Number.isInteger(asked) || asked < 1))
    throw new PipelineError('E_BAD_OPTION', `jobs must be a whole number ≥ 1 or 'auto', not ${asked}`)
  const shard = opts.shard ?? null
  const guard = { protect: [input], force: opts.force === true }
  // before any work: a folder that is not ours is refused at once, not after an hour of building
  assertReplaceable(opts.out, guard)
  // read first: a bad dataset.json stops the run before any work
  const dataset = readMetadata(input, versions().version)
  const corrections = readCorrections(input)
  const { inputs, skipped } = discover(input)
  // 'auto': as many workers as the bytes this run builds pay for (a shard builds its share of them)
  const jobs =
    asked === 'auto'
      ? autoJobs(inputs.reduce((n, i) => n + (i.bytes ?? 0), 0) / (shard?.count ?? 1), defaultJobs())
      : asked
  const cache = opts.cache ? new DocCache(resolve(opts.cache), fingerprint()) : null
  const exec = executor({ jobs, cache, heapMb: opts.workerHeapMb ?? WORKER_HEAP_MB })
  // batches in flight: with the one waiting in each worker's inbox, every worker always has work
  const window = jobs * 4
  try {
    // pass 1: corpus facts (the index that found them is let go before pass 2)
    const facts = await scanCorpus(inputs, exec, window, opts.onProgress)
    const { docIds, dupesOf, latest, clusters } = facts
    const reference = opts.referenceDate ?? (latest ? parseIsoPartial(latest) : null)
    const corpusPrint = facts.corpus

    // pass 2: the documents of this shard, written as they come
    const mine: number[] = []
    let duplicates = 0
    for (let k = 0; k < inputs.length; k++) {
      const id = docIds[k] ?? null
      if (shard && shardOf(id, inputs[k]!.path, shard.count) !== shard.index) continue
      if (facts.duplicate[k] === 1) duplicates++
      else mine.push(k)
    }
    const task = (k: number): WorkerTask => {
      const id = docIds[k]
      const nearDuplicate: NearDuplicate | null = id ? (clusters.get(id) ?? null) : null
      return {
        kind: 'build',
        input: inputs[k] as Input,
        duplicates: (dupesOf.get(k) ?? []).map((d) => inputs[d]!.path),
        nearDuplicate,
        reference,
      }
    }
    const seen = mine.length + duplicates
    const collectEvery = opts.collectEvery ?? COLLECT_EVERY
    return await atomicRun(
      opts.out,
      guard,
      async (dir, parquet, hashes) => {
        const out = new DatasetWriter(
          dir,
          parquet,
          shard?.index ?? 0,
          hashes,
          opts.formats,
          opts.entitySpillAt,
        )
        out.corrections = corrections
        if (opts.onProgress) {
          const report = opts.onProgress
          out.onEventsWritten = (done, total) => report('events', done, total)
          parquet.onConverted = (done, total) => report('parquet', done, total)
        }
        let done = 0
        opts.onProgress?.('build', 0, mine.length)
        for await (const r of mapBatched(
          mine,
          (ks) => exec.run(ks.map(task)) as Promise<BuildResult[]>,
          window,
        )) {
          // counted apart from the report: `f?.(++done)` skips the increment when there is no `f`
          done++
          opts.onProgress?.('build', done, mine.length)
          if (done % YIELD_EVERY === 0) await tick()
          // V8 would let this thread's heap grow with the corpus (`util/collect.ts`): dropped rows with
          // workers, and with one job the extraction's garbage too (10,000 bench articles at one job:
          // peak RSS 621 -> 522 MB for 2.7% more CPU, since Arrow files stopped queueing their bytes)
          if (done % collectEvery === 0) collectGarbage()
          if (r.kind === 'reject') out.addReject(r.reject)
          else out.addDocument(r.rows, r.rows.entities, r.events)
        }
        // every document is done: the workers' heaps (reference data, a few hundred MB each) are let go
        // before the events, the entity table and Parquet are written
        await exec.close()
        const referenceDate = reference ? formatPartial(reference) : null
        const counts = await out.finish({
          seen,
          duplicates,
          referenceDate,
          referenceSource: opts.referenceDate ? 'option' : latest ? 'corpus' : null,
          skipped,
          corpus: corpusPrint,
          shard: shard ? { ...shard, pipeline: fingerprint() } : null,
          dataset,
        })
        return {
          ...counts,
          inputs: seen,
          duplicates,
          skipped: skipped.length,
          referenceDate,
          nearDuplicateClusters: new Set([...clusters.values()].map((c) => c.cluster)).size,
          cache: cache ? { hits: exec.stats.hits, misses: exec.stats.misses } : null,
          inlineBySize: exec.stats.inlineBySize,
          retriedInline: exec.stats.retriedInline,
          jobs,
        }
      },
      jobs,
    )
  } finally {
    await exec.close()
  }
}
