/**
 * Every entity an event row or an event-mention row names is among the document's entities, so the
 * document passes its integrity check instead of being rejected. A mention may be placed where its
 * event is not: a place the gazetteer does not know (`la localité de Pont-Sondé`) that only a mention
 * uses must be kept. Found on a million bench articles, where 4,327 articles (0.4%) were rejected for it.
 */
import { describe, expect, it } from 'vitest'
import { type DocumentContext, enrich, prepare, sourceInfo } from '../../../pipeline/document.js'
import { EXTRACTORS } from '../../../pipeline/enrich/extractors.js'
import { defaultOutlets } from '../../../pipeline/reference/outlets.js'
import { rowValidator } from '../../../pipeline/validate/schema-validator.js'

const ctx: DocumentContext = {
  outlets: defaultOutlets(),
  extractors: EXTRACTORS,
  validator: rowValidator(),
  reference: null,
}

// two real sentences (seeds and development set), one paragraph each
const TEXT = `Les rebelles ont profité des conditions naturelles pour tendre un piège aux mercenaires. « Des troupes aéroportées russes ont débarqué à Kharkiv [...] et attaqué un hôpital » local, ont déclaré les forces armées ukrainiennes dans un communiqué sur Telegram.

Le nombre de morts suite à l'attaque d'un gang criminel dans la localité de Pont-Sondé en Haïti, le 3 octobre dernier, a atteint 115.
`

describe('entities of events and of their mentions', () => {
  it('keeps the unnamed place of a mention whose event is placed elsewhere', () => {
    const bytes = new TextEncoder().encode(TEXT)
    const p = prepare(sourceInfo('fragment.txt', bytes), bytes)
    if (p.kind !== 'prepared') throw new Error('not prepared')
    const out = enrich(p, [], ctx, null)
    if (out.kind === 'reject') throw new Error(out.reject.details.join('; '))
    const { entities, events, event_mentions } = out.rows
    const ids = new Set(entities.map((e) => e.entity_id))
    const named = [
      ...events.flatMap((e) => [e.location_entity_id, ...e.actor_entity_ids, ...e.target_entity_ids]),
      ...event_mentions.map((m) => m.location_entity_id),
    ].filter((id): id is string => id !== null)
    expect(named.filter((id) => !ids.has(id))).toEqual([])
    // the place of the Haitian sentence is there, named as written
    const pontSonde = entities.find((e) => e.name === 'Pont-Sondé')
    expect(pontSonde?.type).toBe('place')
    expect(event_mentions.some((m) => m.location_entity_id === pontSonde?.entity_id)).toBe(true)
  })
})
