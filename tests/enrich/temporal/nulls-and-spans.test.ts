/** What must stay null, what must not be found at all, spans, and hostile input. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cpuMs } from '../../cpu-time.js'
import { only, pairs, temporal } from './helpers.js'

describe('values that cannot be known stay null', () => {
  it('a weekday when publication is known only to the month', () => {
    const t = only('a déclaré mardi le ministère russe des Affaires étrangères', '2021-12', 'mardi')
    expect(t.value).toBeNull()
    expect(t.precision).toBeNull()
  })
  it('but a date that every day of that month places the same way gets its value', () => {
    expect(
      only('avait livré le 30 septembre dernier quatre hélicoptères', '2021-12', 'septembre').value,
    ).toBe('2021-09-30')
    expect(only("L'an dernier, la production a baissé.", '2023-02', 'an dernier').value).toBe('2022')
  })
  it('relative expressions without a publication date', () => {
    expect(pairs('Hier, mardi, le 3 mars, en juin et cette année.', null)).toEqual([
      'Hier=null',
      'mardi=null',
      'le 3 mars=null',
      'en juin=null',
      'cette année=null',
    ])
  })
  it('durations and vague distances', () => {
    const ts = temporal(
      'Le pays est en guerre depuis dix ans ; il y a quelques jours, un camp est tombé.',
      '2024-08-01',
    )
    expect(ts.map((t) => [t.surface, t.value, t.kind])).toEqual([
      ['depuis dix ans', null, 'duration'],
      ['il y a quelques jours', null, 'date'],
    ])
  })
})

describe('numbers that are not dates', () => {
  it.each([
    'entre 2.500 et 3.000 hommes au Sahel, sur les 5.100 impliqués dans Barkhane',
    'Le bilan fait état de 2021 déplacés.',
    'Après 2000 morts, la trêve a été signée.',
    'Il y a sept régions et 1.2021.5 est une version.',
    'Les sept soldats sont rentrés.',
    'Une vidéo de 11.11 secondes ; le lot 2024-99-99.',
  ])('%s', (text) => {
    expect(pairs(text, '2024-08-01').filter((p) => !p.endsWith('=null'))).toEqual([])
  })

  it('generic "hier", "demain", "aujourd\'hui"', () => {
    expect(pairs("Les ennemis d'hier, l'Afrique de demain et le Mali d'aujourd'hui.", '2024-08-01')).toEqual(
      [],
    )
  })
  it('a habitual "le week-end"', () => {
    expect(pairs('Le week-end, le marché de Bamako est bondé.', '2024-08-01')).toEqual([])
  })
})

describe('spans', () => {
  it('round-trips on every expression, with typographic apostrophes and no-break spaces', () => {
    const text =
      'Aujourd’hui,\u00a0le 1er\u00a0août, après l’an dernier et hier soir ; depuis 2019, mi-juillet 2022 puis jeudi 11 novembre 2021.'
    const ts = temporal(text, '2024-08-01')
    expect(ts.length).toBeGreaterThanOrEqual(6)
    for (const t of ts) expect(text.slice(t.start, t.end)).toBe(t.surface)
  })
  it('cuts signal words off the surface but keeps "en", "fin", "le"', () => {
    expect(pairs('depuis 2019, avant 2015, en 2010, fin 2021, le 3 mars 2020', null)).toEqual([
      '2019=2019',
      '2015=2015',
      'en 2010=2010',
      'fin 2021=2021',
      'le 3 mars 2020=2020-03-03',
    ])
  })
  it('does not take the full stop after a month', () => {
    expect(only('Diop a parlé ce jeudi 1er août.', '2024-08-01', 'août').surface).toBe('ce jeudi 1er août')
  })
  it('round-trips on arbitrary text around dates (property)', () => {
    const piece = fc.constantFrom(
      'hier',
      ' le 3 mars 2021',
      '. ',
      'mardi',
      '11.11.2021',
      'x',
      '’',
      ' en juin',
      '2.500',
      '\n',
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('')
        for (const t of temporal(text, '2024-08-01')) {
          expect(text.slice(t.start, t.end)).toBe(t.surface)
          expect(t.start).toBeLessThan(t.end)
        }
      }),
    )
  })
})

describe('hostile input stays linear', () => {
  it.each([
    ['a 200,000-character line', `${'mardi 7 février '.repeat(12_500)}`],
    ['100,000 dots', '.'.repeat(100_000)],
    ['digits and dots', '1.'.repeat(100_000)],
    ['spaces after qualifiers', `${'en '.repeat(30_000)}${' '.repeat(100_000)}`],
    ['long digits', '2'.repeat(200_000)],
    ['slashes', '11/'.repeat(60_000)],
    [
      '10,000 `la veille`, each counted from the day before',
      `le 3 mars 2023, ${'la veille '.repeat(10_000)}`,
    ],
    ['ranges without their month', '10 au '.repeat(40_000)],
  ])('%s', (_, text) => {
    const t0 = cpuMs()
    temporal(text, '2024-08-01', true)
    expect(cpuMs() - t0).toBeLessThan(2_000)
  })
})
