/**
 * A full garbage collection on demand, for the thread that receives the workers' rows.
 *
 * V8 grows a heap lazily: it raises the old generation's limit as long as the program allocates, and
 * collects it fully only when that limit is reached. The main thread of a build allocates mostly garbage
 * (the rows cloned from the workers, appended to the writers, then dropped), so its heap — and the
 * process's resident size — kept growing with the corpus although what it holds does not: on 30,000
 * bench articles at two jobs the heap reached 187 MB for about 60 MB live. Collecting every few thousand
 * documents keeps it at its live size.
 *
 * The collector is reached the way jest's leak detector reaches it: the `--expose-gc` flag set for as long
 * as it takes to fetch `gc` from a new context, then unset. If the flag cannot be set, there is none, and
 * V8's own schedule applies.
 */
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

function fetchCollector(): (() => void) | null {
  const present = (globalThis as { gc?: () => void }).gc
  if (typeof present === 'function') return present
  try {
    setFlagsFromString('--expose-gc')
    const gc = runInNewContext('gc') as unknown
    return typeof gc === 'function' ? (gc as () => void) : null
  } catch {
    return null
  } finally {
    setFlagsFromString('--no-expose-gc')
  }
}

let collector: (() => void) | null | undefined

/** Runs a full collection; false when this process offers none. */
export function collectGarbage(): boolean {
  if (collector === undefined) collector = fetchCollector()
  if (collector === null) return false
  collector()
  return true
}
