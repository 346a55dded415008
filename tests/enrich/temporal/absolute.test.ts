/** Dates written with calendar names or numbers: with a year, and with the year taken from publication. */
import { describe, expect, it } from 'vitest'
import { only, pairs } from './helpers.js'

describe('dates with their year', () => {
  it.each([
    [
      "Le chef de la diplomatie l'a dit à Bamako, mardi 7 février 2023, devant la presse.",
      'mardi 7 février 2023',
      '2023-02-07',
    ],
    [
      'Le mercredi 18 septembre 2024, un avion militaire a atterri à Bamako.',
      'Le mercredi 18 septembre 2024',
      '2024-09-18',
    ],
    ['Le scrutin du 1er août 2024 a été reporté.', '1er août 2024', '2024-08-01'],
    ['Communiqué publié le 3 sept. 2021 par le ministère.', 'le 3 sept. 2021', '2021-09-03'],
    ['Mis à jour le 24/09/2024 à 18 h.', 'le 24/09/2024', '2024-09-24'],
    ['Sputnik France, 11.11.2021, 14:05', '11.11.2021', '2021-11-11'],
    ['Le décret 2021-12-07 fixe les règles.', '2021-12-07', '2021-12-07'],
    ['La junte avait pris le pouvoir en août 2020 à Kati.', 'en août 2020', '2020-08'],
    ['Les livraisons ont commencé fin septembre 2021.', 'fin septembre 2021', '2021-09'],
    ['Un accord de coopération militaire signé en 2019 lie les deux pays.', 'en 2019', '2019'],
    ["Le soutien militaire matérialisé depuis fin 2021 par des livraisons d'armes.", 'fin 2021', '2021'],
    ['Des élections sont promises début 2022.', 'début 2022', '2022'],
    ["La base est fermée depuis 2015, selon l'armée.", '2015', '2015'],
    ["À l'été 2022, les derniers soldats français ont quitté le pays.", "À l'été 2022", '2022'],
    ['Le contingent est arrivé mi-juillet 2022 à Gao.', 'mi-juillet 2022', '2022-07'],
  ])('%s', (text, surface, value) => {
    const t = only(text, '2024-09-24', surface)
    expect(t.surface).toBe(surface)
    expect(t.value).toBe(value)
    expect(t.anchor).toBe('text')
    expect(t.method).toBe('pattern')
  })

  it('gives the precision of what is written', () => {
    expect(only('signé en 2019 à Moscou', null, '2019').precision).toBe('year')
    expect(only('depuis novembre 2021 au Mali', null, 'novembre').precision).toBe('month')
    expect(only('le 7 février 2023 à Bamako', null, 'février').precision).toBe('day')
  })

  it('resolves dates with a year even without a publication date', () => {
    expect(pairs('Il est arrivé à Bamako le mardi 7 février 2023.', null)).toEqual([
      'le mardi 7 février 2023=2023-02-07',
    ])
  })

  it('keeps a date whose weekday contradicts it, with a lower confidence and a warning', () => {
    const t = only('Réunion le mercredi 7 février 2023 à Bamako.', null, 'février')
    expect(t.value).toBe('2023-02-07')
    expect(t.confidence).toBeLessThan(0.9)
  })

  it('rejects impossible dates', () => {
    expect(pairs('Le 31/04/2023 et le 30 février 2023 ne sont pas des jours.', null)).toEqual([])
  })

  it('splits ranges into their two ends', () => {
    expect(pairs('Le sommet se tiendra du 7 au 9 février 2023 à Bamako.', null)).toEqual([
      '7=2023-02-07',
      '9 février 2023=2023-02-09',
    ])
    expect(pairs('La mission a duré de 2013 à 2022.', null)).toEqual(['2013=2013', '2022=2022'])
  })
})

describe('dates whose year comes from publication', () => {
  it.each([
    // [text, published, surface, value]
    [
      'La Russie avait livré le 30 septembre dernier quatre hélicoptères.',
      '2021-12',
      'le 30 septembre dernier',
      '2021-09-30',
    ],
    [
      'Le 30 décembre dernier, une attaque a visé le camp.',
      '2022-01-05',
      'Le 30 décembre dernier',
      '2021-12-30',
    ],
    ['a déclaré ce jeudi 11 novembre le ministre malien', '2021-11-11', 'ce jeudi 11 novembre', '2021-11-11'],
    [
      'Lavrov a eu un entretien avec Diop, ce jeudi 1er août.',
      '2024-08-01',
      'ce jeudi 1er août',
      '2024-08-01',
    ],
    ['Le 1er août, les deux ministres se sont parlé.', '2024-08-05', 'Le 1er août', '2024-08-01'],
    ['Le 15 décembre, les combats ont repris.', '2022-01-10', 'Le 15 décembre', '2021-12-15'],
    ['Le vote du 3 août est maintenu.', '2024-08-01', '3 août', '2024-08-03'],
    ['Le 2 janvier prochain, le parlement se réunira.', '2021-12-20', 'Le 2 janvier prochain', '2022-01-02'],
    [
      'En juin, Emmanuel Macron a annoncé une transformation de Barkhane.',
      '2021-11-11',
      'En juin',
      '2021-06',
    ],
    ["En juin, l'armée a quitté Kidal.", '2022-03-15', 'En juin', '2021-06'],
    ['La force doit quitter le pays en juin.', '2022-03-15', 'en juin', '2022-06'],
    ['La visite prévue en septembre dernier a été annulée.', '2021-11-11', 'en septembre dernier', '2021-09'],
    ['Les pourparlers ont repris mi-juillet.', '2024-08-01', 'mi-juillet', '2024-07'],
    ['Depuis fin mai, la ville est encerclée.', '2024-08-01', 'fin mai', '2024-05'],
    ["Au mois d'août, les pluies ont coupé la route.", '2024-10-02', "Au mois d'août", '2024-08'],
    ['Le jeudi 11 novembre, Diop était à Moscou.', '2021-11-20', 'Le jeudi 11 novembre', '2021-11-11'],
    ['Le lundi 30 décembre, le couvre-feu a été levé.', '2025-01-03', 'Le lundi 30 décembre', '2024-12-30'],
  ])('%s (published %s)', (text, pub, surface, value) => {
    const t = only(text, pub, surface)
    expect(t.surface).toBe(surface)
    expect(t.value).toBe(value)
    expect(t.anchor).toBe('published')
    expect(t.method).toBe('inference')
  })

  it('uses the weekday to choose the year', () => {
    // 11 November fell on a Thursday in 2021, not in 2020 or 2022.
    expect(only('jeudi 11 novembre', '2022-02-01', 'novembre').value).toBe('2021-11-11')
  })
})
