/**
 * The event ontology in the codebook: `pipeline/reference/events/ontology.json` (written with the event
 * extractor) mapped to PLOVER and CAMEO. Read defensively: when the file is missing or has another shape,
 * the codebook simply has no ontology section, and the build goes on.
 */
import { existsSync, readFileSync } from 'node:fs'
import { repoFile } from '../util/paths.js'

interface OntologyType {
  readonly type: string
  readonly label?: string
  readonly code?: string | null
  readonly mode?: string | null
  readonly cameo?: string | null
  readonly physical?: boolean
  readonly violent?: boolean
  readonly description?: string
}
interface Ontology {
  readonly version?: string
  readonly ontology?: string
  readonly source?: string
  readonly notes?: readonly string[]
  readonly types: readonly OntologyType[]
}

export const ONTOLOGY_FILE = 'pipeline/reference/events/ontology.json'

export function readOntology(path = repoFile(ONTOLOGY_FILE)): Ontology | null {
  if (!existsSync(path)) return null
  try {
    const o = JSON.parse(readFileSync(path, 'utf8')) as Partial<Ontology>
    if (!Array.isArray(o.types) || !o.types.every((t) => typeof t?.type === 'string')) return null
    return o as Ontology
  } catch {
    return null
  }
}

const cell = (v: unknown) =>
  v === null || v === undefined || v === '' ? '—' : String(v).replace(/\|/g, '\\|').replace(/\n/g, ' ')
const yes = (v: boolean | undefined) => (v === undefined ? '—' : v ? 'yes' : 'no')

export function ontologySection(path?: string): string | null {
  const o = readOntology(path)
  if (!o) return null
  let md = '## Event ontology (`events.event_type`)\n\n'
  md += `Each \`event_type\` maps to ${o.ontology ? `the ${o.ontology} category (\`code\`) and mode` : 'a category'} and to a CAMEO code, so that the events can be compared with GDELT, ICEWS or ACLED-style data.`
  md += `${o.version ? ` Ontology version \`${o.version}\`.` : ''}\n\n`
  if (o.source) md += `Source: ${o.source}\n\n`
  for (const n of o.notes ?? []) md += `- ${n}\n`
  if ((o.notes ?? []).length > 0) md += '\n'
  md +=
    '| event_type | label | PLOVER code | mode | CAMEO | at a place | can carry fatalities | description |\n'
  md += '|---|---|---|---|---|---|---|---|\n'
  for (const t of o.types)
    md += `| \`${t.type}\` | ${cell(t.label)} | ${cell(t.code)} | ${cell(t.mode)} | ${cell(t.cameo)} | ${yes(t.physical)} | ${yes(t.violent)} | ${cell(t.description)} |\n`
  return md
}
