import { describe, expect, it } from 'vitest'
import { findQuantities, parseNumeral, wordsValue } from '../../../pipeline/enrich/events/quantities.js'
import { cpuMs } from '../../cpu-time.js'

describe('parseNumeral', () => {
  it.each([
    ['31', 31],
    ['2.500', 2500],
    ['5.100', 5100],
    ['5 100', 5100],
    ['5\u00a0100', 5100],
    ['5\u202f100', 5100],
    ['1.000.000', 1_000_000],
    ['3,5', 3.5],
    ['12 345,75', 12345.75],
  ])('%s → %d', (s, v) => expect(parseNumeral(s)).toBe(v))

  it.each(['2.5', '1.2345', 'abc', '', '12 34'])('%s is not a French numeral', (s) =>
    expect(parseNumeral(s)).toBeNull(),
  )
})

describe('wordsValue', () => {
  it.each([
    [['quatre'], 4],
    [['vingt', 'deux'], 22],
    [['quatre', 'vingts'], 80],
    [['quatre', 'vingt', 'dix', 'neuf'], 99],
    [['soixante', 'et', 'onze'], 71],
    [['vingt', 'et', 'un'], 21],
    [['soixante', 'dix'], 70],
    [['dix', 'sept'], 17],
    [['cent'], 100],
    [['deux', 'cents'], 200],
    [['deux', 'cent', 'trente'], 230],
    [['mille'], 1000],
    [['trois', 'mille', 'cinq', 'cents'], 3500],
    [['deux', 'millions'], 2_000_000],
  ])('%j → %d', (w, v) => expect(wordsValue(w)).toBe(v))

  it.each([[['deux', 'trois']], [['vingt', 'et', 'deux']], [['et']], [['soldats']]])(
    '%j is not a numeral',
    (w) => expect(wordsValue(w)).toBeNull(),
  )
})

const one = (text: string, articles = false) => {
  const q = findQuantities(text, { articles })
  expect(q).toHaveLength(1)
  return q[0]!
}

describe('findQuantities', () => {
  it.each([
    ['2.500 hommes', 2500, 'exact', '2.500'],
    ['5 100 soldats', 5100, 'exact', '5 100'],
    ['5\u00a0100 soldats', 5100, 'exact', '5\u00a0100'],
    ['3,5 millions de dollars', 3_500_000, 'exact', '3,5 millions'],
    ['1,2 milliard de francs CFA', 1_200_000_000, 'exact', '1,2 milliard'],
    ['quatre hélicoptères', 4, 'exact', 'quatre'],
    ['vingt-deux blindés', 22, 'exact', 'vingt-deux'],
    ['quatre-vingts véhicules', 80, 'exact', 'quatre-vingts'],
    ['quatre-vingt-dix-neuf ans', 99, 'exact', 'quatre-vingt-dix-neuf'],
    ['vingt et un soldats', 21, 'exact', 'vingt et un'],
    ['deux cents tonnes', 200, 'exact', 'deux cents'],
    ['cent camions', 100, 'exact', 'cent'],
    ['mille doses', 1000, 'exact', 'mille'],
    ['une cinquantaine de morts', 50, 'approximate', 'une cinquantaine'],
    ['une dizaine de véhicules', 10, 'approximate', 'une dizaine'],
    ['un millier de soldats', 1000, 'approximate', 'un millier'],
    ['au moins 31 civils', 31, 'at_least', 'au moins 31'],
    ['plus de 20 morts', 20, 'more_than', 'plus de 20'],
    ["plus d'une centaine de blessés", 100, 'more_than', "plus d'une centaine"],
    ['près de 3.000 hommes', 3000, 'approximate', 'près de 3.000'],
    ['environ 400 soldats', 400, 'approximate', 'environ 400'],
    ['moins de 10 personnes', 10, 'less_than', 'moins de 10'],
    ["jusqu'à 500 instructeurs", 500, 'at_most', "jusqu'à 500"],
  ])('%s → %d (%s)', (text, value, qualifier, surface) => {
    const q = one(text)
    expect(q.value).toBe(value)
    expect(q.qualifier).toBe(qualifier)
    expect(q.surface).toBe(surface)
    expect(text.slice(q.start, q.end)).toBe(surface)
  })

  it.each([
    ['des centaines de morts', 200],
    ['des dizaines de villageois', 20],
    ['plusieurs centaines de soldats', 200],
    ['des milliers de déplacés', 2000],
    ['des dizaines de milliers de réfugiés', 20000],
  ])('%s → no value, indefinite, min %d', (text, min) => {
    const q = one(text)
    expect(q.value).toBeNull()
    expect(q.qualifier).toBe('indefinite')
    expect(q.min).toBe(min)
  })

  it('reads bare un/une as 1 only when asked', () => {
    expect(findQuantities('un soldat a été tué')).toHaveLength(0)
    expect(one('un soldat a été tué', true).value).toBe(1)
  })

  it.each([
    'le 30 septembre dernier',
    'en 2019',
    'septembre 2021',
    'le 1er août',
    'le 11.11.2021',
    'à 14:30',
    'un Mi-171',
  ])('%s holds no amount', (text) => expect(findQuantities(text)).toEqual([]))

  it('keeps the two numbers of a range apart', () => {
    const q = findQuantities('entre 2.500 et 3.000 hommes au Sahel, sur les 5.100 impliqués')
    expect(q.map((x) => x.value)).toEqual([2500, 3000, 5100])
  })

  it('reports spans inside a larger text', () => {
    const text = 'Selon le bilan, au moins 31 civils ont péri.'
    const q = one(text)
    expect(text.slice(q.start, q.end)).toBe('au moins 31')
  })

  it('is linear on long runs of digits and separators', () => {
    const text = `${'1 000 '.repeat(40_000)}${'9'.repeat(100_000)}`
    const t0 = cpuMs()
    findQuantities(text)
    expect(cpuMs() - t0).toBeLessThan(5000)
  })
})
