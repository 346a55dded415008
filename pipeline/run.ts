/**
 * The orchestration of a build: discover inputs, two streaming passes over them, publish.
 *   pass 1 (corpus facts): parse and clean every input to learn its document id (for duplicates) and its
 *          explicit publication date (for the reference date that resolves `ce jeudi 1er août`);
 *   pass 2 (documents): parse, clean, enrich and validate each input, appending rows to the writers.
 * Per-document work is `document.ts`; rows are appended as they come, so memory does not grow with the
 * corpus (only the id → path index of pass 1 and the entity table do).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { EntitiesRow, RejectsRow } from './_generated/tables.js'
import {
  type DocumentContext,
  enrich,
  prepare,
  type RejectReason,
  rejectRow,
  sourceInfo,
} from './document.js'
import { formatPartial, parseIsoPartial } from './enrich/dates/calendar.js'
import { EXTRACTORS } from './enrich/extractors.js'
import { discover, type Input, PROBLEM_MESSAGES, readInput } from './inputs.js'
import { codebook } from './publish/codebook.js'
import { atomicRun } from './publish/output.js'
import { TableWriter } from './publish/table-writer.js'
import { defaultOutlets } from './reference/outlets.js'
import { DATA_TABLES, type DataTable } from './schema/tables.js'
import type { PartialDate } from './types.js'
import { rowValidator } from './validate/schema-validator.js'
import { versions } from './versions.js'

export interface BuildOptions {
  readonly input: string
  readonly out: string
  /** Resolves weekday expressions without a year; defaults to the corpus's latest explicit date. */
  readonly referenceDate?: PartialDate
  readonly onProgress?: (phase: 'scan' | 'build', done: number, total: number) => void
}

export interface BuildSummary {
  readonly inputs: number
  readonly documents: number
  readonly duplicates: number
  readonly rejected: number
  readonly rejectsByReason: Readonly<Record<string, number>>
  /** The first rejects in input order (all of them are in `rejects.jsonl`), for the summary. */
  readonly rejectExamples: readonly Pick<RejectsRow, 'source_file' | 'reason' | 'message' | 'hint'>[]
  readonly skipped: number
  readonly rows: Readonly<Record<string, number>>
  readonly referenceDate: string | null
  readonly output: 'created' | 'replaced' | 'unchanged'
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
const MAX_REJECT_EXAMPLES = 20

export async function build(opts: BuildOptions): Promise<BuildSummary> {
  const input = resolve(opts.input)
  const { inputs, skipped } = discover(input)
  const outlets = defaultOutlets()

  // pass 1: corpus facts
  const pathsById = new Map<string, string[]>()
  let latest: string | null = null
  let k = 0
  for (const inp of inputs) {
    opts.onProgress?.('scan', ++k, inputs.length)
    if (inp.problem) continue
    const r = readInput(inp)
    if (!r.ok) continue
    const p = safePrepare(inp, r.bytes)
    if (p.kind !== 'prepared') continue
    const list = pathsById.get(p.docId)
    if (list) list.push(inp.path)
    else pathsById.set(p.docId, [inp.path])
    if (p.explicit && (latest === null || p.explicit.max > latest)) latest = p.explicit.max
    if (k % 64 === 0) await tick()
  }
  const reference = opts.referenceDate ?? (latest ? parseIsoPartial(latest) : null)

  // pass 2: documents, written as they come
  return atomicRun(opts.out, async (dir) => {
    mkdirSync(join(dir, 'data'), { recursive: true })
    const writers = Object.fromEntries(
      DATA_TABLES.map((t) => [
        t,
        new TableWriter(t, {
          csv: join(dir, 'data', `${t}.csv`),
          jsonl: join(dir, 'data', `${t}.jsonl`),
          arrow: join(dir, 'data', `${t}.arrow`),
        }),
      ]),
    ) as { [T in DataTable]: TableWriter<T> }
    const rejects: string[] = []
    const byReason: Record<string, number> = {}
    const rejectExamples: BuildSummary['rejectExamples'][number][] = []
    const addReject = (r: RejectsRow) => {
      rejects.push(JSON.stringify(r))
      // hostile-input work (issue 4): the summary names the first few files and what to do about them
      if (rejectExamples.length < MAX_REJECT_EXAMPLES)
        rejectExamples.push({
          source_file: r.source_file,
          reason: r.reason,
          message: r.message,
          hint: r.hint,
        })
      byReason[r.reason] = (byReason[r.reason] ?? 0) + 1
    }
    const entities = new Map<
      string,
      { row: Omit<EntitiesRow, 'n_documents' | 'n_mentions'>; docs: number; mentions: number }
    >()
    const ctx: DocumentContext = { reference, outlets, extractors: EXTRACTORS, validator: rowValidator() }
    let documents = 0
    let duplicates = 0
    k = 0
    for (const inp of inputs) {
      opts.onProgress?.('build', ++k, inputs.length)
      if (k % 64 === 0) await tick()
      if (inp.problem) {
        addReject(
          rejectRow({ path: inp.path, sha256: null }, 'read', inp.problem, PROBLEM_MESSAGES[inp.problem]),
        )
        continue
      }
      const r = readInput(inp)
      if (!r.ok) {
        addReject(
          rejectRow(
            { path: inp.path, sha256: null },
            'read',
            'unreadable',
            `the file could not be read (${r.error})`,
          ),
        )
        continue
      }
      const p = safePrepare(inp, r.bytes)
      if (p.kind === 'reject') {
        addReject(p.reject)
        continue
      }
      const same = pathsById.get(p.docId) ?? [inp.path]
      if (same[0] !== inp.path) {
        duplicates++
        continue
      }
      let out: ReturnType<typeof enrich>
      try {
        out = enrich(p, same.slice(1), ctx)
      } catch (e) {
        out = { kind: 'reject', reject: internalError(inp.path, p.source.sha256, 'enrich', e) }
      }
      if (out.kind === 'reject') {
        addReject(out.reject)
        continue
      }
      documents++
      const rows = out.rows
      writers.documents.append([rows.documents])
      writers.mentions.append(rows.mentions)
      writers.quotes.append(rows.quotes)
      writers.temporal_expressions.append(rows.temporal_expressions)
      writers.events.append(rows.events)
      const counts = new Map<string, number>()
      for (const m of rows.mentions) counts.set(m.entity_id, (counts.get(m.entity_id) ?? 0) + 1)
      for (const e of rows.entities) {
        const acc = entities.get(e.entity_id) ?? { row: e, docs: 0, mentions: 0 }
        acc.docs += counts.has(e.entity_id) ? 1 : 0
        acc.mentions += counts.get(e.entity_id) ?? 0
        entities.set(e.entity_id, acc)
      }
    }
    const entityRows = [...entities.keys()].sort(cmp).map((id) => {
      const e = entities.get(id)!
      return { ...e.row, n_documents: e.docs, n_mentions: e.mentions }
    })
    writers.entities.append(entityRows)
    for (const t of DATA_TABLES) await writers[t].close()
    writeFileSync(join(dir, 'rejects.jsonl'), rejects.map((l) => `${l}\n`).join(''))
    const rows = Object.fromEntries(DATA_TABLES.map((t) => [t, writers[t].rows]))
    const examples = new Map(DATA_TABLES.map((t) => [t, writers[t].examples as ReadonlyMap<string, unknown>]))
    writeFileSync(join(dir, 'CODEBOOK.md'), codebook(examples))
    const summary = {
      inputs: inputs.length,
      documents,
      duplicates,
      rejected: rejects.length,
      rejectsByReason: Object.fromEntries(Object.entries(byReason).sort(([a], [b]) => cmp(a, b))),
      rejectExamples,
      skipped: skipped.length,
      rows,
      referenceDate: reference ? formatPartial(reference) : null,
    }
    const manifest = {
      pipeline: versions(),
      reference_date: {
        value: summary.referenceDate,
        source: opts.referenceDate ? 'option' : latest ? 'corpus' : null,
      },
      inputs: {
        seen: inputs.length,
        documents,
        duplicates,
        rejected: rejects.length,
        reconciled: inputs.length === documents + duplicates + rejects.length,
      },
      rejects_by_reason: summary.rejectsByReason,
      skipped: skipped.map((s) => ({ path: s.path, why: s.why })),
      rows,
    }
    writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
    return summary
  })
}

function safePrepare(inp: Input, bytes: Uint8Array): ReturnType<typeof prepare> {
  const source = sourceInfo(inp.path, bytes)
  try {
    return prepare(source, bytes)
  } catch (e) {
    return { kind: 'reject', reject: internalError(inp.path, source.sha256, 'parse', e) }
  }
}

function internalError(path: string, sha256: string, stage: 'parse' | 'enrich', e: unknown): RejectsRow {
  const reason: RejectReason = 'internal-error'
  const msg = e instanceof Error ? `${e.name}: ${e.message}` : String(e)
  return rejectRow({ path, sha256 }, stage, reason, `the pipeline failed on this file: ${msg}`)
}

const tick = () => new Promise<void>((r) => setImmediate(r))
