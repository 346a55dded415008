/**
 * Who a violent event struck, named apart from its verb: after an identifier in its sentence, or in a
 * sentence about its victim that follows it.
 */
import { describe, expect, it } from 'vitest'
import { type EntitySpec, eventsOf, idOf, PUBLISHED } from './fixtures.js'

const HEZBOLLAH: EntitySpec = {
  name: 'Hezbollah',
  type: 'organization',
  surfaces: ['Hezbollah'],
  country_code: 'LB',
}
const KOUSSAN: EntitySpec = { name: 'Ali Koussan', type: 'person', surfaces: ['Ali Koussan'] }
const ISRAEL: EntitySpec = { name: 'Israël', type: 'country', surfaces: ['israélienne'], country_code: 'IL' }
const MONTH = { ...PUBLISHED, value: '2025-07', precision: 'month' as const, max: '2025-07-31' }

describe('victims named apart from the verb', () => {
  it('reads the one identified after the event in its sentence as struck', () => {
    const ev = eventsOf(
      'Jeudi, une frappe de drone israélienne avait tué un homme, identifié comme un combattant du Hezbollah par le parti.',
      [HEZBOLLAH, ISRAEL],
      [],
      MONTH,
    )
    const attacks = ev.filter((e) => e.event_code === 'ASSAULT')
    expect(attacks).toHaveLength(1)
    expect(attacks[0]!.target_entity_ids).toContain(idOf('Hezbollah'))
    expect(attacks[0]!.actor_entity_ids).not.toContain(idOf('Hezbollah'))
  })

  it('reads a next sentence about the victim as a mention of the event, naming whom it struck', () => {
    const ev = eventsOf(
      "Un drone de l'armée israélienne a visé vendredi un véhicule, faisant un mort. La victime s'appelait Ali Koussan, originaire d'un village voisin, et appartenait au Hezbollah, selon une annonce du parti.",
      [HEZBOLLAH, KOUSSAN, ISRAEL],
      [],
      MONTH,
    )
    const attacks = ev.filter((e) => e.event_code === 'ASSAULT')
    expect(attacks).toHaveLength(1)
    expect(attacks[0]!.mentions.map((m) => m.trigger)).toEqual(['visé', 'victime'])
    expect(attacks[0]!.target_entity_ids).toEqual(
      expect.arrayContaining([idOf('Ali Koussan'), idOf('Hezbollah')]),
    )
    expect(attacks[0]!.actor_entity_ids).not.toContain(idOf('Ali Koussan'))
  })

  it('reads no victim sentence far from any violence', () => {
    const ev = eventsOf(
      "Le ministre a rencontré son homologue. La victime s'appelait Ali Koussan et appartenait au Hezbollah.",
      [HEZBOLLAH, KOUSSAN],
    )
    expect(ev.filter((e) => e.event_code === 'ASSAULT')).toEqual([])
  })
})
