/**
 * The file a worker thread runs: the compiled JavaScript beside the calling module, also when the
 * caller is TypeScript run by the test runner (workers always run the build in `build/`).
 */
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** `name` (e.g. `worker.js`) in the folder of the module at `callerUrl` (its `import.meta.url`). */
export function workerFile(callerUrl: string, name: string): string {
  const here = fileURLToPath(callerUrl)
  if (!here.endsWith('.ts')) return resolve(here, '..', name)
  // …/pipeline/publish/x.ts → …/build/pipeline/publish/<name>
  const k = here.lastIndexOf('/pipeline/')
  return resolve(`${here.slice(0, k)}/build${here.slice(k)}`, '..', name)
}
