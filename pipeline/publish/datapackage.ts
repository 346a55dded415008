/**
 * `datapackage.json` (Frictionless Data Package v2), generated from the schemas and the written files:
 * one resource per table and format, each with path, format, media type, encoding, bytes, SHA-256 and a
 * Table Schema (types, descriptions, constraints, primary and foreign keys).
 */
import { existsSync, statSync } from 'node:fs'
import type { TableName } from '../_generated/tables.js'
import type { DatasetMetadata } from '../metadata/dataset.js'
import { type Column, columns, DATA_TABLES, type PropertySchema, tableSchema } from '../schema/tables.js'
import { LIST_DELIMITER } from './cells.js'
import { FileHashes } from './checksums.js'
import { BINARY, DESCRIBED_FILES, FILES, FORMATS, type Format, inside, MEDIA, tableFile } from './layout.js'

export const resourceName = (table: string, format: Format): string =>
  format === 'csv' ? table : `${table}-${format}`

function constraints(c: Column, p: PropertySchema): Record<string, unknown> {
  const k: Record<string, unknown> = {}
  if (!c.nullable) k.required = true
  const en = p.enum?.filter((v) => v !== null)
  if (en && en.length > 0) k.enum = en
  if (p.pattern) k.pattern = p.pattern
  if (p.minimum !== undefined) k.minimum = p.minimum
  if (p.maximum !== undefined) k.maximum = p.maximum
  return k
}

export function fieldDescriptor(c: Column, format: Format): Record<string, unknown> {
  const p = c.schema
  const base: Record<string, unknown> = { name: c.name, description: p.description }
  switch (c.kind) {
    case 'list':
      if (format === 'csv') {
        // a Frictionless reader reads an empty cell as null: the column is declared a string that may be
        // empty, and says that an empty cell is the empty list (list columns are never null; JSON Lines,
        // Arrow and Parquet hold [] itself)
        base.type = 'string'
        base.description = `${p.description} In CSV, items are joined by \`${LIST_DELIMITER}\`; an empty cell is the empty list (this column is never null).`
        // machine-readable: which string columns are lists, and how to split them
        base['x-listDelimiter'] = LIST_DELIMITER
      } else base.type = 'array'
      break
    case 'date':
      base.type = 'date'
      break
    default:
      base.type = c.kind
  }
  const k = constraints(c, p)
  if (c.kind === 'list' && format === 'csv') {
    delete k.enum
    delete k.required
  }
  if (Object.keys(k).length > 0) base.constraints = k
  return base
}

export function tableSchemaDescriptor(table: TableName, format: Format): Record<string, unknown> {
  const s = tableSchema(table)
  const fk = s['x-foreignKeys'].map((f) => ({
    fields: [...f.fields],
    reference: { resource: resourceName(f.reference.resource, format), fields: [...f.reference.fields] },
  }))
  return {
    fields: columns(table).map((c) => fieldDescriptor(c, format)),
    primaryKey: [...s['x-primaryKey']],
    ...(fk.length > 0 ? { foreignKeys: fk } : {}),
    missingValues: format === 'csv' ? [''] : [],
  }
}

/**
 * The manifest of the files in `dir`: every table in each format the build wrote (all four by default),
 * the rejects, and the other files of the layout (`DESCRIBED_FILES`; an optional one only when the run
 * wrote it).
 */
export function dataPackage(
  dir: string,
  info: DatasetMetadata,
  hashes: FileHashes = new FileHashes(),
  formats: readonly Format[] = FORMATS,
): Record<string, unknown> {
  const fileFacts = (dir: string, path: string) => ({
    bytes: statSync(inside(dir, path)).size,
    hash: `sha256:${hashes.of(inside(dir, path))}`,
  })
  const resources: Record<string, unknown>[] = []
  for (const table of DATA_TABLES) {
    const s = tableSchema(table)
    for (const format of FORMATS.filter((f) => formats.includes(f))) {
      const path = tableFile(table, format)
      resources.push({
        name: resourceName(table, format),
        type: 'table',
        path,
        title: `${table} (${format.toUpperCase()})`,
        description: s.description,
        format,
        mediatype: MEDIA[format],
        ...(BINARY.has(format) ? {} : { encoding: 'utf-8' }),
        ...fileFacts(dir, path),
        ...(format === 'csv'
          ? {
              dialect: {
                header: true,
                delimiter: ',',
                lineTerminator: '\n',
                quoteChar: '"',
                doubleQuote: true,
              },
            }
          : {}),
        schema: tableSchemaDescriptor(table, format),
      })
    }
  }
  resources.push({
    name: 'rejects',
    type: 'table',
    path: FILES.rejects,
    title: 'rejects (JSON Lines)',
    description: tableSchema('rejects').description,
    format: 'jsonl',
    mediatype: MEDIA.jsonl,
    encoding: 'utf-8',
    ...fileFacts(dir, FILES.rejects),
    schema: tableSchemaDescriptor('rejects', 'jsonl'),
  })
  for (const f of DESCRIBED_FILES) {
    if (f.optional && !existsSync(inside(dir, f.path))) continue
    resources.push({
      name: f.name,
      path: f.path,
      format: f.format,
      mediatype: MEDIA[f.format],
      encoding: 'utf-8',
      description: f.description,
      ...fileFacts(dir, f.path),
    })
  }
  return {
    $schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
    name: info.name,
    title: info.title,
    description: info.description,
    version: info.version,
    keywords: [...info.keywords],
    licenses: info.licenses.map((l) => ({ ...l })),
    contributors: info.authors.map((a) => ({
      title: a.name,
      ...(a.orcid ? { path: a.orcid } : {}),
      ...(a.email ? { email: a.email } : {}),
      ...(a.affiliation ? { organization: a.affiliation } : {}),
      roles: ['author'],
    })),
    sources: [{ title: info.sources }],
    resources,
  }
}
