/**
 * The sides of a joint event named after `entre` (`des affrontements entre X et Y`, `un accord
 * bilatéral entre X et Y`): the first side acts, the second is the other side.
 */
import { describe, expect, it } from 'vitest'
import { extractEvents } from '../../../pipeline/enrich/events/index.js'
import { type EntitySpec, eventsOf, idOf, inputOf, ofType, soFarOf } from './fixtures.js'

const RUSSIE: EntitySpec = { name: 'Russie', type: 'country', surfaces: ['Russie'], country_code: 'RU' }
const TOGO: EntitySpec = { name: 'Togo', type: 'country', surfaces: ['Togo'], country_code: 'TG' }

describe('entre X et Y', () => {
  it('gives an agreement between two countries to the first as actor and the second as target', () => {
    const ev = eventsOf(
      'Un nouvel accord bilatéral entre la Russie et le Togo, ratifié le 25 octobre, prévoit la formation de l’armée togolaise.',
      [RUSSIE, TOGO],
    )
    const e = ofType(ev, 'agreement')!
    expect(e.actor_entity_ids).toEqual([idOf('Russie')])
    expect(e.target_entity_ids).toEqual([idOf('Togo')])
  })

  it('reads both sides of a clash between groups the text does not name', () => {
    const text =
      'Des affrontements entre forces de l\'ordre et manifestants criant "Ali doit partir" ont éclaté juste après la proclamation des résultats.'
    const out = extractEvents(inputOf(text), soFarOf(text, []))
    const name = (id: string) => out.entities?.find((x) => x.entity_id === id)?.name
    const e = ofType(out.events ?? [], 'fight')!
    expect(e.actor_entity_ids.map(name)).toEqual(["forces de l'ordre"])
    expect(e.target_entity_ids.map(name)).toEqual(['manifestants'])
  })

  it('leaves the subject reading alone without `entre`', () => {
    const ev = eventsOf('La Russie a signé un accord avec le Togo.', [RUSSIE, TOGO])
    const e = ofType(ev, 'agreement')!
    expect(e.actor_entity_ids).toEqual([idOf('Russie')])
    expect(e.target_entity_ids).toEqual([idOf('Togo')])
  })
})

describe('acronyms in parentheses', () => {
  it('keeps the body left named by its acronym in the clause of the withdrawal', () => {
    const ev = eventsOf(
      "Les trois pays ont annoncé leur retrait de la Communauté des Etats d'Afrique de l'ouest (Cedeao) qu'ils accusent d'être inféodée à Paris.",
      [
        { name: "Afrique de l'Ouest", type: 'place', surfaces: ["Afrique de l'ouest"] },
        { name: 'Cedeao', type: 'organization', surfaces: ['Cedeao'] },
        { name: 'Paris', type: 'place', surfaces: ['Paris'], country_code: 'FR' },
      ],
    )
    expect(ofType(ev, 'withdrawal')!.target_entity_ids).toContain(idOf('Cedeao'))
  })

  it('does not name an entity twice through its acronym', () => {
    const FAMA: EntitySpec = {
      name: 'Forces armées maliennes',
      type: 'organization',
      surfaces: ['Forces Armées Maliennes', 'FAMa'],
    }
    const ev = eventsOf(
      "La Russie a réaffirmé hier son soutien au Mali en annonçant l'envoi d'une aide d’urgence aux Forces Armées Maliennes (FAMa).",
      [RUSSIE, { name: 'Mali', type: 'country', surfaces: ['Mali'], country_code: 'ML' }, FAMA],
    )
    expect(ofType(ev, 'support')!.actor_entity_ids).toEqual([idOf('Russie')])
  })
})
