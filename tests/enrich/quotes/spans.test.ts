import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { quotesOf } from './fixtures.js'

const FRAGMENTS = [
  '« Nous resterons aux côtés du peuple malien », a déclaré le ministre. ',
  'Il a assuré que Moscou "n’avait aucun lien avec ces sociétés". ',
  '“Une étape décisive”, selon la présidence. ',
  'Le porte-parole a dénoncé une « provocation » ',
  '« « « ',
  '" " "',
  '» ” ',
  'l’armée d’aujourd’hui ',
  '\n\n',
  'a-t-il dit. ',
  'Moscou 🇷🇺 a réagi. ',
]

describe('spans', () => {
  it('every quote text is exactly the text between its offsets, on any mix of fragments', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 20 }), (parts) => {
        const text = parts.join('')
        for (const q of quotesOf(text)) {
          expect(text.slice(q.start, q.end)).toBe(q.text)
          expect(q.text).toBe(q.text.trim())
          expect(q.start).toBeLessThan(q.end)
          if (q.speaker_surface !== null && q.speaker_start !== null && q.speaker_end !== null)
            expect(text.slice(q.speaker_start, q.speaker_end)).toBe(q.speaker_surface)
        }
      }),
      { numRuns: 300 },
    )
  })

  it('completes on 10,000 opening guillemets without closers', () => {
    const text = `Début. ${'« '.repeat(10_000)}fin du texte, a-t-il dit.`
    expect(quotesOf(text)).toEqual([])
  })

  it('completes on a 200,000-character line', () => {
    const unit = 'Le ministre a déclaré que « la coopération "continue" », a-t-il dit, selon '
    const text = unit.repeat(Math.ceil(200_000 / unit.length)).slice(0, 200_000)
    const qs = quotesOf(text)
    expect(qs.length).toBeGreaterThan(0)
    for (const q of qs.slice(0, 50)) expect(text.slice(q.start, q.end)).toBe(q.text)
  })

  it('completes on alternating straight marks and apostrophes', () => {
    const text = `"'`.repeat(50_000)
    expect(() => quotesOf(text)).not.toThrow()
  })
})
