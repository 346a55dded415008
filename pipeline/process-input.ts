/**
 * What is done to one input in each pass, as plain functions of plain data, so that the same code runs
 * inline (one job) or in a worker thread (several), with identical results.
 *   scan  — pass 1: read, parse, clean; report the document id, the explicit publication date and the
 *           near-duplicate signature;
 *   build — pass 2: parse, clean, enrich, validate; report rows or a reject.
 */

import type { RejectsRow } from './_generated/tables.js'
import type { NearDuplicate } from './corpus/near-duplicates.js'
import { compactSignature } from './corpus/near-duplicates.js'
import {
  type DocumentContext,
  type DocumentRows,
  enrich,
  type Prepared,
  prepare,
  type Rejected,
  sourceInfo,
} from './document.js'
import type { Input } from './inputs.js'
import { MAX_INPUT_BYTES, readInput } from './inputs.js'
import { type SpooledEvents, spoolEvents } from './publish/event-spool.js'
import { PROBLEM_MESSAGES, rejectRow } from './rejects.js'

export interface ScanResult {
  readonly sha256: string | null
  readonly docId: string | null
  /** Last day of the explicit publication period (URL, header, dateline), for the reference date. */
  readonly explicitMax: string | null
  /** First day of the explicit publication period, to order near-duplicates. */
  readonly explicitMin: string | null
  /** Near-duplicate signature as plain arrays (cloneable, JSON-able). */
  readonly bins: number[] | null
  readonly bands: number[] | null
}

export type BuildResult =
  | { readonly kind: 'reject'; readonly reject: RejectsRow }
  | {
      readonly kind: 'document'
      /** The document's rows, its events apart: `rows.events` is empty and `events` holds them. */
      readonly rows: DocumentRows
      /** Its events as the lines of the event spool, written here rather than by the receiving thread. */
      readonly events: SpooledEvents
    }

/** `sha256`: the bytes' hash when the caller has it already (the cache keys on it), so it is computed once. */
function safePrepare(input: Input, bytes: Uint8Array, sha256?: string): Prepared | Rejected {
  const source = sourceInfo(input.path, bytes, sha256)
  try {
    return prepare(source, bytes)
  } catch (e) {
    return { kind: 'reject', reject: internalError(input.path, source.sha256, 'parse', e) }
  }
}

export function internalError(
  path: string,
  sha256: string | null,
  stage: 'parse' | 'enrich',
  e: unknown,
): RejectsRow {
  const msg = e instanceof Error ? `${e.name}: ${e.message}` : String(e)
  return rejectRow({ path, sha256 }, stage, 'internal-error', `the pipeline failed on this file: ${msg}`)
}

const NO_SCAN = { docId: null, explicitMax: null, explicitMin: null, bins: null, bands: null }

export function scanInput(input: Input): ScanResult {
  if (input.problem) return { sha256: null, ...NO_SCAN }
  const r = readInput(input)
  if (!r.ok) return { sha256: null, ...NO_SCAN }
  return scanBytes(input, r.bytes)
}

export function scanBytes(input: Input, bytes: Uint8Array, sha256?: string): ScanResult {
  const p = safePrepare(input, bytes, sha256)
  if (p.kind !== 'prepared') return { sha256: p.reject.source_sha256, ...NO_SCAN }
  const sig = compactSignature(p.body.text)
  return {
    sha256: p.source.sha256,
    docId: p.docId,
    explicitMax: p.explicit?.max ?? null,
    explicitMin: p.explicit?.min ?? null,
    bins: sig ? [...sig.bins] : null,
    bands: sig ? [...sig.bands] : null,
  }
}

const mib = (n: number) => `${(n / 2 ** 20).toFixed(1)} MiB`

export function buildInput(
  input: Input,
  duplicates: readonly string[],
  nearDuplicate: NearDuplicate | null,
  ctx: DocumentContext,
): BuildResult {
  if (input.problem)
    return {
      kind: 'reject',
      reject: rejectRow(
        { path: input.path, sha256: null },
        'read',
        input.problem,
        PROBLEM_MESSAGES[input.problem],
      ),
    }
  const r = readInput(input)
  if (!r.ok && r.tooLarge)
    return {
      kind: 'reject',
      reject: rejectRow(
        { path: input.path, sha256: null },
        'read',
        'too-large',
        `the file is ${mib(r.tooLarge.bytes)}; inputs over ${mib(MAX_INPUT_BYTES)} are not read`,
      ),
    }
  if (!r.ok)
    return {
      kind: 'reject',
      reject: rejectRow(
        { path: input.path, sha256: null },
        'read',
        r.problem ?? 'unreadable',
        `the file could not be read (${r.error})`,
      ),
    }
  return buildBytes(input, r.bytes, duplicates, nearDuplicate, ctx)
}

export function buildBytes(
  input: Input,
  bytes: Uint8Array,
  duplicates: readonly string[],
  nearDuplicate: NearDuplicate | null,
  ctx: DocumentContext,
  sha256?: string,
): BuildResult {
  const p = safePrepare(input, bytes, sha256)
  if (p.kind === 'reject') return p
  try {
    const out = enrich(p, duplicates, ctx, nearDuplicate)
    if (out.kind === 'reject') return out
    const { rows } = out
    return {
      kind: 'document',
      rows: { ...rows, events: [] },
      events: spoolEvents(rows.documents.published, rows.events),
    }
  } catch (e) {
    return { kind: 'reject', reject: internalError(input.path, p.source.sha256, 'enrich', e) }
  }
}
