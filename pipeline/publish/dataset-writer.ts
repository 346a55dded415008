/**
 * Writes a dataset into a (staging) folder as rows arrive: the six tables in every format, rejects,
 * the codebook and the manifest. `build` feeds it documents as they are processed; `merge` feeds it the
 * rows of shard outputs in the same order; both give the same bytes for the same rows.
 */
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import type { EntitiesRow, RejectsRow } from '../_generated/tables.js'
import type { DocumentRows } from '../document.js'
import { DATA_TABLES, type DataTable } from '../schema/tables.js'
import { versions } from '../versions.js'
import { codebook } from './codebook.js'
import { TableWriter } from './table-writer.js'

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
export const MAX_REJECT_EXAMPLES = 20

type EntityCore = Omit<EntitiesRow, 'n_documents' | 'n_mentions'>

export interface RunFacts {
  readonly seen: number
  readonly duplicates: number
  readonly referenceDate: string | null
  readonly referenceSource: 'option' | 'corpus' | null
  readonly skipped: readonly { path: string; why: string }[]
  /** For a shard of a larger run: which one. */
  readonly shard: { readonly index: number; readonly count: number } | null
}

export interface DatasetCounts {
  readonly documents: number
  readonly rejected: number
  readonly rejectsByReason: Readonly<Record<string, number>>
  readonly rejectExamples: readonly Pick<RejectsRow, 'source_file' | 'reason' | 'message' | 'hint'>[]
  readonly rows: Readonly<Record<string, number>>
}

export class DatasetWriter {
  private readonly writers: { [T in DataTable]: TableWriter<T> }
  private readonly rejectsFd: number
  private readonly entities = new Map<string, { row: EntityCore; docs: number; mentions: number }>()
  private documents = 0
  private rejected = 0
  private readonly byReason: Record<string, number> = {}
  private readonly rejectExamples: DatasetCounts['rejectExamples'][number][] = []

  constructor(private readonly dir: string) {
    mkdirSync(join(dir, 'data'), { recursive: true })
    this.writers = Object.fromEntries(
      DATA_TABLES.map((t) => [
        t,
        new TableWriter(t, {
          csv: join(dir, 'data', `${t}.csv`),
          jsonl: join(dir, 'data', `${t}.jsonl`),
          arrow: join(dir, 'data', `${t}.arrow`),
        }),
      ]),
    ) as { [T in DataTable]: TableWriter<T> }
    this.rejectsFd = openSync(join(dir, 'rejects.jsonl'), 'w')
  }

  addDocument(rows: Omit<DocumentRows, 'entities'>, entities: readonly EntityCore[]): void {
    this.documents++
    this.writers.documents.append([rows.documents])
    this.writers.mentions.append(rows.mentions)
    this.writers.quotes.append(rows.quotes)
    this.writers.temporal_expressions.append(rows.temporal_expressions)
    this.writers.events.append(rows.events)
    const counts = new Map<string, number>()
    for (const m of rows.mentions) counts.set(m.entity_id, (counts.get(m.entity_id) ?? 0) + 1)
    for (const e of entities) this.addEntity(e, counts.has(e.entity_id) ? 1 : 0, counts.get(e.entity_id) ?? 0)
  }

  /** An entity with counts to add (a shard's entity row, when merging). */
  addEntity(row: EntityCore, docs: number, mentions: number): void {
    const acc = this.entities.get(row.entity_id)
    if (acc) {
      acc.docs += docs
      acc.mentions += mentions
    } else this.entities.set(row.entity_id, { row, docs, mentions })
  }

  addReject(r: RejectsRow): void {
    this.rejected++
    writeSync(this.rejectsFd, `${JSON.stringify(r)}\n`)
    if (this.rejectExamples.length < MAX_REJECT_EXAMPLES)
      this.rejectExamples.push({
        source_file: r.source_file,
        reason: r.reason,
        message: r.message,
        hint: r.hint,
      })
    this.byReason[r.reason] = (this.byReason[r.reason] ?? 0) + 1
  }

  /** Writes the entity table, closes every file, writes the codebook and the manifest. */
  async finish(facts: RunFacts): Promise<DatasetCounts> {
    const entityRows = [...this.entities.keys()].sort(cmp).map((id) => {
      const e = this.entities.get(id)!
      const { n_documents: _d, n_mentions: _m, ...core } = e.row as EntitiesRow
      return { ...core, n_documents: e.docs, n_mentions: e.mentions } as EntitiesRow
    })
    this.writers.entities.append(entityRows)
    for (const t of DATA_TABLES) await this.writers[t].close()
    closeSync(this.rejectsFd)
    const rows = Object.fromEntries(DATA_TABLES.map((t) => [t, this.writers[t].rows]))
    const examples = new Map(
      DATA_TABLES.map((t) => [t, this.writers[t].examples as ReadonlyMap<string, unknown>]),
    )
    writeFileSync(join(this.dir, 'CODEBOOK.md'), codebook(examples))
    const rejectsByReason = Object.fromEntries(Object.entries(this.byReason).sort(([a], [b]) => cmp(a, b)))
    const manifest = {
      pipeline: versions(),
      ...(facts.shard ? { shard: facts.shard } : {}),
      reference_date: { value: facts.referenceDate, source: facts.referenceSource },
      inputs: {
        seen: facts.seen,
        documents: this.documents,
        duplicates: facts.duplicates,
        rejected: this.rejected,
        reconciled: facts.seen === this.documents + facts.duplicates + this.rejected,
      },
      rejects_by_reason: rejectsByReason,
      skipped: facts.skipped.map((s) => ({ path: s.path, why: s.why })),
      rows,
    }
    writeFileSync(join(this.dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
    return {
      documents: this.documents,
      rejected: this.rejected,
      rejectsByReason,
      rejectExamples: this.rejectExamples,
      rows,
    }
  }
}
