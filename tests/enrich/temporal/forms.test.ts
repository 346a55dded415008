/** Date forms beyond the plain `7 février 2023`: ranges, English dates, month first, glued, abbreviated. */
import { describe, expect, it } from 'vitest'
import { only, pairs, temporal } from './helpers.js'

describe('ranges give their start and their end', () => {
  it.each([
    ['10 au 22 août 2012', ['10=2012-08-10', '22 août 2012=2012-08-22']],
    ['10 - 22 août 2012', ['10=2012-08-10', '22 août 2012=2012-08-22']],
    ['du 10 août au 12 septembre 2013', ['10 août=2013-08-10', '12 septembre 2013=2013-09-12']],
    ['du 20 décembre au 5 janvier 2024', ['20 décembre=2023-12-20', '5 janvier 2024=2024-01-05']],
    [
      'attaque produite dans la nuit de jeudi 14 au vendredi 15 juillet 2022.',
      ['jeudi 14=2022-07-14', 'vendredi 15 juillet 2022=2022-07-15'],
    ],
  ])('%s', (text, expected) => {
    expect(pairs(text, '2012-08-10')).toEqual(expected)
    expect(temporal(text, '2012-08-10').map((t) => t.kind)).toEqual(['range_start', 'range_end'])
  })
  it('does not join two days with `et` without `les` or `entre`', () => {
    expect(pairs('Il a compté 3 et 4 mars.', '2012-08-10')).toEqual(['4 mars=2012-03-04'])
  })
})

describe('other written forms', () => {
  it('reads a date quoted in English (real fragment: an embedded post)', () => {
    expect(pairs('— VoiceGirl (@leislgirl) March 1, 2022', null)).toEqual(['March 1, 2022=2022-03-01'])
    expect(pairs('publié le 6 August 2018', null)).toEqual(['6 August 2018=2018-08-06'])
  })
  it('keeps a French date French though its abbreviation is English too', () => {
    expect(only('Ouagadougou, 26 sept. 2021 (AIB)', null, 'sept').rule).toBe('day-month-year')
  })
  it('reads the month first (`vendredi, décembre 5 2014.`, `fév 15, 2013`)', () => {
    expect(pairs('vendredi, décembre 5 2014.', '2012-11-13')).toEqual([
      'vendredi, décembre 5 2014=2014-12-05',
    ])
    expect(pairs('fév 15, 2013', '2012-11-13')).toEqual(['fév 15, 2013=2013-02-15'])
  })
  it('reads a day glued to its month (`15juin 2016`, `DIM 15SEPT`)', () => {
    expect(pairs('le 15juin 2016 20h', '2016-07-10')).toEqual(['le 15juin 2016=2016-06-15'])
    expect(pairs('DIM 15SEPT', '2013-08-10')).toEqual(['DIM 15SEPT=2013-09-15'])
  })
  it('takes an abbreviated weekday only before a day number or a time', () => {
    expect(pairs('Jeu 15:12', '2012-11-13')).toEqual(['Jeu=2012-11-08'])
    expect(pairs('Le jeu des alliances a changé.', '2012-11-13')).toEqual([])
  })
  it('takes a two-digit year only after a weekday', () => {
    expect(pairs('samedi 9/2/20', '2012-08-10')).toEqual(['samedi 9/2/20=2020-02-09'])
    expect(pairs('Le score final est 9/2/20.', '2012-08-10')).toEqual([])
  })
  it('counts distances in several units after `il y a` or `dans`, not alone', () => {
    expect(pairs('Il ya 1 an, 1 mois, 1 semaine, 1 jour, 1 heure et 1 minute', '2014-09-01')).toEqual([
      'Il ya 1 an, 1 mois, 1 semaine, 1 jour, 1 heure et 1 minute=2013-07-24',
    ])
    expect(pairs('Dans 1 an 2 mois', '2014-09-01')).toEqual(['Dans 1 an 2 mois=2015-11'])
    expect(pairs('Il a été condamné à 1 an 2 mois de prison.', '2014-09-01')).toEqual([])
  })
  it('reads `dans un an`, not `dans une année difficile`', () => {
    expect(pairs('Les élections auront lieu dans un an.', '2012-08-10')).toEqual(['dans un an=2013'])
    expect(pairs('Le pays entre dans une année difficile.', '2012-08-10')).toEqual([])
  })
})

describe('a date inside a name is no date', () => {
  it.each([
    'Les rebelles du Mouvement du 23 mars (M23) ont pris Goma.',
    'La foule s’est réunie place du 26 Mars.',
    'Le cortège a remonté la rue du 8 Mai 1945.',
    'Le match a eu lieu au stade du 4 Août.',
    'Le boulevard du 30 Juin était bloqué.',
  ])('%s', (text) => {
    expect(temporal(text, '2024-08-01')).toEqual([])
  })
  it('keeps the date of an event named by it', () => {
    expect(pairs('La manifestation du 23 mars a réuni 2000 personnes.', '2024-08-01')).toEqual([
      '23 mars=2024-03-23',
    ])
  })
})

describe('years in context and distances from a day named before', () => {
  it('reads the year of a noun, not a quantity (real fragments)', () => {
    expect(pairs('Le référendum constitutionnel de 2023 a supprimé la limitation.', '2026-01-07')).toEqual([
      '2023=2023',
    ])
    expect(
      pairs('Ousmane Sonko, candidat déclaré à la présidentielle de 2024, a été condamné.', '2023-06-05'),
    ).toEqual(['2024=2024'])
    expect(pairs('Il y a eu plus de 2000 morts, un total de 2021 déplacés.', '2023-06-05')).toEqual([])
    expect(pairs('Une aide de 2000 personnes a été envoyée.', '2023-06-05')).toEqual([])
  })
  it('reads both years of `depuis 1992 et 1999` (real fragment)', () => {
    expect(pairs('leurs ambassades, respectivement fermées depuis 1992 et 1999.', '2025-11')).toEqual([
      '1992=1992',
      '1999=1999',
    ])
  })
  it('counts `un mois plus tôt`, `trois jours plus tard` from the day named before', () => {
    const text =
      'Le 15 février 2022, le président a reçu l’ambassadeur. Un mois plus tôt, il avait limogé son ministre.'
    expect(pairs(text, '2022-02-16')).toEqual(['Le 15 février 2022=2022-02-15', 'Un mois plus tôt=2022-01'])
    expect(pairs('Le 3 mars 2023, l’attaque. Trois jours plus tard, la riposte.', '2023-04-01')).toEqual([
      'Le 3 mars 2023=2023-03-03',
      'Trois jours plus tard=2023-03-06',
    ])
    expect(only('Trois jours plus tard, la junte a réagi.', '2022-02-15', 'tard').value).toBeNull()
  })
})

describe('a day number alone', () => {
  it('takes the month of the day named before (real fragment)', () => {
    const text =
      'à coup de 49.3, le 16 mars, et l’intervention télévisée d’Emmanuel Macron, le 22. 18 000 personnes ont défilé.'
    expect(pairs(text, '2023-03-24')).toEqual(['le 16 mars=2023-03-16', 'le 22=2023-03-22'])
  })
  it('has no value without a day named before', () => {
    expect(only('Il est arrivé le 22.', '2023-03-24', '22').value).toBeNull()
  })
})

describe('a weekday and a day number without the month', () => {
  it('finds the month where that day is that weekday', () => {
    expect(pairs('Ce jeudi 14, des hommes armés ont attaqué le poste.', '2022-07-16')).toEqual([
      'Ce jeudi 14=2022-07-14',
    ])
    expect(pairs('vendredi 15 au matin, le bilan est tombé.', '2022-07-16')).toEqual([
      'vendredi 15=2022-07-15',
    ])
  })
  it('leaves a count after a weekday alone', () => {
    expect(pairs('Les assaillants ont tué jeudi 14 soldats.', '2022-07-16')).toEqual([])
  })
})
