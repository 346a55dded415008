import { describe, expect, it } from 'vitest'
import { findDateline } from '../../../pipeline/enrich/document/dateline.js'

describe('dateline: place, date and agency opening one of the first paragraphs', () => {
  it('reads capitals and title case, abbreviated months and a glued agency', () => {
    expect(findDateline('NIAMEY, 12 mars 2024 (AFP) - Le régime a annoncé…')).toEqual({
      city: 'NIAMEY',
      date: { year: 2024, month: 3, day: 12 },
      agencies: ['AFP'],
    })
    expect(
      findDateline('Ouagadougou, 26 sept. 2021(AIB)-Le Premier ministre malien Choguel Maïga s’est plaint…'),
    ).toEqual({ city: 'Ouagadougou', date: { year: 2021, month: 9, day: 26 }, agencies: ['AIB'] })
    expect(findDateline('ALGER, mardi 30 juillet 2024 – L’Algérie a pris la décision…')).toMatchObject({
      date: { year: 2024, month: 7, day: 30 },
      agencies: [],
    })
  })

  it('gives a day and a month without a year, and looks past a first short paragraph', () => {
    expect(findDateline('(Précisions)\n\nADEN, 18 janvier (Reuters) - Des frappes aériennes…')).toEqual({
      city: 'ADEN',
      date: { month: 1, day: 18 },
      agencies: ['Reuters'],
    })
  })

  it('is no dateline without a date or an agency, nor with a word that is no weekday or month', () => {
    expect(findDateline('Paris - Le gouvernement a annoncé…')).toBeNull()
    expect(findDateline('Emmanuel Macron (G) et Assimi Goïta')).toBeNull()
    expect(findDateline('Bamako, selon 12 sources - rien')).toBeNull()
    expect(findDateline('Le ministre a déclaré, 12 fois - rien')).toBeNull()
  })
})
