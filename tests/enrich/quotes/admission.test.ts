import { describe, expect, it } from 'vitest'
import { isQuotation } from '../../../pipeline/enrich/quotes/admission.js'
import { quotesOf } from './fixtures.js'

const texts = (text: string) => quotesOf(text).map((q) => q.text)

describe('which quoted strings are quotations', () => {
  it('a quoted word or short expression is someone’s words, attributed or not', () => {
    expect(
      texts(
        'Le ministre a été expulsé après les propos de Jean-Yves Le Drian traitant les autorités de la transition malienne de « illégitimes » et « irresponsables ».',
      ),
    ).toEqual(['illégitimes', 'irresponsables'])
    expect(
      quotesOf(
        'Vendredi dernier, le Conseil fédéral avait pris des mesures déjà qualifiées de «draconiennes».',
      ),
    ).toMatchObject([{ text: 'draconiennes', speaker: null }])
    expect(quotesOf('L’accord a défini "l\'impératif de différentiel" qui opposait les pays.')).toMatchObject(
      [{ text: "l'impératif de différentiel", speaker: null }],
    )
  })

  it('a string the text introduces as a name is not a quotation', () => {
    expect(texts('Nikita Fedyanin, connu sous le pseudonyme de "Bely", a été tué.')).toEqual([])
    expect(
      texts(
        'L’attaque, attribuée à un groupe islamiste nommé «al-shabab» («les jeunes» en arabe), a eu lieu.',
      ),
    ).toEqual([])
    expect(texts('Comme si l’on visionnait à nouveau le film « La chute du faucon noir ».')).toEqual([])
    expect(
      texts(
        'La visite a été marquée par la signature de la Déclaration du «Partenariat d’exception renforcé».',
      ),
    ).toEqual([])
  })

  it('a single capitalised word or an all-capitalised string is a name', () => {
    expect(isQuotation('Barkhane', false)).toBe(false)
    expect(isQuotation('Bella Ciao', true)).toBe(false)
    expect(isQuotation('dissous', false)).toBe(true)
  })

  it('a long unattributed string is a quotation without a speaker, unless it is a name', () => {
    expect(isQuotation('Nous ne partirons pas avant la fin', false)).toBe(true)
    expect(isQuotation('Alliance des États du Sahel et Forces Unies', false)).toBe(false)
  })
})

describe('word counts', () => {
  it('counts words as n_words does: an elided article is a word of its own', () => {
    // five words in the dataset's sense (`L’`, `Afrique`, …): past the short-title limit, so a
    // capitalised string someone says is a quotation; four, and it would pass for a title
    expect(isQuotation('L’Afrique Aux Africains Maintenant', true)).toBe(true)
    expect(isQuotation('Afrique Aux Africains Maintenant', true)).toBe(false)
  })
})
