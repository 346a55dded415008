/**
 * What tells no event: a participle describing a noun (`le mouvement soutenu par l'Iran`), a verb in
 * an incise after a quotation (`», a-t-elle soutenu`). And an ultimatum (`sommé de quitter`) is a
 * threat.
 */
import { describe, expect, it } from 'vitest'
import { type EntitySpec, eventsOf, idOf, ofType, types } from './fixtures.js'

const IRAN: EntitySpec = { name: 'Iran', type: 'country', surfaces: ['Iran'], country_code: 'IR' }

describe('standing relations', () => {
  it('reads no support in a participle describing a noun', () => {
    const ev = eventsOf(
      "La coalition a lancé des raids sur Sanaa, ville contrôlée par le mouvement chiite soutenu par l'Iran.",
      [IRAN],
    )
    expect(types(ev)).not.toContain('support')
  })

  it('reads none after a comma either', () => {
    const ev = eventsOf(
      'Le gouvernement accuse les partisans de Sonko, soutenus par des forces obscures, de se livrer à des actes de vandalisme.',
    )
    expect(types(ev)).not.toContain('support')
  })

  it('still reads the support a passive reports', () => {
    const ev = eventsOf("Le Mali a été soutenu par l'Iran lors du vote.", [
      IRAN,
      { name: 'Mali', type: 'country', surfaces: ['Mali'], country_code: 'ML' },
    ])
    expect(ofType(ev, 'support')!.actor_entity_ids).toEqual([idOf('Iran')])
  })

  it('reads no support in an incise after a quotation', () => {
    const ev = eventsOf(
      '« J’espère que tout le monde va être calme et uni parce que c’est un temps difficile », a-t-elle soutenu en français.',
    )
    expect(types(ev)).not.toContain('support')
  })
})

describe('orders to leave', () => {
  it('makes `sommé de quitter le pays` an expulsion, undergone by the one told to leave', () => {
    const ev = eventsOf(
      "L'ambassadeur Joël Meyer a été convoqué aujourd’hui au ministère et sommé de quitter le pays dans les 72 heures.",
      [{ name: 'Joël Meyer', type: 'person', surfaces: ['Joël Meyer'] }],
    )
    expect(types(ev)).toContain('expulsion')
    expect(ofType(ev, 'expulsion')!.actor_entity_ids).not.toContain(idOf('Joël Meyer'))
  })

  it('gives a participle coordinated with a passive one the subject of the first, not the places between', () => {
    const ev = eventsOf(
      'Joël Meyer, ambassadeur de France au Mali, a été convoqué aujourd’hui au ministère des Affaires étrangères à Bamako et sommé de quitter le pays.',
      [
        { name: 'Joël Meyer', type: 'person', surfaces: ['Joël Meyer'] },
        { name: 'Bamako', type: 'place', surfaces: ['Bamako'], country_code: 'ML' },
        {
          name: 'Ministère malien des Affaires étrangères',
          type: 'organization',
          surfaces: ['ministère des Affaires étrangères'],
        },
      ],
    )
    const e = ofType(ev, 'expulsion')!
    expect(e.target_entity_ids).toContain(idOf('Joël Meyer'))
    expect(e.target_entity_ids).not.toContain(idOf('Bamako'))
    expect(e.target_entity_ids).not.toContain(idOf('Ministère malien des Affaires étrangères'))
  })
})

describe('ultimatums', () => {
  it('makes `sommé de partir` a threat', () => {
    const ev = eventsOf('L’état-major a sommé le président de partir sur-le-champ.')
    expect(types(ev)).toContain('threat')
    expect(types(ev)).not.toContain('request')
  })
})

describe('what only looks like an event', () => {
  it('reads no delivery in `se livrer à`', () => {
    const ev = eventsOf(
      'Le gouvernement accuse les partisans de Sonko de se livrer à des actes de vandalisme.',
    )
    expect(types(ev)).not.toContain('delivery')
  })

  it('reads troops sent as a deployment, not a delivery', () => {
    const ev = eventsOf('Des renforts de l’armée sont envoyés dans ces zones, apprend-t-on.')
    expect(types(ev)).toContain('mobilization')
    expect(types(ev)).not.toContain('delivery')
  })

  it('reads no arrest in a vehicle stopped', () => {
    const ev = eventsOf('Selon le conducteur, le véhicule a été arrêté, puis les journalistes ont été tués.')
    expect(types(ev)).not.toContain('arrest')
  })

  it('reads no signing in `à défaut de signer`', () => {
    const ev = eventsOf(
      'Le président Touadéra qui, à défaut de signer, a demandé à son homologue russe de renforcer l’aide militaire.',
    )
    expect(types(ev)).not.toContain('agreement')
    expect(types(ev)).toContain('request')
  })
})

describe('deaths of an accident', () => {
  it('reads no attack in deaths told right after a crash', () => {
    const ev = eventsOf(
      "Le président a présenté ses condoléances suite au crash d'un avion militaire mercredi. L'avion transportait 74 personnes. Tous ont été tués, selon le gouverneur.",
    )
    expect(types(ev)).not.toContain('attack')
  })

  it('still reads an attack the sentence tells as one', () => {
    const ev = eventsOf(
      "Le président a évoqué le crash d'un avion mercredi. Des hommes armés ont attaqué un village et tué trois civils.",
    )
    expect(types(ev)).toContain('attack')
  })
})

describe('instruments and calls to march', () => {
  it('reads no agreement in the instrument something rests on', () => {
    const ev = eventsOf(
      "Il est jugé par les Chambres africaines extraordinaires, mises en place en vertu d'un accord entre le Sénégal et l'Union africaine.",
    )
    expect(types(ev)).not.toContain('agreement')
  })

  it('reads a protest in a mobilisation at the unions’ call', () => {
    const ev = eventsOf(
      'Ce 23 mars, la mobilisation à l’appel des syndicats a de nouveau été très forte partout en France.',
    )
    expect(types(ev)).toContain('protest')
    expect(types(ev)).not.toContain('mobilization')
  })
})
