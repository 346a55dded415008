/** `CODEBOOK.md`: every table and column, from the schemas, with a real example value from the data. */
import type { TableName } from '../_generated/tables.js'
import { type Column, columns, DATA_TABLES, tableSchema } from '../schema/tables.js'
import { LIST_DELIMITER } from './cells.js'
import { ontologySection } from './ontology.js'

/**
 * Units of the numeric columns. The schemas have no unit keyword yet (an `x-unit` there wins when it
 * appears); until then the units follow from the dataset's conventions, one rule per column name.
 */
const UNITS: Readonly<Record<string, string>> = {
  start: 'Unicode code points',
  end: 'Unicode code points',
  raw_start: 'bytes',
  raw_end: 'bytes',
  n_chars: 'Unicode code points',
  n_words: 'words',
  n_sentences: 'sentences',
  sentence_index: 'sentences (0-based)',
  latitude: 'decimal degrees (WGS 84)',
  longitude: 'decimal degrees (WGS 84)',
  fatalities: 'people',
  confidence: 'score in [0, 1]',
  n_documents: 'documents',
  n_mentions: 'mentions',
}
const unitOf = (c: Column): string => {
  const own = (c.schema as { 'x-unit'?: unknown })['x-unit']
  if (typeof own === 'string') return own
  if (c.kind === 'date') return 'calendar day (ISO 8601)'
  return c.kind === 'integer' || c.kind === 'number' ? (UNITS[c.name] ?? '—') : '—'
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ')
const typeLabel = (t: TableName, name: string): string => {
  const c = columns(t).find((x) => x.name === name)!
  const base =
    c.kind === 'list'
      ? `list<string> (CSV: joined by \`${LIST_DELIMITER}\`; a \`${LIST_DELIMITER}\` or \`%\` inside an item is written \`%7C\` / \`%25\`)`
      : c.kind
  return `${base}${c.dictionary ? ', dictionary' : ''}${c.nullable ? ', nullable' : ''}`
}

/** A Markdown code span holding `s` whatever backticks it contains (CommonMark: a longer fence, padded). */
export function codeSpan(s: string): string {
  let longest = 0
  for (const run of s.match(/`+/g) ?? []) longest = Math.max(longest, run.length)
  const fence = '`'.repeat(longest + 1)
  const pad = s.startsWith('`') || s.endsWith('`') ? ' ' : ''
  return `${fence}${pad}${s}${pad}${fence}`
}

export function exampleText(v: unknown): string {
  if (v === undefined) return '—'
  const s = JSON.stringify(v)
  return codeSpan(s.length > 60 ? `${s.slice(0, 57)}…` : s)
}

export function codebook(
  examples: ReadonlyMap<string, ReadonlyMap<string, unknown>>,
  extraSections: readonly string[] = [],
): string {
  let md = '# Codebook\n\n'
  md +=
    'Generated from `schemas/*.schema.json` by the pipeline; examples are the first non-null value of each column in this build.\n\n'
  md += '## Conventions\n\n'
  md +=
    '- Offsets (`start`, `end`) count Unicode code points in `documents.text`, end exclusive: `text[start:end]` in Python gives the surface back.\n'
  md +=
    '- `raw_start`/`raw_end` are byte offsets into the original input file, traced back through every cleaning step.\n'
  md +=
    '- Dates are ISO 8601 at the precision the source supports (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`), with a `*_precision` column. No day is ever invented.\n'
  md += `- CSV: RFC 4180, UTF-8, \`\\n\` line ends, null as an empty cell, lists joined by \`${LIST_DELIMITER}\` (list columns are never null: an empty cell in a list column is the empty list); a text cell starting with \`=\`, \`+\`, \`-\`, \`@\`, tab or carriage return is prefixed with \`'\` so spreadsheets do not run it as a formula (JSONL and Arrow hold the value unchanged).\n`
  md += '- Ids are derived from content (SHA-256), so they are stable across runs and machines.\n\n'
  for (const t of [...DATA_TABLES, 'rejects'] as const) {
    const s = tableSchema(t)
    md += `## ${t}\n\n${s.description}\n\n`
    md += `- Primary key: \`${s['x-primaryKey'].join(', ')}\`\n- Rows sorted by: ${s['x-sortKey'].map((k) => `\`${k}\``).join(', ')}\n`
    for (const f of s['x-foreignKeys'])
      md += `- Foreign key: \`${f.fields.join(', ')}\` → \`${f.reference.resource}.${f.reference.fields.join(', ')}\`\n`
    md += '\n| column | type | unit | description | allowed values | example |\n|---|---|---|---|---|---|\n'
    const ex = examples.get(t)
    for (const c of columns(t)) {
      const p = c.schema
      const allowed = [
        p.enum
          ? p.enum
              .filter((v) => v !== null)
              .map((v) => `\`${v}\``)
              .join(', ')
          : '',
        p.pattern ? `pattern \`${p.pattern}\`` : '',
        p.minimum !== undefined ? `≥ ${p.minimum}` : '',
        p.maximum !== undefined ? `≤ ${p.maximum}` : '',
      ]
        .filter(Boolean)
        .join('; ')
      md += `| \`${c.name}\` | ${cell(typeLabel(t, c.name))} | ${unitOf(c)} | ${cell(p.description)} | ${cell(allowed) || '—'} | ${cell(exampleText(ex?.get(c.name)))} |\n`
    }
    md += '\n'
  }
  const ontology = ontologySection()
  if (ontology) md += `${ontology.trimEnd()}\n\n`
  for (const x of extraSections) md += `${x.trimEnd()}\n\n`
  return md
}
