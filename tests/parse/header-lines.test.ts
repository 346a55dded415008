import { describe, expect, it } from 'vitest'
import { readDatedHeadline, readDateLine } from '../../pipeline/parse/header-lines.js'

describe('header lines carrying a date', () => {
  it('reads a line that is only a date, with its weekday, time and decorations', () => {
    expect(readDateLine('Lundi 31 Janvier 2022')).toEqual({
      date: { year: 2022, month: 1, day: 31, weekday: 1 },
      bodyAt: null,
    })
    expect(readDateLine('- 17 septembre 2015 --')?.date).toEqual({ year: 2015, month: 9, day: 17 })
    expect(readDateLine('26/01/2025')?.date).toEqual({ year: 2025, month: 1, day: 26 })
    expect(readDateLine('30 juillet 2024 à 15:36')?.date).toEqual({ year: 2024, month: 7, day: 30 })
  })

  it('splits a date glued to the first word of the body', () => {
    const line = '13 mars 2016La station de ski a rouvert.'
    const d = readDateLine(line)
    expect(d?.date).toEqual({ year: 2016, month: 3, day: 13 })
    expect(line.slice(d!.bodyAt!)).toBe('La station de ski a rouvert.')
  })

  it('leaves sentences that contain a date', () => {
    expect(readDateLine('13 mars 2016 fut une journée sanglante.')).toBeNull()
    expect(readDateLine('Le 13 mars 2016, la station a rouvert.')).toBeNull()
    expect(readDateLine('Bamako 12 mars 2024')).toBeNull()
  })

  it('splits a headline from its by-line, date and the body on the same line', () => {
    const line =
      'Crise Algérie – France : Alger retire son ambassadeur à Paris “avec effet immédiat” Par Farid L. 30 juillet 2024 à 15:36 ALGER, mardi 30 juillet 2024 – L’Algérie a pris la décision.'
    const h = readDatedHeadline(line)
    expect(h).toMatchObject({
      title: 'Crise Algérie – France : Alger retire son ambassadeur à Paris “avec effet immédiat”',
      author: 'Farid L.',
      date: { year: 2024, month: 7, day: 30 },
    })
    expect(line.slice(h!.bodyAt!)).toMatch(/^ALGER, mardi/)
  })

  it('takes a time stamp without a by-line, but not a sentence’s date', () => {
    expect(
      readDatedHeadline('Le Mali rompt avec l’Ukraine 4 août 2024 à 18h05 Le gouvernement malien a annoncé…'),
    ).toMatchObject({ title: 'Le Mali rompt avec l’Ukraine', author: null })
    expect(
      readDatedHeadline('La réunion des ministres est prévue le 12 mars 2024 à 15h30 au siège de la Cédéao.'),
    ).toBeNull()
    expect(
      readDatedHeadline('Attaque revendiquée par Boko Haram 12 mars 2024 à 10h00 dans le nord.'),
    ).toBeNull()
  })
})
