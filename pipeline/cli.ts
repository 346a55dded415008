#!/usr/bin/env node
/** `depeches build <input-dir> --out <output-dir>`: the command line. Options are checked here once. */
import { existsSync, statSync } from 'node:fs'
import { relative, resolve, sep } from 'node:path'
import { parseArgs } from 'node:util'
import { parseIsoPartial } from './enrich/dates/calendar.js'
import { PipelineError } from './errors.js'
import { type BuildOptions, type BuildSummary, build } from './run.js'
import { versions } from './versions.js'

const HELP = `depeches — French press articles to a research dataset

Usage:
  depeches build <input-dir> --out <output-dir> [options]

Reads every file below <input-dir> (recursively; hidden files skipped), and writes to <output-dir>:
  data/<table>.csv|.jsonl|.arrow   documents, entities, mentions, quotes, temporal_expressions, events
  rejects.jsonl                    every input that did not become a document, with the reason
  datapackage.json, CODEBOOK.md, manifest.json, SHA256SUMS
The output appears only when complete; an identical rebuild leaves it untouched.

Options:
  --out, -o <dir>             output folder (required)
  --reference-date <date>     YYYY-MM-DD used to resolve "ce jeudi 1er août" when an article has no
                              explicit date (default: the latest explicit date in the corpus)
  --quiet, -q                 no progress bar and no summary
  --help, -h                  this help
  --version, -v               the pipeline version

Exit status: 0 when the build finished (with or without rejects), 1 when it could not run, 2 on bad usage.
`

function parse(argv: string[]): { opts: BuildOptions; quiet: boolean } | 'help' | 'version' {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string', short: 'o' },
      'reference-date': { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  })
  if (values.help) return 'help'
  if (values.version) return 'version'
  const [command, input, ...rest] = positionals
  if (command !== 'build')
    throw new PipelineError('E_USAGE', command ? `unknown command "${command}"` : 'no command given')
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
  const quiet = values.quiet === true
  return { quiet, opts: { input, out: values.out, ...(referenceDate ? { referenceDate } : {}) } }
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
  const onProgress = parsed.quiet ? undefined : progressBar()
  const summary = await build({ ...parsed.opts, ...(onProgress ? { onProgress } : {}) })
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9
  if (!parsed.quiet) process.stderr.write(formatSummary(summary, seconds, parsed.opts.out))
  return 0
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (e: unknown) => {
    process.stderr.write(`depeches: could not run: ${e instanceof Error ? e.message : String(e)}\n`)
    process.exitCode = 1
  },
)
