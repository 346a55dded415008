/** Which date expression of a sentence dates which event. */
import { describe, expect, it } from 'vitest'
import { type EntitySpec, eventsOf, ofType, PUBLISHED } from './fixtures.js'

const LAVROV: EntitySpec = { name: 'Sergueï Lavrov', type: 'person', surfaces: ['Lavrov'] }
const TRAORE: EntitySpec = { name: 'Ibrahim Traoré', type: 'person', surfaces: ['Ibrahim Traoré'] }

describe('the date of the event’s own clause', () => {
  it('never takes a date with another event between it and the trigger', () => {
    const ev = eventsOf(
      'M. Lavrov a rencontré le capitaine Ibrahim Traoré, arrivé au pouvoir par un coup d’État en septembre 2022.',
      [LAVROV, TRAORE],
      [{ surface: 'en septembre 2022', value: '2022-09', precision: 'month' }],
    )
    // the lead's undated news: the publication date, never the coup's
    expect(ofType(ev, 'meeting')).toMatchObject({ date: PUBLISHED.value, date_source: 'published' })
    expect(ofType(ev, 'coup')).toMatchObject({ date: '2022-09', date_source: 'expression' })
  })

  it('gives the date of the statement reporting it to the event the statement names', () => {
    const DIOP: EntitySpec = { name: 'Abdoulaye Diop', type: 'person', surfaces: ['Abdoulaye Diop'] }
    const MOSCOU: EntitySpec = { name: 'Moscou', type: 'place', surfaces: ['Moscou'] }
    const ev = eventsOf(
      'La situation reste grave, a déclaré ce jeudi 11 novembre le ministre Abdoulaye Diop, en visite à Moscou.',
      [DIOP, MOSCOU],
      [{ surface: 'ce jeudi 11 novembre', value: '2021-11-11', precision: 'day' }],
    )
    expect(ofType(ev, 'visit')).toMatchObject({ date: '2021-11-11', date_source: 'expression' })
  })

  it('leaves a date completing another noun to that noun', () => {
    const SONKO: EntitySpec = { name: 'Ousmane Sonko', type: 'person', surfaces: ['Ousmane Sonko'] }
    const ev = eventsOf(
      'L’opposant Ousmane Sonko, candidat à la présidentielle de 2024, a été condamné à deux ans de prison.',
      [SONKO],
      [{ surface: '2024', value: '2024', precision: 'year' }],
    )
    expect(ofType(ev, 'conviction')).toMatchObject({ date: PUBLISHED.value, date_source: 'published' })
  })

  it('keeps a date after `de` when a word of time or the trigger stands before it', () => {
    const ev = eventsOf(
      'L’attaque a eu lieu aux premières heures de dimanche près de la frontière.',
      [],
      [{ surface: 'dimanche', value: '2018-05-27', precision: 'day' }],
    )
    expect(ofType(ev, 'attack')).toMatchObject({ date: '2018-05-27' })
    const ev2 = eventsOf(
      'Le bilan de l’attaque de mardi s’est alourdi.',
      [],
      [{ surface: 'mardi', value: '2024-09-17', precision: 'day' }],
    )
    expect(ofType(ev2, 'attack')).toMatchObject({ date: '2024-09-17' })
  })
})

describe('earlier events a sentence starts from', () => {
  it('gives an attack after `à la suite de` neither the date of the reaction nor the publication date', () => {
    const ev = eventsOf(
      'À la suite de l’attaque contre l’école de gendarmerie, la Russie a réaffirmé, hier, son soutien au Mali.',
      [],
      [{ surface: 'hier', value: '2024-09-23', precision: 'day' }],
    )
    expect(ofType(ev, 'attack')).toMatchObject({ date: null, date_source: null })
    expect(ofType(ev, 'support')).toMatchObject({ date: '2024-09-23', date_source: 'expression' })
  })

  it('still dates it by an expression of its own', () => {
    const ev = eventsOf(
      'Au lendemain du coup d’État du 5 septembre, la Russie a condamné toute tentative inconstitutionnelle.',
      [],
      [{ surface: 'du 5 septembre', value: '2021-09-05', precision: 'day' }],
    )
    expect(ofType(ev, 'coup')).toMatchObject({ date: '2021-09-05', date_source: 'expression' })
  })
})
