/**
 * A pronoun standing for a person named before: the subject of a passive undergoes (`il y avait déjà
 * été convoqué`), an object clitic undergoes (`l'a condamné`), the subject of an active verb acts; a
 * pronoun that is another verb's subject (`il indique que l'occupation …`) is not the event's.
 */
import { describe, expect, it } from 'vitest'
import { type EntitySpec, eventsOf, idOf, ofType } from './fixtures.js'

const MEYER: EntitySpec = { name: 'Joël Meyer', type: 'person', surfaces: ['Joël Meyer'] }
const HABRE: EntitySpec = { name: 'Hissène Habré', type: 'person', surfaces: ['Hissène Habré'] }

describe('pronouns', () => {
  it('makes the person a passive subject pronoun stands for the one summoned', () => {
    const ev = eventsOf(
      'Joël Meyer a été ambassadeur de France en Mauritanie. En octobre 2021, il y avait déjà été convoqué pour des propos outrageants.',
      [MEYER],
    )
    expect(ofType(ev, 'summons')!.target_entity_ids).toEqual([idOf('Joël Meyer')])
  })

  it('makes the person an object clitic stands for the one sentenced, not its author', () => {
    const ev = eventsOf(
      "Le tribunal spécial, qui juge Hissène Habré à Dakar pour crimes contre l'humanité, l'a condamné lundi à la prison à perpétuité.",
      [HABRE],
    )
    const e = ofType(ev, 'conviction')!
    expect(e.target_entity_ids).toEqual([idOf('Hissène Habré')])
    expect(e.actor_entity_ids).not.toContain(idOf('Hissène Habré'))
  })

  it('makes the person an active subject pronoun stands for the one who acts', () => {
    const ev = eventsOf(
      'Hissène Habré a dirigé le Tchad pendant huit ans. Arrêté en 2013, il récuse les Chambres africaines extraordinaires.',
      [
        HABRE,
        {
          name: 'Chambres africaines extraordinaires',
          type: 'organization',
          surfaces: ['Chambres africaines extraordinaires'],
        },
      ],
    )
    expect(ofType(ev, 'rejection')!.actor_entity_ids).toEqual([idOf('Hissène Habré')])
  })

  it('makes the person a possessive stands for the one expelled', () => {
    const ev = eventsOf(
      "L'ambassadeur Sylvain Itté refuse de quitter le pays. Selon les médias locaux, la junte militaire a ordonné aux services de police de procéder à son expulsion.",
      [{ name: 'Sylvain Itté', type: 'person', surfaces: ['Sylvain Itté'] }],
    )
    expect(ofType(ev, 'expulsion')!.target_entity_ids).toContain(idOf('Sylvain Itté'))
  })

  it('makes the person a quotation addresses by name the one a `vous` clitic stands for', () => {
    const KAM: EntitySpec = { name: 'Gberdao Gustave Kam', type: 'person', surfaces: ['Gberdao Gustave Kam'] }
    const ev = eventsOf(
      '« Hissène Habré, la Chambre vous condamne à la peine d’emprisonnement à perpétuité », a déclaré le président de la Cour, Gberdao Gustave Kam.',
      [HABRE, KAM],
    )
    const e = ofType(ev, 'conviction')!
    expect(e.target_entity_ids).toEqual([idOf('Hissène Habré')])
    expect(e.actor_entity_ids).not.toContain(idOf('Hissène Habré'))
    // `vous` before a verb in the second person is its subject: the one addressed acts
    const subject = eventsOf('« Hissène Habré, vous condamnez la Chambre », a déclaré Gberdao Gustave Kam.', [
      HABRE,
      KAM,
    ])
    expect(ofType(subject, 'conviction')?.target_entity_ids ?? []).not.toContain(idOf('Hissène Habré'))
  })

  it('moves the nationality of a person who undergoes the act to their side', () => {
    const TCHAD: EntitySpec = { name: 'Tchad', type: 'country', surfaces: ['tchadien'], country_code: 'TD' }
    const ev = eventsOf(
      "Le tribunal spécial, qui juge l'ex-président tchadien Hissène Habré à Dakar, l'a condamné lundi à la prison à perpétuité.",
      [HABRE, TCHAD],
    )
    const e = ofType(ev, 'conviction')!
    expect(e.actor_entity_ids).toEqual([])
    expect(e.target_entity_ids).toEqual([idOf('Hissène Habré'), idOf('Tchad')])
  })

  it('leaves a pronoun that is the subject of another verb alone', () => {
    const ev = eventsOf(
      'Le porte-parole Sylvain Ekenge a réagi mardi. Il indique que l’occupation de la ville par le M23 est une invasion.',
      [
        { name: 'Sylvain Ekenge', type: 'person', surfaces: ['Sylvain Ekenge'] },
        { name: 'M23', type: 'organization', surfaces: ['M23'] },
      ],
    )
    expect(ofType(ev, 'attack')!.actor_entity_ids).not.toContain(idOf('Sylvain Ekenge'))
  })
})

describe('relative clauses on an object', () => {
  const CEDEAO: EntitySpec = { name: 'Cedeao', type: 'organization', surfaces: ['Cedeao'] }
  const PARIS: EntitySpec = { name: 'Paris', type: 'place', surfaces: ['Paris'], country_code: 'FR' }

  it("makes the body named (by its acronym) before `qu'ils accusent` the one accused", () => {
    const ev = eventsOf(
      "Les trois pays ont annoncé leur retrait de la Communauté économique des Etats d'Afrique de l'ouest (Cedeao) qu'ils accusent d'être inféodée à Paris.",
      [CEDEAO, PARIS],
    )
    const e = ofType(ev, 'accusation')!
    expect(e.target_entity_ids[0]).toBe(idOf('Cedeao'))
    expect(e.actor_entity_ids).not.toContain(idOf('Cedeao'))
  })

  it("reads past an apposition set off by commas to the name a `, qu'il` relative is about", () => {
    const CAE: EntitySpec = {
      name: 'Chambres africaines extraordinaires',
      type: 'organization',
      surfaces: ['Chambres africaines extraordinaires', 'CAE'],
    }
    const UA: EntitySpec = {
      name: 'Union africaine',
      type: 'organization',
      surfaces: ['Union africaine', 'UA'],
    }
    const ev = eventsOf(
      "Il est jugé par les Chambres africaines extraordinaires (CAE), mises en place en vertu d'un accord entre le Sénégal et l'Union africaine (UA), qu'il récuse.",
      [CAE, UA],
    )
    const e = ofType(ev, 'rejection')!
    expect(e.target_entity_ids[0]).toBe(idOf('Chambres africaines extraordinaires'))
    // with no apposition, the name right before the comma
    const plain = eventsOf('Le Mali a quitté la Cedeao, qu’il accuse de trahison.', [
      { name: 'Mali', type: 'country', surfaces: ['Mali'], country_code: 'ML' },
      CEDEAO,
    ])
    expect(ofType(plain, 'accusation')!.target_entity_ids).toEqual([idOf('Cedeao')])
  })

  it('does not read a completive `que` after a verb as a relative', () => {
    const RUSSIE: EntitySpec = { name: 'Russie', type: 'country', surfaces: ['Russie'], country_code: 'RU' }
    const UKRAINE: EntitySpec = {
      name: 'Ukraine',
      type: 'country',
      surfaces: ['Ukraine'],
      country_code: 'UA',
    }
    const POLOGNE: EntitySpec = {
      name: 'Pologne',
      type: 'country',
      surfaces: ['Pologne'],
      country_code: 'PL',
    }
    const ev = eventsOf('La Russie affirme que l’Ukraine a attaqué la Pologne.', [RUSSIE, UKRAINE, POLOGNE])
    const e = ofType(ev, 'attack')!
    expect(e.actor_entity_ids).toEqual([idOf('Ukraine')])
    expect(e.target_entity_ids).toEqual([idOf('Pologne')])
  })
})
