/**
 * Places the gazetteer does not know, named after a word that only introduces a place (`la localité
 * de Pont-Sondé`): they are an event's place, and kept as entities only where an event uses them.
 */
import { describe, expect, it } from 'vitest'
import { extractEvents } from '../../../pipeline/enrich/events/index.js'
import { findUnnamedPlaces } from '../../../pipeline/enrich/events/places.js'
import { tokenize } from '../../../pipeline/enrich/events/tokens.js'
import { type EntitySpec, eventsOf, idOf, inputOf, ofType, soFarOf } from './fixtures.js'

const HAITI: EntitySpec = { name: 'Haïti', type: 'country', surfaces: ['Haïti'], country_code: 'HT' }

describe('unnamed places', () => {
  it('reads a capitalised name after `la localité de`', () => {
    const text = "L'attaque d'un gang dans la localité de Pont-Sondé en Haïti a fait 115 morts."
    const out = extractEvents(inputOf(text), soFarOf(text, [HAITI]))
    const e = ofType(out.events ?? [], 'attack')!
    const place = out.entities?.find((x) => x.entity_id === e.location_entity_id)
    expect(place?.name).toBe('Pont-Sondé')
    expect(place?.type).toBe('place')
    expect(place?.country_code).toBeNull()
  })

  it('reads names with a particle, and nothing after a lower-case word', () => {
    const names = (text: string) => findUnnamedPlaces(text, tokenize(text), []).map((p) => p.entity.name)
    expect(names('Une frappe a visé le village de Aïta el Chaab jeudi.')).toEqual(['Aïta el Chaab'])
    expect(names('La ville de départ reste inconnue.')).toEqual([])
  })

  it('leaves a name the entities already cover to them', () => {
    const text = 'Des tirs ont visé la ville de Kati.'
    const KATI: EntitySpec = { name: 'Kati', type: 'place', surfaces: ['Kati'], country_code: 'ML' }
    expect(findUnnamedPlaces(text, tokenize(text), soFarOf(text, [KATI]).mentions)).toEqual([])
  })
})

describe('a country struck from another', () => {
  const HOUTHIS: EntitySpec = {
    name: 'Houthis',
    type: 'organization',
    surfaces: ['Houthis'],
    country_code: 'YE',
  }
  const EAU: EntitySpec = {
    name: 'Émirats arabes unis',
    type: 'country',
    surfaces: ['Emirats arabes unis'],
    country_code: 'AE',
  }
  const MALI: EntitySpec = { name: 'Mali', type: 'country', surfaces: ['Mali'], country_code: 'ML' }
  const JNIM: EntitySpec = { name: 'JNIM', type: 'organization', surfaces: ['JNIM'], country_code: 'ML' }

  it('is the target of an attack placed in it by an actor of another country, and still its place', () => {
    const ev = eventsOf(
      "Cette offensive fait suite à une attaque revendiquée par les Houthis lundi contre l'aéroport, aux Emirats arabes unis, dans laquelle trois personnes ont trouvé la mort.",
      [HOUTHIS, EAU],
    )
    const e = ofType(ev, 'attack')!
    expect(e.actor_entity_ids).toEqual([idOf('Houthis')])
    expect(e.target_entity_ids).toEqual([idOf('Émirats arabes unis')])
    expect(e.location_entity_id).toBe(idOf('Émirats arabes unis'))
  })

  it('is only the place of an attack by one of its own', () => {
    const ev = eventsOf('Le JNIM a attaqué lundi un poste de gendarmerie au Mali.', [JNIM, MALI])
    const e = ofType(ev, 'attack')!
    expect(e.location_entity_id).toBe(idOf('Mali'))
    expect(e.target_entity_ids).not.toContain(idOf('Mali'))
  })
})

describe('a town that undergoes an act', () => {
  const MAROC: EntitySpec = { name: 'Maroc', type: 'country', surfaces: ['Maroc'], country_code: 'MA' }
  const RABAT: EntitySpec = { name: 'Rabat', type: 'place', surfaces: ['Rabat'], country_code: 'MA' }
  const MACRON: EntitySpec = { name: 'Emmanuel Macron', type: 'person', surfaces: ['Emmanuel Macron'] }
  const GAZA: EntitySpec = { name: 'Gaza', type: 'place', surfaces: ['Gaza'], country_code: 'PS' }
  const PALESTINE: EntitySpec = {
    name: 'Palestine',
    type: 'country',
    surfaces: ['Palestine'],
    country_code: 'PS',
  }

  it('speaks for its country, as one that acts does', () => {
    const ev = eventsOf(
      'En visite au Maroc, Emmanuel Macron a confirmé son soutien au plan d’autonomie proposé par Rabat.',
      [MAROC, RABAT, MACRON],
    )
    const e = ofType(ev, 'support')!
    expect(e.target_entity_ids).toContain(idOf('Rabat'))
    expect(e.target_entity_ids).toContain(idOf('Maroc'))
  })

  it('does not when it only says where', () => {
    const ev = eventsOf('La Palestine en appelle à l’ONU. Emmanuel Macron a condamné les frappes à Gaza.', [
      PALESTINE,
      GAZA,
      MACRON,
    ])
    const e = ofType(ev, 'accusation')
    expect(e?.target_entity_ids ?? []).not.toContain(idOf('Palestine'))
  })
})

describe('a place in apposition to a place noun', () => {
  const LIBREVILLE: EntitySpec = {
    name: 'Libreville',
    type: 'place',
    surfaces: ['Libreville'],
    country_code: 'GA',
  }

  it('says where, as the locative before the noun does (`dans la capitale gabonaise, Libreville`)', () => {
    const ev = eventsOf('Des émeutes ont éclaté mercredi dans la capitale gabonaise, Libreville.', [
      LIBREVILLE,
    ])
    const e = ofType(ev, 'protest')!
    expect(e.location_entity_id).toBe(idOf('Libreville'))
    expect(e.actor_entity_ids).not.toContain(idOf('Libreville'))
  })

  it('is no place after a comma that follows anything but a place noun', () => {
    const ev = eventsOf('Des émeutes ont éclaté mercredi dans la nuit, Libreville restant calme.', [
      LIBREVILLE,
    ])
    expect(ofType(ev, 'protest')?.location_entity_id ?? null).toBeNull()
  })
})
