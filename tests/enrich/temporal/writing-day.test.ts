/**
 * A publication date known only to the month: a day and month of that month take its year, and the day
 * of writing the text names stands in for the publication day in relative expressions.
 */
import { describe, expect, it } from 'vitest'
import { only, pairs, temporal } from './helpers.js'

describe('a publication date known only to the month', () => {
  it('gives its year to a day of the same month, weekday checked (real fragment)', () => {
    const t = only(
      'D’entrée, mercredi 23 octobre au matin, le président russe a donné le ton.',
      '2019-10',
      '23',
    )
    expect(t.value).toBe('2019-10-23')
    expect(t.weekday_mismatch).toBe(false)
  })
  it('resolves a weekday and date of another month, the weekday choosing the year', () => {
    const t = only('Le mercredi 18 mars, le gouvernement a décrété le confinement.', '2020-04', '18 mars')
    expect(t.value).toBe('2020-03-18')
    expect(t.weekday_mismatch).toBe(false)
  })
  it('gives its year to `le 3 octobre dernier` in an October article', () => {
    expect(only('Le massacre du 3 octobre dernier a fait 115 morts.', '2024-10', 'octobre').value).toBe(
      '2024-10-03',
    )
  })
  it('resolves weekdays and `hier` against the day the text names (real fragments)', () => {
    const text =
      'Alger, mardi 30 juillet 2024. L’Algérie a retiré aujourd’hui son ambassadeur. Jeudi dernier, Paris avait reconnu le plan marocain. Hier, le ministère a protesté.'
    expect(pairs(text, '2024-07')).toEqual([
      'mardi 30 juillet 2024=2024-07-30',
      'aujourd’hui=2024-07-30',
      'Jeudi dernier=2024-07-25',
      'Hier=2024-07-29',
    ])
    const hier = temporal(text, '2024-07').find((t) => t.surface === 'Hier')!
    expect(hier.anchor).toBe('expression')
    expect(hier.method).toBe('coreference')
  })
  it('does not take a deadline for the day of writing (real fragment)', () => {
    const text =
      'L’armée a rejeté le texte diffusé la veille, dans lequel le président s’engageait à quitter la présidence avant le 28 avril.'
    expect(only(text, '2019-04', 'veille').value).toBeNull()
  })
  it('does not take a date written in English (an embedded post) for the day of writing', () => {
    const text = 'Des troupes ont été parachutées hier soir à Kharkiv. — VoiceGirl (@leislgirl) March 1, 2022'
    expect(only(text, '2022-03', 'hier').value).toBeNull()
  })
  it('keeps relative expressions null when no day of the period is named', () => {
    expect(only('Samedi, des tirs ont été entendus à Kati.', '2022-07', 'Samedi').value).toBeNull()
  })
})
