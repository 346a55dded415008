#!/usr/bin/env node
/** `depeches build <input-dir> --out <output-dir>` and `depeches merge`: the command line. Options are checked here once. */
import { existsSync, mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { dirname, relative, resolve, sep } from 'node:path'
import { parseArgs } from 'node:util'
import { progressBar, progressLog } from './cli/progress.js'
import { parseIsoPartial } from './dates/calendar.js'
import { PipelineError } from './errors.js'
import { describeFault } from './faults.js'
import { FORMATS, type Format, parseFormats } from './publish/layout.js'
import type { BuildOptions, BuildSummary } from './run.js'
import { versions } from './versions.js'

const HELP = `depeches — French press articles to a research dataset

Usage:
  depeches build <input> --out <output-dir> [options]
  depeches merge <shard-output>... --out <output-dir> [--formats <list>] [--summary-json <file>] [--quiet]
  depeches stats <output-dir> [--json]

Reads every file below <input> (a folder, recursively, hidden files skipped; or one file), and writes
to <output-dir>:
  data/<table>.csv|.jsonl|.arrow|.parquet
                                   documents, entities, mentions, quotes, temporal_expressions, events,
                                   event_mentions
  data/by-year/<table>/published_year=<year>/part-<k>.parquet
                                   the document tables partitioned by publication year (with Parquet)
  rejects.jsonl                    every input that did not become a document, with the reason
  datapackage.json, CODEBOOK.md, manifest.json, SHA256SUMS
The output appears only when complete; an identical rebuild leaves it untouched.

Options:
  --out, -o <dir>             output folder (required)
  --reference-date <date>     YYYY-MM-DD used to resolve "ce jeudi 1er août" when an article has no
                              explicit date (default: the latest explicit date in the corpus)
  --jobs, -j <n>|auto         worker threads; 1 runs everything in one thread; auto (the default): one
                              per core, but one per 3.5 MB of input at most, so a small corpus runs in
                              one thread, which is faster for it; the output is the same for any n
  --cache <dir>               reuse per-article results from earlier runs (incremental rebuilds); a
                              change to the input or to the pipeline's code or data invalidates them
  --shard <k>/<n>             process only partition k (0-based) of n, by document id; combine the
                              n outputs with 'depeches merge' into the dataset a single run gives
  --formats <list>            the formats of the tables, comma-separated among csv, jsonl, arrow,
                              parquet (default: all four); 'parquet' alone takes about a tenth of
                              the disk
  --force                     replace <output-dir> even when it is not the output of an earlier build
                              (by default only a missing or empty folder, or one a build made and
                              nobody added files to, is replaced; never the input or a folder holding it)
  --summary-json <file>       also write the run's figures (inputs, documents, duplicates, rejects by
                              reason, rows per table, reference date, time) as JSON to <file>
  --quiet, -q                 no progress bar and no summary
  --json                      (stats) the figures as JSON instead of lines
  --help, -h                  this help
  --version, -v               the pipeline version

'depeches stats <output-dir>' prints what to check first on a built dataset: documents and their
dates, languages, outlets, rows per table, rejects by reason, entities, events, quotes.

Exit status: 0 when the build finished (with or without rejects), 1 when it could not run, 2 on bad usage
(an unknown option, a bad option value: one line names it).
`

type Parsed =
  | {
      readonly command: 'build'
      readonly opts: BuildOptions
      readonly quiet: boolean
      readonly summaryJson: string | null
    }
  | {
      readonly command: 'merge'
      readonly shards: readonly string[]
      readonly out: string
      readonly formats: readonly Format[] | undefined
      readonly quiet: boolean
      readonly force: boolean
      readonly summaryJson: string | null
    }
  | { readonly command: 'stats'; readonly dir: string; readonly json: boolean }
  | 'help'
  | 'version'

const OPTIONS = {
  out: { type: 'string', short: 'o' },
  'reference-date': { type: 'string' },
  jobs: { type: 'string', short: 'j' },
  cache: { type: 'string' },
  shard: { type: 'string' },
  formats: { type: 'string' },
  'summary-json': { type: 'string' },
  json: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  force: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const

const usage = (message: string) => new PipelineError('E_USAGE', message)

/**
 * The options and arguments, read without Node's own error messages: an unknown option, a missing value
 * or a value given to a switch is one line of ours naming it.
 */
function readArgs(argv: string[]) {
  const { values, positionals, tokens } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: false,
    tokens: true,
    options: OPTIONS,
  })
  for (const t of tokens) {
    if (t.kind !== 'option') continue
    const def = (OPTIONS as Record<string, { type: 'string' | 'boolean' }>)[t.name]
    if (!def) throw usage(`unknown option ${t.rawName}`)
    if (def.type === 'boolean' && t.value !== undefined)
      throw usage(`${t.rawName} takes no value, not "${t.value}"`)
    if (def.type === 'string' && (t.value === undefined || (!t.inlineValue && t.value.startsWith('-'))))
      throw usage(`${t.rawName} needs a value${t.value === undefined ? '' : `, not the option ${t.value}`}`)
  }
  return { values: values as { [K in keyof typeof OPTIONS]?: string | boolean }, positionals }
}

const str = (v: string | boolean | undefined): string | undefined => (typeof v === 'string' ? v : undefined)

function parse(argv: string[]): Parsed {
  const { values, positionals } = readArgs(argv)
  if (values.help) return 'help'
  if (values.version) return 'version'
  const [command, ...args] = positionals
  const quiet = values.quiet === true
  const out = str(values.out)
  const summaryJson = str(values['summary-json']) ?? null
  const formatsValue = str(values.formats)
  const formats = formatsValue === undefined ? undefined : parseFormats(formatsValue)
  if (formats === null)
    throw new PipelineError(
      'E_BAD_OPTION',
      `--formats must list some of ${FORMATS.join(', ')} separated by commas, not "${formatsValue}"`,
    )
  if (command === 'stats') {
    const [dir, ...rest] = args
    if (!dir) throw usage('no dataset folder given to stats (the --out folder of a build)')
    if (rest.length > 0) throw usage(`unexpected arguments: ${rest.join(' ')}`)
    return { command: 'stats', dir, json: values.json === true }
  }
  if (command === 'merge') {
    if (args.length === 0) throw usage('no shard outputs given to merge')
    if (!out) throw usage('--out <output-dir> is required')
    return { command: 'merge', shards: args, out, formats, quiet, force: values.force === true, summaryJson }
  }
  if (command !== 'build')
    throw usage(command ? `unknown command "${command}" (build, merge or stats)` : 'no command given')
  const [input, ...rest] = args
  if (!input) throw usage('no input folder or file given')
  if (rest.length > 0) throw usage(`unexpected arguments: ${rest.join(' ')}`)
  if (!out) throw usage('--out <output-dir> is required')
  const opt = { out, 'reference-date': str(values['reference-date']), jobs: str(values.jobs) }
  const cacheDir = str(values.cache)
  const shardValue = str(values.shard)
  let referenceDate: BuildOptions['referenceDate']
  if (opt['reference-date'] !== undefined) {
    const d = parseIsoPartial(opt['reference-date'])
    if (!d || d.day === undefined)
      throw new PipelineError(
        'E_BAD_OPTION',
        `--reference-date must be a real day as YYYY-MM-DD, not "${opt['reference-date']}"`,
      )
    referenceDate = d
  }
  const jobs = opt.jobs === undefined || opt.jobs === 'auto' ? 'auto' : Number(opt.jobs)
  if (jobs !== 'auto' && (!Number.isInteger(jobs) || jobs < 1 || jobs > 256))
    throw new PipelineError(
      'E_BAD_OPTION',
      `--jobs must be a whole number from 1 to 256, or auto, not "${opt.jobs}"`,
    )
  let shard: BuildOptions['shard']
  if (shardValue !== undefined) {
    const m = /^(\d+)\/(\d+)$/.exec(shardValue)
    const [k, n] = m ? [Number(m[1]), Number(m[2])] : [Number.NaN, Number.NaN]
    if (!m || n < 1 || k >= n)
      throw new PipelineError('E_BAD_OPTION', `--shard must be k/n with 0 ≤ k < n, not "${shardValue}"`)
    shard = { index: k, count: n }
  }
  if (!existsSync(input)) throw new PipelineError('E_INPUT_MISSING', `input not found: ${input}`)
  const st = statSync(input)
  if (!st.isDirectory() && !st.isFile())
    throw new PipelineError('E_INPUT_NOT_FOLDER', `input is neither a folder nor a file: ${input}`)
  const r = relative(resolve(input), resolve(opt.out))
  if (r === '' || (!r.startsWith('..') && !r.startsWith(sep)))
    throw new PipelineError(
      'E_OUTPUT_INSIDE_INPUT',
      'the output folder must not be inside the input folder (it would be read as input next time)',
    )
  return {
    command: 'build',
    quiet,
    summaryJson,
    opts: {
      input,
      out: opt.out,
      jobs,
      ...(referenceDate ? { referenceDate } : {}),
      ...(cacheDir ? { cache: cacheDir } : {}),
      ...(shard ? { shard } : {}),
      ...(formats ? { formats } : {}),
      ...(values.force === true ? { force: true } : {}),
    },
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
  lines.push(`jobs        ${s.jobs === 1 ? '1 (one thread)' : `${s.jobs} worker threads`}`)
  if (s.cache) lines.push(`cache       ${s.cache.hits} results reused, ${s.cache.misses} computed`)
  lines.push(
    `output      ${out} (${s.output})${s.rejected ? `; see ${out}/rejects.jsonl for what to do about each reject` : ''}`,
  )
  lines.push(`time        ${seconds.toFixed(1)} s`)
  return `${lines.join('\n')}\n`
}

/** Writes the run's figures as JSON (for scripts and pipelines), through a temporary file. */
function writeSummaryJson(path: string, figures: Record<string, unknown>): void {
  mkdirSync(dirname(resolve(path)), { recursive: true })
  const tmp = `${path}.tmp-${process.pid}`
  writeFileSync(tmp, `${JSON.stringify(figures, null, 2)}\n`)
  renameSync(tmp, path)
}

export async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>
  try {
    parsed = parse(argv)
  } catch (e) {
    if (e instanceof PipelineError) {
      // bad usage: one line naming what is wrong, never the whole help
      const bad = e.code === 'E_USAGE' || e.code === 'E_BAD_OPTION'
      process.stderr.write(`depeches: ${e.message}${bad ? ' (see --help)' : ''}\n`)
      return bad ? 2 : 1
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
  // the pipeline's modules (Arrow, Parquet, worker pool…) are loaded only for a command that uses them,
  // so that help and usage errors answer at once
  if (parsed.command === 'stats') {
    const { formatStats, statsFigures } = await import('./cli/stats.js')
    const f = await statsFigures(parsed.dir)
    process.stdout.write(parsed.json ? `${JSON.stringify(f, null, 2)}\n` : formatStats(f))
    return 0
  }
  const t0 = process.hrtime.bigint()
  const seconds = () => Number(process.hrtime.bigint() - t0) / 1e9
  if (parsed.command === 'merge') {
    const { merge } = await import('./merge.js')
    const m = await merge({
      shards: parsed.shards,
      out: parsed.out,
      force: parsed.force,
      ...(parsed.formats ? { formats: parsed.formats } : {}),
    })
    if (parsed.summaryJson)
      writeSummaryJson(parsed.summaryJson, { command: 'merge', out: parsed.out, ...m, seconds: seconds() })
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
  // a bar on a terminal; in a log, a line a minute (a short build prints none)
  const onProgress = parsed.quiet ? undefined : process.stderr.isTTY ? progressBar() : progressLog()
  const { build } = await import('./run.js')
  const summary = await build({ ...parsed.opts, ...(onProgress ? { onProgress } : {}) })
  if (parsed.summaryJson)
    writeSummaryJson(parsed.summaryJson, {
      command: 'build',
      input: parsed.opts.input,
      out: parsed.opts.out,
      ...summary,
      seconds: seconds(),
    })
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
