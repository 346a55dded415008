/**
 * The validate stage checks a document's entities as full rows (with counts of one): a valid entity
 * passes, a broken one is reported with its index and column, and an unknown key is refused.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { DocumentRows } from '../../pipeline/document.js'
import { validateRows } from '../../pipeline/validate/document-rows.js'
import { rowValidator } from '../../pipeline/validate/schema-validator.js'
import { repo } from '../helpers.js'

const rowsOf = (table: string): Record<string, unknown>[] =>
  readFileSync(join(repo, 'dist', 'data', `${table}.jsonl`), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>)

/** The rows of the committed dataset's first document, its entities without their corpus counts. */
function firstDocument(): DocumentRows {
  const doc = rowsOf('documents')[0]!
  const mine = <T>(table: string) => rowsOf(table).filter((r) => r.doc_id === doc.doc_id) as T[]
  const mentions = mine<DocumentRows['mentions'][number]>('mentions')
  const ids = new Set(mentions.map((m) => m.entity_id))
  const entities = rowsOf('entities')
    .filter((e) => ids.has(e.entity_id as string))
    .map(({ n_documents: _d, n_mentions: _m, ...e }) => e) as unknown as DocumentRows['entities']
  return {
    documents: doc as unknown as DocumentRows['documents'],
    mentions,
    quotes: mine('quotes'),
    temporal_expressions: mine('temporal_expressions'),
    events: mine('events'),
    event_mentions: mine('event_mentions'),
    entities,
  }
}

describe('validateRows', () => {
  const validate = rowValidator()

  it("passes a real document's rows, entities without their counts", () => {
    const r = firstDocument()
    expect(r.entities.length).toBeGreaterThan(0)
    expect(validateRows(r, validate)).toEqual([])
  })

  it('reports a broken entity by index and column, and a key no column has', () => {
    const r = firstDocument()
    const [first, ...rest] = r.entities
    const broken = { ...first!, entity_id: 'ent_not-an-id', surplus: 1 }
    const errors = validateRows({ ...r, entities: [broken, ...rest] }, validate)
    expect(errors).toContain('schema: entities[0]/entity_id must match pattern "^ent_[0-9a-f]{16}$"')
    expect(errors).toContain('schema: entities[0]/ must NOT have additional properties')
    // the mentions of the renamed entity now refer to an unknown one
    expect(errors.some((e) => e.startsWith('integrity: mentions refers to unknown entity'))).toBe(true)
  })
})
