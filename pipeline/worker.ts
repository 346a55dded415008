/**
 * The worker-thread entry point (piscina), also called inline for one job: runs one pass-1 (`scan`) or
 * pass-2 (`build`) task on one input. The heavy per-document context (outlet list, compiled
 * validators, extractors) is built once per thread. With a cache, the input's bytes are read and
 * hashed first, and a result stored under the same key is returned instead of being recomputed.
 */

import {
  type DocumentsRow,
  type EventsRow,
  type RejectsRow,
  TABLE_NAMES,
  type TableName,
} from './_generated/tables.js'
import { type CacheDescriptor, DocCache } from './cache.js'
import { eventKeyLine } from './corpus/event-clusters.js'
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
import type { SpooledEvents } from './publish/event-spool.js'
import { defaultOutlets } from './reference/outlets.js'
import type { PartialDate } from './types.js'
import { sha256Hex } from './util/hash.js'
import { type RowValidator, rowValidator } from './validate/schema-validator.js'

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

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null
const strOrNull = (v: unknown) => v === null || typeof v === 'string'
const numbersOrNull = (v: unknown) =>
  v === null || (Array.isArray(v) && v.every((x) => typeof x === 'number'))

/** A cached scan result has the shape `scanBytes` returns. */
export function isScanResult(v: unknown): v is ScanResult {
  return (
    isObject(v) &&
    strOrNull(v.sha256) &&
    strOrNull(v.docId) &&
    strOrNull(v.explicitMax) &&
    strOrNull(v.explicitMin) &&
    numbersOrNull(v.bins) &&
    numbersOrNull(v.bands)
  )
}

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string')

/** A document's spooled events: each line an event row valid against its schema, each key its row's. */
function isSpooled(v: unknown, validate: RowValidator): v is SpooledEvents {
  if (!isObject(v) || typeof v.year !== 'string' || !isStrings(v.rows) || !isStrings(v.keys)) return false
  const keys = v.keys
  if (v.rows.length !== keys.length) return false
  try {
    return v.rows.every((line, i) => {
      const parsed = JSON.parse(line) as unknown
      if (!isObject(parsed) || parsed.year !== v.year || !isObject(parsed.row)) return false
      const row = parsed.row as unknown as EventsRow
      return validate('events', row).length === 0 && keys[i] === eventKeyLine(row)
    })
  } catch {
    return false
  }
}

/** A cached build result: a reject row, or a document's rows, each valid against its table's schema. */
export function isBuildResult(v: unknown, validate: RowValidator): v is BuildResult {
  if (!isObject(v)) return false
  if (v.kind === 'reject')
    return isObject(v.reject) && validate('rejects', v.reject as unknown as RejectsRow).length === 0
  if (v.kind !== 'document' || !isObject(v.rows) || !isSpooled(v.events, validate)) return false
  const rows = v.rows
  if (
    !isObject(rows.documents) ||
    validate('documents', rows.documents as unknown as DocumentsRow).length > 0
  )
    return false
  for (const [table, list] of Object.entries(rows)) {
    if (table === 'documents') continue
    if (!Array.isArray(list) || !list.every(isObject)) return false
    // entities are stored without their corpus counts: their full row is checked once counted
    if (table === 'entities' || !(TABLE_NAMES as readonly string[]).includes(table)) continue
    for (const r of list) if (validate(table as TableName, r as never).length > 0) return false
  }
  return true
}

/** The task computed from scratch, from bytes already read (and hashed) when there are some. */
function compute(task: WorkerTask, read?: { bytes: Uint8Array; sha256: string }): ScanResult | BuildResult {
  if (task.kind === 'scan')
    return read ? scanBytes(task.input, read.bytes, read.sha256) : scanInput(task.input)
  const ctx = documentContext(task.reference)
  return read
    ? buildBytes(task.input, read.bytes, task.duplicates, task.nearDuplicate, ctx, read.sha256)
    : buildInput(task.input, task.duplicates, task.nearDuplicate, ctx)
}

/**
 * The pool's entry point: a batch of consecutive tasks in one message, so that handing a worker its
 * work and returning its results cost one message a batch rather than one an input.
 */
export default function runBatch(tasks: readonly WorkerTask[]): TaskResult<ScanResult | BuildResult>[] {
  return tasks.map(runTask)
}

export function runTask(task: WorkerTask): TaskResult<ScanResult | BuildResult> {
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
  const hit =
    task.kind === 'scan'
      ? cache.get(task.kind, key, isScanResult)
      : cache.get(task.kind, key, (v): v is BuildResult => isBuildResult(v, documentContext(null).validator))
  if (hit !== undefined) return { result: hit, cached: true }
  const result = compute(task, { bytes: read.bytes, sha256: sha })
  cache.set(task.kind, key, result)
  return { result, cached: false }
}
