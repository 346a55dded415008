/**
 * The worker-thread entry point (piscina): runs one pass-1 or pass-2 task on one input. The heavy
 * per-document context (outlet list, compiled validators, extractors) is built once per thread.
 */
import type { NearDuplicate } from './corpus/near-duplicates.js'
import type { DocumentContext } from './document.js'
import { EXTRACTORS } from './enrich/extractors.js'
import type { Input } from './inputs.js'
import { type BuildResult, buildInput, type ScanResult, scanInput } from './process-input.js'
import { defaultOutlets } from './reference/outlets.js'
import type { PartialDate } from './types.js'
import { rowValidator } from './validate/schema-validator.js'

export type WorkerTask =
  | { readonly kind: 'scan'; readonly input: Input }
  | {
      readonly kind: 'build'
      readonly input: Input
      readonly duplicates: readonly string[]
      readonly nearDuplicate: NearDuplicate | null
      readonly reference: PartialDate | null
    }

let shared: Omit<DocumentContext, 'reference'> | undefined

export function documentContext(reference: PartialDate | null): DocumentContext {
  shared ??= { outlets: defaultOutlets(), extractors: EXTRACTORS, validator: rowValidator() }
  return { ...shared, reference }
}

export default function runTask(task: WorkerTask): ScanResult | BuildResult {
  if (task.kind === 'scan') return scanInput(task.input)
  return buildInput(task.input, task.duplicates, task.nearDuplicate, documentContext(task.reference))
}
