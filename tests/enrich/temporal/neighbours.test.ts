/** `la veille`, `le lendemain`, `le même jour` standing alone, and `la nuit dernière`. */
import { describe, expect, it } from 'vitest'
import { only, pairs } from './helpers.js'

describe('days counted from another day', () => {
  it('counts `la veille` from the last day named before in the paragraph (real fragment)', () => {
    const text = 'Ce mardi, le président a été reçu au palais royal. La veille, il avait visité la médina.'
    expect(pairs(text, '2024-10-29')).toEqual(['Ce mardi=2024-10-29', 'La veille=2024-10-28'])
  })
  it('counts `la veille` from the publication day when no day is named before', () => {
    expect(only('La deadline était la veille.', '2012-08-10', 'veille').value).toBe('2012-08-09')
  })
  it('gives `le même jour` and `le lendemain` the day named before', () => {
    const text =
      'L’attaque a eu lieu le 3 mars 2023. Le même jour, un convoi a sauté. Le lendemain, l’armée a riposté.'
    expect(pairs(text, '2023-03-20')).toEqual([
      'le 3 mars 2023=2023-03-03',
      'Le même jour=2023-03-03',
      'Le lendemain=2023-03-04',
    ])
  })
  it('does not carry a day across a paragraph break', () => {
    const text = 'L’attaque a eu lieu le 3 mars 2023.\n\nLa veille, le texte avait été diffusé.'
    expect(only(text, '2023-04', 'veille').value).toBeNull()
  })
  it('leaves `à la veille des élections` without a value', () => {
    expect(
      only('Le 3 mars 2023, à la veille des élections, la tension monte.', '2023-03-20', 'veille').value,
    ).toBeNull()
  })
  it('takes `la nuit dernière` as the day before (real fragment)', () => {
    expect(
      only('Des éléments du M23 ont pillé la nuit dernière des boutiques.', '2022-06-14', 'nuit').value,
    ).toBe('2022-06-13')
  })
})
