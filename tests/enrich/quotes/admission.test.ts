import { describe, expect, it } from 'vitest'
import { isQuotation } from '../../../pipeline/enrich/quotes/admission.js'
import { quotesOf } from './fixtures.js'

describe('which quoted strings are quotations', () => {
  it('a single quoted word is a term', () => {
    expect(quotesOf('Le sommet a été qualifié de "historique" par le ministre, a-t-il dit.')).toEqual([])
    expect(isQuotation('historique', true)).toBe(false)
  })

  it('a short expression is a quotation only when attributed', () => {
    expect(quotesOf('Des sources ont évoqué une « présence étrangère » dans la zone.')).toEqual([])
    expect(
      quotesOf('Le président Tebboune a dénoncé une « agression caractérisée » contre son pays.'),
    ).toMatchObject([{ text: 'agression caractérisée', speaker: 'Tebboune' }])
  })

  it('a long unattributed string is a quotation without a speaker, unless it is a name', () => {
    expect(isQuotation('Nous ne partirons pas avant la fin', false)).toBe(true)
    expect(isQuotation('Alliance des États du Sahel et Forces Unies', false)).toBe(false)
  })
})
