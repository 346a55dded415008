/** The validate stage for one document's rows: the tables' schemas, and integrity within the document. */
import type { EntitiesRow } from '../_generated/tables.js'
import type { DocumentRows } from '../document.js'
import type { RowValidator } from './schema-validator.js'

/**
 * An entity of the document as a full row (`{ ...row, n_documents: 1, n_mentions: 1 }`: the same keys
 * in the same order), its keys copied one by one: the spread took V8's generic path, nearly half of
 * this function's own time (2,000 articles).
 */
function counted(row: DocumentRows['entities'][number]): EntitiesRow {
  const from = row as Readonly<Record<string, unknown>>
  const out: Record<string, unknown> = {}
  for (const k of Object.keys(from)) out[k] = from[k]
  out.n_documents = 1
  out.n_mentions = 1
  return out as unknown as EntitiesRow
}

export /** Schema errors and, within the document, referential integrity (every entity id is defined). */
function validateRows(r: DocumentRows, validate: RowValidator): string[] {
  const errs: string[] = []
  const push = (table: string, i: number, list: { path: string; message: string }[]) => {
    for (const e of list) errs.push(`schema: ${table}[${i}]${e.path} ${e.message}`)
  }
  push('documents', 0, validate('documents', r.documents))
  for (const [i, row] of r.mentions.entries()) push('mentions', i, validate('mentions', row))
  for (const [i, row] of r.quotes.entries()) push('quotes', i, validate('quotes', row))
  for (const [i, row] of r.temporal_expressions.entries())
    push('temporal_expressions', i, validate('temporal_expressions', row))
  for (const [i, row] of r.events.entries()) push('events', i, validate('events', row))
  for (const [i, row] of r.event_mentions.entries())
    push('event_mentions', i, validate('event_mentions', row))
  for (const [i, row] of r.entities.entries()) push('entities', i, validate('entities', counted(row)))
  const ids = new Set(r.entities.map((e) => e.entity_id))
  const check = (table: string, id: string | null | undefined) => {
    if (id != null && !ids.has(id)) errs.push(`integrity: ${table} refers to unknown entity ${id}`)
  }
  for (const m of r.mentions) check('mentions', m.entity_id)
  for (const q of r.quotes) check('quotes', q.speaker_entity_id)
  for (const e of r.events) {
    check('events', e.location_entity_id)
    for (const a of e.actor_entity_ids) check('events', a)
    for (const a of e.target_entity_ids) check('events', a)
  }
  // every mention tells an event of the document; every event has its mentions, and the ones it
  // names as the source of its date, place and toll are among them
  const eventIds = new Set(r.events.map((e) => e.event_id))
  const mentionsOf = new Map<string, Set<string>>()
  for (const m of r.event_mentions) {
    check('event_mentions', m.location_entity_id)
    if (!eventIds.has(m.event_id))
      errs.push(`integrity: event_mentions refers to unknown event ${m.event_id}`)
    const set = mentionsOf.get(m.event_id) ?? new Set<string>()
    set.add(m.event_mention_id)
    mentionsOf.set(m.event_id, set)
  }
  for (const e of r.events) {
    const mine = mentionsOf.get(e.event_id)
    if (!mine || mine.size !== e.n_mentions)
      errs.push(`integrity: event ${e.event_id} has ${mine?.size ?? 0} mentions, not ${e.n_mentions}`)
    for (const id of [e.date_mention_id, e.location_mention_id, e.fatalities_mention_id])
      if (id !== null && !mine?.has(id))
        errs.push(`integrity: event ${e.event_id} refers to unknown mention ${id}`)
  }
  return errs.sort((a, b) =>
    a.startsWith('integrity') === b.startsWith('integrity') ? 0 : a.startsWith('integrity') ? -1 : 1,
  )
}
