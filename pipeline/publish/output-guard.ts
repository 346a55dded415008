/**
 * What `--out` may replace. A build replaces its output folder as a whole, so it must never take a folder
 * that is not its own: only a missing folder, an empty one, or one a previous build made (its
 * `manifest.json` names this pipeline and its `SHA256SUMS` lists every file in it — a file the user added
 * since makes it theirs again). Never the input folder or one of its ancestors, whatever `force` says.
 */
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs'
import { relative, resolve, sep } from 'node:path'
import { PipelineError } from '../errors.js'
import { outputFiles } from './atomic.js'
import { FILES, inside } from './layout.js'

export const OUTPUT_MARKER = { manifest: FILES.manifest, sums: FILES.sums, pipeline: 'depeches' } as const

/** `inner` is `outer` or lies below it (both resolved). */
export function isWithin(inner: string, outer: string): boolean {
  const r = relative(resolve(outer), resolve(inner))
  return r === '' || (!r.startsWith(`..${sep}`) && r !== '..' && !r.startsWith(sep))
}

/** Whether the file is the manifest of a build of this pipeline. */
export function isOutputManifest(path: string): boolean {
  try {
    const m = JSON.parse(readFileSync(path, 'utf8')) as { pipeline?: { name?: unknown } } | null
    return m?.pipeline?.name === OUTPUT_MARKER.pipeline
  } catch {
    return false
  }
}

/** Whether `dir` is the complete output of an earlier build, and nothing else. Reasons when not. */
export function ownOutputProblem(dir: string): string | null {
  const manifestPath = inside(dir, OUTPUT_MARKER.manifest)
  const sumsPath = inside(dir, OUTPUT_MARKER.sums)
  if (!existsSync(manifestPath) || !existsSync(sumsPath))
    return 'it has no manifest.json and SHA256SUMS of a depeches build'
  let name: unknown
  try {
    name = (JSON.parse(readFileSync(manifestPath, 'utf8')) as { pipeline?: { name?: unknown } }).pipeline
      ?.name
  } catch {
    return 'its manifest.json is not the manifest of a depeches build'
  }
  if (name !== OUTPUT_MARKER.pipeline) return 'its manifest.json is not the manifest of a depeches build'
  const listed = new Set(
    readFileSync(sumsPath, 'utf8')
      .split('\n')
      .filter((l) => l.length > 0)
      .map((l) => l.replace(/^[0-9a-f]{64} {2}/, '')),
  )
  listed.add(OUTPUT_MARKER.sums)
  // a build killed while swapping its output in can leave its marker there: `recover()` drops it
  const foreign = outputFiles(dir).filter((f) => !listed.has(f))
  if (foreign.length > 0)
    return `it holds ${foreign.length} file${foreign.length > 1 ? 's' : ''} no build wrote (${foreign
      .slice(0, 3)
      .join(', ')}${foreign.length > 3 ? ', …' : ''})`
  return null
}

export interface GuardOptions {
  /** Folders the output must never contain or be: the input, shard outputs being merged. */
  readonly protect: readonly string[]
  /** Replace a folder that is not a build's output (never an input or its ancestor). */
  readonly force?: boolean
}

/** Throws a `PipelineError` with a clear message when `out` must not be replaced. */
export function assertReplaceable(out: string, opts: GuardOptions): void {
  for (const p of opts.protect) {
    if (isWithin(p, out))
      throw new PipelineError(
        'E_OUTPUT_CONTAINS_INPUT',
        `--out ${out} is ${resolve(p) === resolve(out) ? 'the input itself' : `a folder that contains the input ${p}`}: the build replaces its output folder whole, so it would delete the input; choose another folder`,
      )
  }
  let st: ReturnType<typeof lstatSync>
  try {
    st = lstatSync(out)
  } catch {
    return // nothing there: created
  }
  if (st.isSymbolicLink())
    throw new PipelineError(
      'E_OUTPUT_NOT_OURS',
      `--out ${out} is a symbolic link; give the folder it points to`,
    )
  if (!st.isDirectory())
    throw new PipelineError(
      'E_OUTPUT_NOT_OURS',
      `--out ${out} exists and is not a folder; refusing to replace it`,
    )
  if (readdirSync(out).length === 0 || opts.force) return
  const problem = ownOutputProblem(out)
  if (problem)
    throw new PipelineError(
      'E_OUTPUT_NOT_OURS',
      `--out ${out} exists and is not the output of an earlier build (${problem}); the build would replace it whole, so it refuses: choose a new or empty folder, move those files away, or pass --force to replace it anyway`,
    )
}
