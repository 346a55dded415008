/** Expressions counted from the day of writing: deictic words, weekdays, weeks, months, years. */
import { describe, expect, it } from 'vitest'
import { only, pairs } from './helpers.js'

// 2024-08-01 is a Thursday; 2024-09-24 a Tuesday.
describe('days counted from publication', () => {
  it.each([
    ['La Russie a réaffirmé, hier, son soutien au Mali.', '2024-09-24', 'hier', '2024-09-23'],
    ['Avant-hier, un convoi a sauté sur une mine.', '2024-09-24', 'Avant-hier', '2024-09-22'],
    ["Aujourd'hui, le président reçoit son homologue.", '2024-09-24', "Aujourd'hui", '2024-09-24'],
    ['Le ministre se rendra demain à Niamey.', '2024-09-24', 'demain', '2024-09-25'],
    ['Hier soir, des tirs ont été entendus.', '2024-09-24', 'Hier soir', '2024-09-23'],
    ['Le ministère a déclaré mardi son soutien.', '2024-08-01', 'mardi', '2024-07-30'],
    [
      'Le chef de la diplomatie a affirmé ce jeudi que rien n’était signé.',
      '2024-08-01',
      'ce jeudi',
      '2024-08-01',
    ],
    ['Le sommet a eu lieu jeudi dernier à Bamako.', '2024-08-01', 'jeudi dernier', '2024-07-25'],
    ['Il se rendra à Moscou jeudi prochain.', '2024-08-01', 'jeudi prochain', '2024-08-08'],
    ['Le président se rendra samedi à Gao.', '2024-08-01', 'samedi', '2024-08-03'],
    ['Lundi, des combats ont éclaté près de Kidal.', '2024-08-01', 'Lundi', '2024-07-29'],
    [
      'Des affrontements sont survenus, le week-end dernier, à Tinzaouatène.',
      '2024-08-01',
      'le week-end dernier',
      '2024-07-27',
    ],
    ['Il y a trois jours, le camp a été attaqué.', '2024-08-01', 'Il y a trois jours', '2024-07-29'],
    ['Le cessez-le-feu expire dans 10 jours.', '2024-08-01', 'dans 10 jours', '2024-08-11'],
  ])('%s (published %s)', (text, pub, surface, value) => {
    const t = only(text, pub, surface)
    expect(t.surface).toBe(surface)
    expect(t.value).toBe(value)
    expect(t.precision).toBe('day')
    expect(t.anchor).toBe('published')
  })
})

describe('weeks, months and years counted from publication', () => {
  it.each([
    [
      'La semaine dernière, la junte a suspendu deux médias.',
      '2024-08-01',
      'La semaine dernière',
      '2024-07',
      'month',
    ],
    ['Cette semaine, les négociations ont repris.', '2024-07-24', 'Cette semaine', '2024-07', 'month'],
    [
      'Il y a deux semaines, le camp a été attaqué.',
      '2024-08-21',
      'Il y a deux semaines',
      // A count of weeks from a day is a day (issue 11): 14 days before 21 August.
      '2024-08-07',
      'day',
    ],
    ['Le mois dernier, trois soldats ont été tués.', '2024-01-10', 'Le mois dernier', '2023-12', 'month'],
    ['Ce mois-ci, les prix du carburant ont doublé.', '2024-01-10', 'Ce mois-ci', '2024-01', 'month'],
    ["L'an dernier, la production d'or a baissé.", '2024-01-10', "L'an dernier", '2023', 'year'],
    ["L'année prochaine, la force sera dissoute.", '2024-01-10', "L'année prochaine", '2025', 'year'],
    ['Cette année, la saison des pluies est précoce.', '2024-01-10', 'Cette année', '2024', 'year'],
    ['Il y a deux ans, la France quittait le Mali.', '2024-08-01', 'Il y a deux ans', '2022', 'year'],
  ])('%s (published %s)', (text, pub, surface, value, precision) => {
    const t = only(text, pub, surface)
    expect(t.value).toBe(value)
    expect(t.precision).toBe(precision)
  })

  it('gives a week straddling two months as its year, and one straddling two years no value', () => {
    // Monday 29 July to Sunday 4 August 2024; Monday 30 December 2024 to Sunday 5 January 2025.
    expect(only('Cette semaine, la route a rouvert.', '2024-08-01', 'semaine').value).toBe('2024')
    expect(only('Cette semaine, la route a rouvert.', '2025-01-02', 'semaine').value).toBeNull()
  })
})

describe('weekday and weekend choices', () => {
  it('takes the same day for a weekday named on that day', () => {
    expect(only('Le ministre a parlé jeudi.', '2024-08-01', 'jeudi').value).toBe('2024-08-01')
  })
  it('takes the week before for "jeudi dernier" said on a Thursday', () => {
    expect(only('Il a parlé jeudi dernier.', '2024-08-01', 'jeudi').value).toBe('2024-07-25')
  })
  it('reads a future clause after the weekday', () => {
    expect(only('Mardi, le président sera à Gao.', '2024-08-01', 'Mardi').value).toBe('2024-08-06')
  })
  it('on a Sunday, the last weekend is the one before', () => {
    expect(only('Le week-end dernier, le marché a brûlé.', '2024-08-04', 'week-end').value).toBe('2024-07-27')
  })
  it('on a Monday, "ce week-end" is the one just over', () => {
    expect(only('Ce week-end, deux attaques ont visé Gao.', '2024-08-05', 'week-end').value).toBe(
      '2024-08-03',
    )
  })
  it('on a Thursday, "ce week-end" in a future clause is the coming one', () => {
    expect(only('Le président se rendra à Gao ce week-end.', '2024-08-01', 'week-end').value).toBe(
      '2024-08-03',
    )
  })
})

describe('expressions leaning on another expression', () => {
  it('resolves "au lendemain du" with the date that follows', () => {
    expect(pairs('Au lendemain du 30 septembre 2021, la junte a réagi.', null)).toEqual([
      'Au lendemain=2021-10-01',
      '30 septembre 2021=2021-09-30',
    ])
    expect(only('à la veille du 1er août 2024', null, 'veille').value).toBe('2024-07-31')
  })
  it('leaves "au lendemain de" an event without a value', () => {
    const t = only(
      "Cette annonce intervient au lendemain d'une interview de la ministre.",
      '2021-12-03',
      'lendemain',
    )
    expect(t.value).toBeNull()
    expect(t.anchor).toBe('expression')
  })
})
