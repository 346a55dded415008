/**
 * The worker-thread entry point (piscina), also called inline for one job: runs one pass-1 (`scan`) or
 * pass-2 (`build`) task on one input. The heavy per-document context (outlet list, compiled
 * validators, extractors) is built once per thread. With a cache, the input's bytes are read and
 * hashed first, and a result stored under the same key is returned instead of being recomputed.
 */
import { type CacheDescriptor, DocCache } from './cache.js'
import type { NearDuplicate } from './corpus/near-duplicates.js'
import type { DocumentContext } from './document.js'
import { EXTRACTORS } from './enrich/extractors.js'
import { type Input, readInput } from './inputs.js'
import {
  type BuildResult,
  buildBytes,
  buildInput,
  type ScanResult,
  scanBytes,
  scanInput,
} from './process-input.js'
import { defaultOutlets } from './reference/outlets.js'
import type { PartialDate } from './types.js'
import { sha256Hex } from './util/hash.js'
import { rowValidator } from './validate/schema-validator.js'

export type WorkerTask = (
  | { readonly kind: 'scan'; readonly input: Input }
  | {
      readonly kind: 'build'
      readonly input: Input
      readonly duplicates: readonly string[]
      readonly nearDuplicate: NearDuplicate | null
      readonly reference: PartialDate | null
    }
) & { readonly cache?: CacheDescriptor }

export interface TaskResult<R> {
  readonly result: R
  readonly cached: boolean
}

let shared: Omit<DocumentContext, 'reference'> | undefined

export function documentContext(reference: PartialDate | null): DocumentContext {
  shared ??= { outlets: defaultOutlets(), extractors: EXTRACTORS, validator: rowValidator() }
  return { ...shared, reference }
}

const caches = new Map<string, DocCache>()
const openCache = (d: CacheDescriptor): DocCache => {
  const key = `${d.dir}\u0000${d.fingerprint}`
  let c = caches.get(key)
  if (!c) {
    c = new DocCache(d.dir, d.fingerprint)
    caches.set(key, c)
  }
  return c
}

/** The task computed from scratch, from bytes already read when there are some. */
function compute(task: WorkerTask, bytes?: Uint8Array): ScanResult | BuildResult {
  if (task.kind === 'scan') return bytes ? scanBytes(task.input, bytes) : scanInput(task.input)
  const ctx = documentContext(task.reference)
  return bytes
    ? buildBytes(task.input, bytes, task.duplicates, task.nearDuplicate, ctx)
    : buildInput(task.input, task.duplicates, task.nearDuplicate, ctx)
}

export default function runTask(task: WorkerTask): TaskResult<ScanResult | BuildResult> {
  const read = task.cache && !task.input.problem ? readInput(task.input) : null
  // no cache, or nothing to key it on (a problem input, an unreadable file): compute, which rejects
  if (!task.cache || !read?.ok) return { result: compute(task), cached: false }
  const cache = openCache(task.cache)
  const sha = sha256Hex(read.bytes)
  // everything a result depends on besides the pipeline itself (already in the fingerprint)
  const key =
    task.kind === 'scan'
      ? cache.key('scan', sha, task.input.path)
      : cache.key(
          'build',
          sha,
          task.input.path,
          JSON.stringify(task.reference),
          task.duplicates.join('\u001e'),
          JSON.stringify(task.nearDuplicate),
        )
  const hit = cache.get<ScanResult | BuildResult>(task.kind, key)
  if (hit !== undefined) return { result: hit, cached: true }
  const result = compute(task, read.bytes)
  cache.set(task.kind, key, result)
  return { result, cached: false }
}
