#!/usr/bin/env node
/** `depeches build <input-dir> --out <output-dir>` and `depeches merge`: the command line. Options are checked here once. */
import { existsSync, statSync } from 'node:fs'
import { relative, resolve, sep } from 'node:path'
import { parseArgs } from 'node:util'
import { parseIsoPartial } from './enrich/dates/calendar.js'
import { PipelineError } from './errors.js'
import { describeFault } from './faults.js'
import { merge } from './merge.js'
import { type BuildOptions, type BuildSummary, build, defaultJobs } from './run.js'
import { versions } from './versions.js'

const HELP = `depeches — French press articles to a research dataset

Usage:
  depeches build <input-dir> --out <output-dir> [options]
  depeches merge <shard-output>... --out <output-dir>

Reads every file below <input-dir> (recursively; hidden files skipped), and writes to <output-dir>:
  data/<table>.csv|.jsonl|.arrow   documents, entities, mentions, quotes, temporal_expressions, events,
                                   event_mentions
  rejects.jsonl                    every input that did not become a document, with the reason
  datapackage.json, CODEBOOK.md, manifest.json, SHA256SUMS
The output appears only when complete; an identical rebuild leaves it untouched.

Options:
  --out, -o <dir>             output folder (required)
  --reference-date <date>     YYYY-MM-DD used to resolve "ce jeudi 1er août" when an article has no
                              explicit date (default: the latest explicit date in the corpus)
  --jobs, -j <n>              worker threads (default: one per core); the output is the same for any n
  --cache <dir>               reuse per-article results from earlier runs (incremental rebuilds); a
                              change to the input or to the pipeline's code or data invalidates them
  --shard <k>/<n>             process only partition k (0-based) of n, by document id; combine the
                              n outputs with 'depeches merge' into the dataset a single run gives
  --force                     replace <output-dir> even when it is not the output of an earlier build
                              (by default only a missing or empty folder, or one a build made and
                              nobody added files to, is replaced; never the input or a folder holding it)
  --quiet, -q                 no progress bar and no summary
  --help, -h                  this help
  --version, -v               the pipeline version

Exit status: 0 when the build finished (with or without rejects), 1 when it could not run, 2 on bad usage.
`

type Parsed =
  | { readonly command: 'build'; readonly opts: BuildOptions; readonly quiet: boolean }
  | {
      readonly command: 'merge'
      readonly shards: readonly string[]
      readonly out: string
      readonly quiet: boolean
      readonly force: boolean
    }
  | 'help'
  | 'version'

function parse(argv: string[]): Parsed {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string', short: 'o' },
      'reference-date': { type: 'string' },
      jobs: { type: 'string', short: 'j' },
      cache: { type: 'string' },
      shard: { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
      force: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  })
  if (values.help) return 'help'
  if (values.version) return 'version'
  const [command, ...args] = positionals
  const quiet = values.quiet === true
  if (command === 'merge') {
    if (args.length === 0) throw new PipelineError('E_USAGE', 'no shard outputs given to merge')
    if (!values.out) throw new PipelineError('E_USAGE', '--out <output-dir> is required')
    return { command: 'merge', shards: args, out: values.out, quiet, force: values.force === true }
  }
  if (command !== 'build')
    throw new PipelineError('E_USAGE', command ? `unknown command "${command}"` : 'no command given')
  const [input, ...rest] = args
  if (!input) throw new PipelineError('E_USAGE', 'no input folder given')
  if (rest.length > 0) throw new PipelineError('E_USAGE', `unexpected arguments: ${rest.join(' ')}`)
  if (!values.out) throw new PipelineError('E_USAGE', '--out <output-dir> is required')
  if (!existsSync(input)) throw new PipelineError('E_INPUT_MISSING', `input folder not found: ${input}`)
  if (!statSync(input).isDirectory())
    throw new PipelineError('E_INPUT_NOT_FOLDER', `input is not a folder: ${input}`)
  const r = relative(resolve(input), resolve(values.out))
  if (r === '' || (!r.startsWith('..') && !r.startsWith(sep)))
    throw new PipelineError(
      'E_OUTPUT_INSIDE_INPUT',
      'the output folder must not be inside the input folder (it would be read as input next time)',
    )
  let referenceDate: BuildOptions['referenceDate']
  if (values['reference-date'] !== undefined) {
    const d = parseIsoPartial(values['reference-date'])
    if (!d || d.day === undefined)
      throw new PipelineError(
        'E_BAD_OPTION',
        `--reference-date must be a real day as YYYY-MM-DD, not "${values['reference-date']}"`,
      )
    referenceDate = d
  }
  const jobs = values.jobs === undefined ? defaultJobs() : Number(values.jobs)
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 256)
    throw new PipelineError(
      'E_BAD_OPTION',
      `--jobs must be a whole number from 1 to 256, not "${values.jobs}"`,
    )
  let shard: BuildOptions['shard']
  if (values.shard !== undefined) {
    const m = /^(\d+)\/(\d+)$/.exec(values.shard)
    const [k, n] = m ? [Number(m[1]), Number(m[2])] : [Number.NaN, Number.NaN]
    if (!m || n < 1 || k >= n)
      throw new PipelineError('E_BAD_OPTION', `--shard must be k/n with 0 ≤ k < n, not "${values.shard}"`)
    shard = { index: k, count: n }
  }
  return {
    command: 'build',
    quiet,
    opts: {
      input,
      out: values.out,
      jobs,
      ...(referenceDate ? { referenceDate } : {}),
      ...(values.cache ? { cache: values.cache } : {}),
      ...(shard ? { shard } : {}),
      ...(values.force ? { force: true } : {}),
    },
  }
}

function progressBar(): BuildOptions['onProgress'] {
  if (!process.stderr.isTTY) return undefined
  let last = 0
  return (phase, done, total) => {
    const now = Date.now()
    if (done !== total && now - last < 100) return
    last = now
    const width = 30
    const filled = total ? Math.round((done / total) * width) : width
    const label = phase === 'scan' ? 'scanning ' : 'building '
    process.stderr.write(`\r${label}[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`)
    if (done === total) process.stderr.write('\n')
  }
}

export function formatSummary(s: BuildSummary, seconds: number, out: string): string {
  const lines = [
    `inputs      ${s.inputs}  (= ${s.documents} documents + ${s.duplicates} duplicates + ${s.rejected} rejected)${s.skipped ? `, ${s.skipped} entries skipped (hidden files, linked folders, FIFOs or devices: listed in manifest.json)` : ''}`,
  ]
  for (const [reason, n] of Object.entries(s.rejectsByReason))
    lines.push(`  rejected  ${String(n).padStart(5)}  ${reason}`)
  // per file: what went wrong and what to do, for the first few (rejects.jsonl has them all)
  for (const r of s.rejectExamples) lines.push(`  ✗ ${r.source_file}: ${r.message}\n      → ${r.hint}`)
  if (s.rejected > s.rejectExamples.length)
    lines.push(`  … and ${s.rejected - s.rejectExamples.length} more in rejects.jsonl`)
  lines.push(
    `rows        ${Object.entries(s.rows)
      .map(([t, n]) => `${t} ${n}`)
      .join(', ')}`,
  )
  lines.push(`reference   ${s.referenceDate ?? 'none (no explicit date in the corpus)'}`)
  lines.push(
    `near-dups   ${s.nearDuplicateClusters} clusters of republished texts (kept; see documents.duplicate_cluster)`,
  )
  if (s.cache) lines.push(`cache       ${s.cache.hits} results reused, ${s.cache.misses} computed`)
  lines.push(
    `output      ${out} (${s.output})${s.rejected ? `; see ${out}/rejects.jsonl for what to do about each reject` : ''}`,
  )
  lines.push(`time        ${seconds.toFixed(1)} s`)
  return `${lines.join('\n')}\n`
}

export async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>
  try {
    parsed = parse(argv)
  } catch (e) {
    if (e instanceof PipelineError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`depeches: ${(e as Error).message}\n\n${HELP}`)
      return e instanceof PipelineError && e.code !== 'E_USAGE' ? 1 : 2
    }
    throw e
  }
  if (parsed === 'help') {
    process.stdout.write(HELP)
    return 0
  }
  if (parsed === 'version') {
    process.stdout.write(`${versions().version}\n`)
    return 0
  }
  const t0 = process.hrtime.bigint()
  const seconds = () => Number(process.hrtime.bigint() - t0) / 1e9
  if (parsed.command === 'merge') {
    const m = await merge({ shards: parsed.shards, out: parsed.out, force: parsed.force })
    if (!parsed.quiet)
      process.stderr.write(
        `merged      ${m.shards} shards: ${m.inputs} inputs (= ${m.documents} documents + ${m.duplicates} duplicates + ${m.rejected} rejected)\n` +
          `rows        ${Object.entries(m.rows)
            .map(([t, n]) => `${t} ${n}`)
            .join(', ')}\n` +
          `output      ${parsed.out} (${m.output})\ntime        ${seconds().toFixed(1)} s\n`,
      )
    return 0
  }
  const onProgress = parsed.quiet ? undefined : progressBar()
  const summary = await build({ ...parsed.opts, ...(onProgress ? { onProgress } : {}) })
  if (!parsed.quiet) process.stderr.write(formatSummary(summary, seconds(), parsed.opts.out))
  return 0
}

let settled = false
// A promise that can never settle empties the event loop and Node would exit with status 0, having
// written nothing: say so and fail instead.
process.on('beforeExit', () => {
  if (settled) return
  settled = true
  process.stderr.write('depeches: could not run: the build stopped before it finished (internal error)\n')
  process.exitCode = 1
})

main(process.argv.slice(2)).then(
  (code) => {
    settled = true
    process.exitCode = code
  },
  (e: unknown) => {
    settled = true
    process.stderr.write(`depeches: could not run: ${describeFault(e)}\n`)
    process.exitCode = 1
  },
)
