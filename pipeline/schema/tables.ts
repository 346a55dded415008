/**
 * The table schemas (`schemas/<table>.schema.json`, JSON Schema 2020-12) and what is derived from
 * them: column order, nullability, list columns, Arrow types. Nothing about a column is declared
 * anywhere else.
 */
import { readFileSync } from 'node:fs'
import { TABLE_NAMES, type TableName } from '../_generated/tables.js'
import { repoFile } from '../util/paths.js'

export interface PropertySchema {
  readonly type: string | readonly string[]
  readonly description: string
  readonly enum?: readonly (string | null)[]
  readonly format?: string
  readonly pattern?: string
  readonly minimum?: number
  readonly maximum?: number
  readonly items?: PropertySchema
  readonly 'x-arrow'?: 'dictionary' | 'int32' | 'int64' | 'date'
  readonly 'x-csv'?: string
  readonly 'x-example'?: unknown
}

export interface ForeignKey {
  readonly fields: readonly string[]
  readonly reference: { readonly resource: string; readonly fields: readonly string[] }
}

export interface TableSchema {
  readonly $id: string
  readonly title: TableName
  readonly description: string
  readonly required: readonly string[]
  readonly properties: Readonly<Record<string, PropertySchema>>
  readonly 'x-primaryKey': readonly string[]
  readonly 'x-sortKey': readonly string[]
  readonly 'x-foreignKeys': readonly ForeignKey[]
}

export type ColumnKind = 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'list'

export interface Column {
  readonly name: string
  readonly kind: ColumnKind
  readonly nullable: boolean
  readonly dictionary: boolean
  readonly int64: boolean
  readonly schema: PropertySchema
}

/** The published data tables, in the order of the contract. `rejects` is published apart. */
export const DATA_TABLES = [
  'documents',
  'entities',
  'mentions',
  'quotes',
  'temporal_expressions',
  'events',
  'event_mentions',
] as const satisfies readonly TableName[]
export type DataTable = (typeof DATA_TABLES)[number]

const cache = new Map<TableName, TableSchema>()

export function tableSchema(name: TableName): TableSchema {
  let s = cache.get(name)
  if (!s) {
    s = JSON.parse(readFileSync(repoFile(`schemas/${name}.schema.json`), 'utf8')) as TableSchema
    cache.set(name, s)
  }
  return s
}

export const allSchemas = (): TableSchema[] => TABLE_NAMES.map(tableSchema)

function kindOf(p: PropertySchema): ColumnKind {
  const types = [p.type].flat().filter((t) => t !== 'null')
  const t = types[0]
  if (types.length !== 1 || t === undefined)
    throw new Error(`column type must be one JSON type (plus null): ${JSON.stringify(p.type)}`)
  if (t === 'array') return 'list'
  if (t === 'string' && (p.format === 'date' || p['x-arrow'] === 'date')) return 'date'
  if (t === 'string' || t === 'integer' || t === 'number' || t === 'boolean') return t
  throw new Error(`unsupported column type ${t}`)
}

export function columns(name: TableName): Column[] {
  const s = tableSchema(name)
  return Object.entries(s.properties).map(([col, p]) => ({
    name: col,
    kind: kindOf(p),
    nullable: [p.type].flat().includes('null'),
    dictionary: p['x-arrow'] === 'dictionary',
    int64: p['x-arrow'] === 'int64',
    schema: p,
  }))
}
