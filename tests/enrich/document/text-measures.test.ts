import { describe, expect, it } from 'vitest'
import { detectLanguage } from '../../../pipeline/enrich/document/language.js'
import { tidyAuthor, tidyTitle } from '../../../pipeline/enrich/document/title.js'
import { sentenceIndexAt, sentenceSpans } from '../../../pipeline/enrich/sentences.js'
import { countWords } from '../../../pipeline/enrich/words.js'

const sentences = (t: string) => sentenceSpans(t).map((s) => t.slice(s.start, s.end))

describe('sentences', () => {
  it('splits at final marks followed by a capital, quote or digit, not after titles or initials', () => {
    const t =
      'Selon M. Diop, le pays espère revenir à la normale. « Nous soutenons le Mali », a dit J. Dupont. 2023 sera décisive ! Et après ?'
    expect(sentences(t)).toEqual([
      'Selon M. Diop, le pays espère revenir à la normale.',
      '« Nous soutenons le Mali », a dit J. Dupont.',
      '2023 sera décisive !',
      'Et après ?',
    ])
  })

  it('keeps numbers and lower-case continuations together and splits at paragraph breaks', () => {
    const t =
      'Entre 2.500 et 3.000 hommes. etc. suite\n\nMoscou dément tout lien\n\nÉvoquant les préoccupations.'
    expect(sentences(t)).toEqual([
      'Entre 2.500 et 3.000 hommes. etc. suite',
      'Moscou dément tout lien',
      'Évoquant les préoccupations.',
    ])
  })

  it('finds the sentence of an offset', () => {
    const t = 'Une phrase. Deux phrases. Trois.'
    const spans = sentenceSpans(t)
    expect(sentenceIndexAt(spans, t.indexOf('Deux'))).toBe(1)
    expect(sentenceIndexAt(spans, t.indexOf('Trois') + 2)).toBe(2)
  })
})

describe('words, language, title and author', () => {
  it('counts words with inner hyphens and French numbers as one, elisions as two', () => {
    expect(countWords('l’attaque de 2.500 hommes, insiste-t-il.')).toBe(6)
  })

  it('identifies French, and says null for text too short to tell', () => {
    expect(
      detectLanguage(
        'La Russie continuera d’aider le Mali dans sa lutte contre le terrorisme, a déclaré mardi le ministère.',
      ),
    ).toBe('fr')
    expect(
      detectLanguage(
        'Russia will keep helping Mali in its fight against terrorism, the foreign ministry said on Tuesday.',
      ),
    ).toBe('en')
    expect(detectLanguage('Mali')).toBeNull()
    // languages that share many function words with French are not taken for it
    expect(
      detectLanguage(
        'Rusia seguirá ayudando a Malí en su lucha contra el terrorismo y contribuirá a mejorar la eficacia en combate de su ejército, declaró el martes el ministerio ruso de Asuntos Exteriores tras el ataque terrorista en el que murieron 31 civiles en la región de Mopti.',
      ),
    ).toBe('es')
    expect(
      detectLanguage(
        'La Russia continuerà ad aiutare il Mali nella sua lotta contro il terrorismo e contribuirà a migliorare l’efficacia in combattimento del suo esercito, ha dichiarato martedì il ministero degli Esteri russo dopo l’attacco terroristico in cui sono morti 31 civili nella regione di Mopti.',
      ),
    ).toBe('it')
  })

  it('tidies a title and repairs a signature', () => {
    expect(tidyTitle('  Lavrov promet   au Mali la poursuite du soutien militaire ')).toBe(
      'Lavrov promet au Mali la poursuite du soutien militaire',
    )
    expect(tidyTitle(undefined)).toBeNull()
    expect(tidyAuthor('M.SaNGaRé')).toBe('M. Sangaré')
  })
})
