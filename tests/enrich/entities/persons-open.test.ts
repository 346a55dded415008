import { describe, expect, it } from 'vitest'
import { names } from './helpers.js'

describe('persons outside the curated list', () => {
  it('are found from first names of many languages', () => {
    expect(names('le vice-président de la Douma, Viatcheslav Gladkov, était présent', 'person')).toContain(
      'Viatcheslav Gladkov',
    )
    expect(names('après la chute du régime de Bachar al-Assad, sur cette base', 'person')).toEqual([
      'Bachar al-Assad',
    ])
    expect(names('Acté par Mohammed VI et le roi', 'person')).toEqual(['Mohammed VI'])
  })

  it('are the subject of an inverted verb of saying, or follow a title with its complement', () => {
    expect(names('", a déclaré Tedros Adhanom Ghebreyesus, dans un message', 'person')).toEqual([
      'Tedros Adhanom Ghebreyesus',
    ])
    expect(names('la ministre de l’Environnement, Hakima El Haite, a salué', 'person')).toEqual([
      'Hakima El Haite',
    ])
  })

  it('never type a portfolio, a body, a quoted title or a credit as a person', () => {
    expect(names('le président de la Cour, le magistrat burkinabè', 'person')).toEqual([])
    expect(names('le Général de Brigade Abdourahmane Tiani', 'person')).toEqual(['Abdourahamane Tiani'])
    expect(names('la chorale entonne « Bella Ciao », reprise par la foule', 'person')).toEqual([])
    expect(
      names('(Reportage Alaa Swilam et Mohammed Ghobari; version française Jean Terzian)', 'person'),
    ).toEqual([])
  })

  it('tell a listed person spelt otherwise from a relative of the same name', () => {
    expect(names('le colonel Mamady Doumbouya a pris la parole', 'person')).toEqual(['Mamadi Doumbouya'])
    expect(names('Le chef d’Etat et son épouse Brigitte Macron sont arrivés', 'person')).toEqual([
      'Brigitte Macron',
    ])
  })
})
