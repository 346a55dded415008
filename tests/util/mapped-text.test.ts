import { describe, expect, it } from 'vitest'
import { MappedText } from '../../pipeline/util/mapped-text.js'

describe('MappedText keeps every unit traced to the original', () => {
  it('maps an inserted space to an empty span and keeps neighbours exact', () => {
    const src = 'visite à Moscou.Lors des négociations'
    const t = MappedText.identity(src).replace(/\.(?=L)/g, () => '. ')
    expect(t.text).toBe('visite à Moscou. Lors des négociations')
    const lors = t.text.indexOf('Lors')
    const o = t.origin(lors, lors + 4)
    expect(src.slice(o.start, o.end)).toBe('Lors')
    const space = t.text.indexOf(' Lors')
    expect(t.origin(space, space + 1)).toEqual({ start: src.indexOf('Lors'), end: src.indexOf('Lors') })
  })

  it('maps a repaired sequence to the whole sequence it replaced', () => {
    const src = 'AprÃ¨s l’attaque'
    const t = MappedText.identity(src).replace(/Ã¨/g, () => 'è')
    expect(t.text).toBe('Après l’attaque')
    expect(t.origin(3, 4)).toEqual({ start: 3, end: 5 })
    const a = t.text.indexOf('attaque')
    const o = t.origin(a, a + 7)
    expect(src.slice(o.start, o.end)).toBe('attaque')
  })

  it('composes: slice, join and replace in sequence still point at the source', () => {
    const src = 'Titre\r\n\r\nPremier paragraphe.\r\nSecond paragraphe.'
    let t = MappedText.identity(src).replace(/\r\n?/g, () => '\n')
    const first = t.slice(t.text.indexOf('Premier'), t.text.indexOf('.') + 1)
    const second = t.slice(t.text.indexOf('Second'), t.length)
    t = MappedText.join([first, second], '\n\n')
    expect(t.text).toBe('Premier paragraphe.\n\nSecond paragraphe.')
    const s = t.text.indexOf('Second')
    const o = t.origin(s, t.length)
    expect(src.slice(o.start, o.end)).toBe('Second paragraphe.')
  })

  it('rejects a non-global pattern, a programming error', () => {
    expect(() => MappedText.identity('x').replace(/x/, () => 'y')).toThrow(TypeError)
  })
})
