/** Shared record types that travel between stages. Table row types are generated: see `_generated/tables.ts`. */

/** A span of text. Inside the pipeline spans count UTF-16 code units; they are converted to code points on publish. */
export interface Span {
  readonly start: number
  readonly end: number
}

export type Stage = 'read' | 'parse' | 'clean' | 'enrich' | 'validate' | 'publish'

/**
 * The phases of a build, in order: pass 1 over the inputs, pass 2 over the documents, the event rows
 * written once their corpus-level clusters are known, the Parquet files still being converted.
 */
export type BuildPhase = 'scan' | 'build' | 'events' | 'parquet'

/** Told how far a phase is: `done` of `total` (files, or event rows); called with 0 done when it starts. */
export type ProgressFn = (phase: BuildPhase, done: number, total: number) => void
export type Severity = 'info' | 'warning' | 'error'

/** A message attached to a document by a stage, in the manner of vfile-message: errors are data, not exceptions. */
export interface Message {
  readonly stage: Stage
  readonly ruleId: string
  readonly severity: Severity
  readonly reason: string
  readonly place?: Span
  readonly actual?: string
  readonly expected?: readonly string[]
}

export type Precision = 'day' | 'month' | 'year'

/** A calendar date known to some precision: month and day are absent when the source does not give them. */
export interface PartialDate {
  readonly year: number
  readonly month?: number
  readonly day?: number
}

export interface SourceInfo {
  /** Path relative to the input folder, `/`-separated. */
  readonly path: string
  readonly sha256: string
  readonly bytes: number
}

/** The input stays pinned to each record as it moves from stage to stage. */
export interface Envelope<T> {
  readonly source: SourceInfo
  readonly record: T
  readonly messages: readonly Message[]
}

export const message = (
  stage: Stage,
  ruleId: string,
  severity: Severity,
  reason: string,
  place?: Span,
): Message => (place ? { stage, ruleId, severity, reason, place } : { stage, ruleId, severity, reason })

export const hasError = (messages: readonly Message[]): boolean =>
  messages.some((m) => m.severity === 'error')
