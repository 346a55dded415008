/**
 * A researcher's corrections, kept beside the inputs so that they survive every rebuild:
 * `corrections.csv` at the top of the input folder, one correction a row —
 * `table,id,field,value,reason,source` (the row's primary key value, the column to set, its new value as
 * the CSV of the dataset writes it: empty for null, lists joined by `|`; why, and on what authority).
 * Checked before the build (an unknown table or column, a key column, a value of the wrong type, a
 * missing reason stop the run with the line named); applied to the rows after extraction, as they are
 * written; listed with the value they replaced in the output's `corrections.jsonl` — and a correction
 * whose id names no row is listed there as not applied, never dropped silently.
 */
import { existsSync, lstatSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import Papa from 'papaparse'
import { PipelineError } from '../errors.js'
import { type Column, columns, DATA_TABLES, type DataTable, tableSchema } from '../schema/tables.js'

export const CORRECTIONS_FILE = 'corrections.csv'
const HEADER = ['table', 'id', 'field', 'value', 'reason', 'source'] as const

export interface Correction {
  readonly line: number
  readonly table: DataTable
  readonly id: string
  readonly field: string
  /** The value as given (CSV text). */
  readonly given: string
  readonly value: unknown
  readonly reason: string
  readonly source: string
}

export interface CorrectionReport {
  readonly line: number
  readonly table: string
  readonly id: string
  readonly field: string
  readonly value: unknown
  readonly previous: unknown
  readonly applied: boolean
  readonly reason: string
  readonly source: string
}

function typed(c: Column, text: string, where: string): unknown {
  if (text === '') {
    if (c.kind === 'list') return []
    if (!c.nullable) throw new PipelineError('E_CORRECTIONS', `${where}: ${c.name} cannot be empty (null)`)
    return null
  }
  switch (c.kind) {
    case 'integer':
    case 'number': {
      const n = Number(text)
      if (!Number.isFinite(n) || (c.kind === 'integer' && !Number.isInteger(n)))
        throw new PipelineError('E_CORRECTIONS', `${where}: ${c.name} must be a ${c.kind}, not "${text}"`)
      return n
    }
    case 'boolean':
      if (text !== 'true' && text !== 'false')
        throw new PipelineError('E_CORRECTIONS', `${where}: ${c.name} must be true or false, not "${text}"`)
      return text === 'true'
    case 'list':
      return text.split('|')
    default: {
      const p = c.schema
      const allowed = p.enum?.filter((v) => v !== null)
      if (allowed && allowed.length > 0 && !allowed.includes(text))
        throw new PipelineError(
          'E_CORRECTIONS',
          `${where}: ${c.name} must be one of ${allowed.join(', ')}, not "${text}"`,
        )
      if (p.pattern && !new RegExp(p.pattern).test(text))
        throw new PipelineError('E_CORRECTIONS', `${where}: ${c.name} must match ${p.pattern}, not "${text}"`)
      return text
    }
  }
}

/** The corrections in `text` (the contents of a corrections.csv), checked; throws naming the bad line. */
export function parseCorrections(text: string, file = CORRECTIONS_FILE): Correction[] {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter: ',', skipEmptyLines: true })
  const [header, ...rows] = parsed.data
  if (!header || HEADER.some((h, i) => header[i]?.trim() !== h))
    throw new PipelineError('E_CORRECTIONS', `${file}: the first line must be ${HEADER.join(',')}`)
  const seen = new Set<string>()
  return rows.map((r, i) => {
    const where = `${file} line ${i + 2}`
    const [table = '', id = '', field = '', given = '', reason = '', source = ''] = r
    if (!(DATA_TABLES as readonly string[]).includes(table))
      throw new PipelineError(
        'E_CORRECTIONS',
        `${where}: unknown table "${table}" (${DATA_TABLES.join(', ')})`,
      )
    const t = table as DataTable
    const col = columns(t).find((c) => c.name === field)
    if (!col) throw new PipelineError('E_CORRECTIONS', `${where}: ${table} has no column "${field}"`)
    const key = tableSchema(t)['x-primaryKey']
    if (key.includes(field))
      throw new PipelineError(
        'E_CORRECTIONS',
        `${where}: ${field} is the key of ${table}: it cannot be corrected`,
      )
    if (id === '')
      throw new PipelineError('E_CORRECTIONS', `${where}: no id (the ${key.join(', ')} of the row)`)
    if (reason.trim() === '') throw new PipelineError('E_CORRECTIONS', `${where}: no reason given`)
    const k = `${table}\0${id}\0${field}`
    if (seen.has(k))
      throw new PipelineError('E_CORRECTIONS', `${where}: ${table} ${id} ${field} is corrected twice`)
    seen.add(k)
    return { line: i + 2, table: t, id, field, given, value: typed(col, given, where), reason, source }
  })
}

/** The corrections of an input folder (none for a single file, or without the file). */
export function readCorrections(input: string): Corrections {
  const file = join(input, CORRECTIONS_FILE)
  if (!lstatSync(input).isDirectory() || !existsSync(file)) return new Corrections([])
  return new Corrections(
    parseCorrections(readFileSync(file, 'utf8'), `${CORRECTIONS_FILE} of the input folder`),
  )
}

/** Applies corrections to rows as they are written, and remembers what each replaced. */
export class Corrections {
  private readonly byTable = new Map<DataTable, Map<string, Correction[]>>()
  private readonly previous = new Map<Correction, unknown>()
  constructor(readonly list: readonly Correction[]) {
    for (const c of list) {
      let m = this.byTable.get(c.table)
      if (!m) {
        m = new Map()
        this.byTable.set(c.table, m)
      }
      const l = m.get(c.id)
      if (l) l.push(c)
      else m.set(c.id, [c])
    }
  }

  /** The row with its corrections, or the row itself when none applies. */
  apply<R extends object>(table: DataTable, row: R): R {
    const m = this.byTable.get(table)
    if (!m) return row
    const key = tableSchema(table)['x-primaryKey'][0]!
    const list = m.get(String((row as Record<string, unknown>)[key]))
    if (!list) return row
    const out = { ...row } as Record<string, unknown>
    for (const c of list) {
      if (!this.previous.has(c)) this.previous.set(c, out[c.field] ?? null)
      out[c.field] = c.value
    }
    return out as R
  }

  /** Whether a correction names a row of `table`. */
  touches(table: DataTable): boolean {
    return this.byTable.has(table)
  }

  applyAll<R extends object>(table: DataTable, rows: readonly R[]): R[] {
    return this.byTable.has(table) ? rows.map((r) => this.apply(table, r)) : [...rows]
  }

  /** Every correction, in file order: applied (with the value it replaced) or not (its id names no row). */
  report(): CorrectionReport[] {
    return this.list.map((c) => ({
      line: c.line,
      table: c.table,
      id: c.id,
      field: c.field,
      value: c.value,
      previous: this.previous.has(c) ? this.previous.get(c) : null,
      applied: this.previous.has(c),
      reason: c.reason,
      source: c.source,
    }))
  }
}

/**
 * The corrections reports of the shards of one build, as one: the shards read the same corrections.csv,
 * so each lists every correction; a correction is applied when some shard applied it (the row was
 * there), with the value it replaced there. Throws when the shards list different corrections.
 */
export function mergeCorrectionReports(
  reports: readonly (readonly CorrectionReport[])[],
): CorrectionReport[] {
  const key = (c: CorrectionReport) => `${c.line}\u001f${c.table}\u001f${c.id}\u001f${c.field}`
  const given = reports.filter((r) => r.length > 0)
  if (given.length === 0) return []
  const first = given[0]!
  const merged = new Map(first.map((c) => [key(c), c]))
  for (const r of given.slice(1)) {
    if (r.length !== first.length || r.some((c) => !merged.has(key(c))))
      throw new PipelineError(
        'E_MERGE',
        'the shards were built with different corrections.csv files: rebuild them from one input folder',
      )
    for (const c of r) if (c.applied && !merged.get(key(c))!.applied) merged.set(key(c), c)
  }
  return first.map((c) => merged.get(key(c))!)
}
