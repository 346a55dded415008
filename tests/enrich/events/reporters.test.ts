/**
 * Who counts or tells a violent event takes no part in it: a source after `selon` and an honorific
 * (`selon Mme Fièvre`), the subject of a verb of saying whose clause holds the event (`M. Tedros a
 * averti que … combats`), the subject of a toll alone (`X a fait état de 20 morts`). Those a toll breaks
 * down (`18 morts, dont deux collaborateurs de l'Unrwa`) are its dead.
 */
import { describe, expect, it } from 'vitest'
import { type EntitySpec, eventsOf, idOf, ofType } from './fixtures.js'

const FIEVRE: EntitySpec = { name: 'Myriam Fièvre', type: 'person', surfaces: ['Fièvre'] }
const UNRWA: EntitySpec = { name: 'UNRWA', type: 'organization', surfaces: ['Unrwa'] }
const ISRAEL: EntitySpec = { name: 'Israël', type: 'country', surfaces: ['israéliennes'], country_code: 'IL' }

describe('sources and reporters', () => {
  it('reads no saying in a word of a name: the group that claims an attack carried it out', () => {
    const JNIM: EntitySpec = {
      name: 'JNIM',
      type: 'organization',
      surfaces: ["Groupe de soutien à l'islam et aux musulmans", 'Jnim'],
    }
    const KATI: EntitySpec = { name: 'Kati', type: 'place', surfaces: ['Kati'], country_code: 'ML' }
    const ev = eventsOf(
      "Le Groupe de soutien à l'islam et aux musulmans (Jnim, son acronyme en arabe) a revendiqué ce samedi l’attaque commise contre le camp de Kati.",
      [JNIM, KATI],
    )
    const e = ofType(ev, 'attack')!
    expect(e.actor_entity_ids).toEqual([idOf('JNIM')])
    expect(e.location_entity_id).toBe(idOf('Kati'))
  })

  it('reads a source after `selon` and an honorific', () => {
    const ev = eventsOf('Selon Mme Fièvre, le nombre de victimes du massacre est susceptible d’augmenter.', [
      FIEVRE,
    ])
    expect(ofType(ev, 'attack')!.actor_entity_ids).not.toContain(idOf('Myriam Fièvre'))
  })

  it('leaves out the subject of a verb of saying whose clause tells the fighting', () => {
    const ev = eventsOf(
      "M. Tedros a averti que l'accès aux soins à El-Facher est limité, les installations étant fermées en raison d'intenses combats.",
      [{ name: 'Tedros', type: 'person', surfaces: ['Tedros'] }],
    )
    expect(ofType(ev, 'fight')!.actor_entity_ids).toEqual([])
  })

  it('makes those a toll breaks down its dead, not its authors', () => {
    const ev = eventsOf(
      "Le bilan s'établit à 18 morts, dont deux collaborateurs de l'Unrwa, a déclaré le porte-parole.",
      [UNRWA],
    )
    const e = ev.find((x) => x.event_code === 'ASSAULT')!
    expect(e.actor_entity_ids).not.toContain(idOf('UNRWA'))
    expect(e.target_entity_ids).toContain(idOf('UNRWA'))
  })

  it('merges a toll alone into the attack although its subject is a counter', () => {
    const ev = eventsOf(
      "Une école a été visée par des frappes aériennes israéliennes aujourd'hui. Le secrétaire général de l'Unrwa a confirmé le décès de collaborateurs sur le site, évoquant le nombre de six morts.",
      [UNRWA, ISRAEL],
    )
    const attacks = ev.filter((x) => x.event_code === 'ASSAULT')
    expect(attacks).toHaveLength(1)
    expect(attacks[0]!.actor_entity_ids).toEqual([idOf('Israël')])
    expect(attacks[0]!.fatalities).toBe(6)
  })
})
