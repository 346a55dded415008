/**
 * Row validation with Ajv (draft 2020-12, strict, with formats) against `schemas/`. The schemas' own
 * `x-…` keywords are registered as a vocabulary so strict mode stays on.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js'
import formatsModule from 'ajv-formats'
import { TABLE_NAMES, type TableName, type TableRows } from '../_generated/tables.js'
import { tableSchema } from '../schema/tables.js'

// ajv-formats is CommonJS: under NodeNext its default import is `module.exports`, whose `.default` is the plugin
const addFormats = (formatsModule as unknown as { default: (ajv: Ajv2020) => Ajv2020 }).default

export const EXTENSION_KEYWORDS = [
  'x-arrow',
  'x-csv',
  'x-example',
  'x-primaryKey',
  'x-foreignKeys',
  'x-sortKey',
] as const

export function makeAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true })
  addFormats(ajv)
  ajv.addVocabulary([...EXTENSION_KEYWORDS])
  return ajv
}

export interface RowError {
  readonly table: TableName
  readonly path: string
  readonly message: string
}

export type RowValidator = <T extends TableName>(table: T, row: TableRows[T]) => RowError[]

export function rowValidator(): RowValidator {
  const ajv = makeAjv()
  const compiled = new Map<TableName, ValidateFunction>()
  for (const t of TABLE_NAMES) compiled.set(t, ajv.compile(tableSchema(t)))
  return (table, row) => {
    const v = compiled.get(table)!
    if (v(row)) return []
    return (v.errors ?? []).map((e: ErrorObject) => ({
      table,
      path: e.instancePath || '/',
      message: `${e.message ?? 'invalid'}${e.params && 'allowedValues' in e.params ? ` ${JSON.stringify(e.params.allowedValues)}` : ''}`,
    }))
  }
}
