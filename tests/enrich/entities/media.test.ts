import { describe, expect, it } from 'vitest'
import { countryCodes, names } from './helpers.js'

describe('news outlets named in the text', () => {
  it('are organisations, and the place in their name is no mention of it', () => {
    expect(names('« Nous avons été attaqués », a déclaré à Reuters un responsable.', 'organization')).toEqual(
      ['Reuters'],
    )
    expect(names('Il a parlé à Jeune Afrique.', 'place')).toEqual([])
    expect(countryCodes('a indiqué à l’Agence France-Presse une source sécuritaire')).toEqual([])
  })

  it('are not named by a credit or a by-line', () => {
    expect(names('a promis Sergueï Lavrov lors de... 11.11.2021, Sputnik France\n', 'organization')).toEqual(
      [],
    )
    expect(names('Des soldats à Gao. © AFP\nLe texte suit.', 'organization')).toEqual([])
  })
})
