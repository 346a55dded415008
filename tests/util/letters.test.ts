import { describe, expect, it } from 'vitest'
import { FLIPPED_WORD } from '../../pipeline/clean/casing.js'
import { LOWER_UPPER, nextGlue, SENTENCE_GLUE } from '../../pipeline/clean/glued.js'
import { hasAstral, letterClasses, nextCaseChangeRun } from '../../pipeline/util/letters.js'
import { MappedText } from '../../pipeline/util/mapped-text.js'
import { randomText, rng } from '../random.js'

// the characters the patterns turn on: cases, accents, marks, quotes, digits, spaces, line breaks
// and syllables, so that words run into capitals often enough
const ALPHABET = [
  ...'aeéiloprsuzAEÉLMSÇßǅ0139 ,;:.!?…«»"“”’\')-\n',
  ...['...', 'ʼ', 'ª', 'ǈ', 'ais', 'ées', 'ont', 'Les', 'Ma', 'Évo', ' ', ' ', 'ent', 'Sa'],
]

const SAMPLES = [
  'une visite officielle à MoscouLes combats ont repris',
  'La SaNGaRé et le pèreMoscou.Lors de la réunion à Bamako...Puis «Non» dit-il.»Alors',
  'M. Diop,3.Le iPhone et McDonald’s ; l’armée malienneÉvoquant les faits.',
]

describe('seeking the places a pattern can match gives what the pattern alone gives', () => {
  const cases: [string, RegExp, (t: string, from: number) => number][] = [
    ['lower-case word run into a capital', LOWER_UPPER, nextCaseChangeRun],
    ['word with case flips', FLIPPED_WORD, nextCaseChangeRun],
    ['sentence glued to the next', SENTENCE_GLUE, nextGlue],
  ]
  for (const [name, pattern, seek] of cases)
    it(`${name}: the same matches and the same mapped text on real and random texts`, () => {
      const next = rng(20_261_129)
      const texts = [...SAMPLES]
      for (let k = 0; k < 400; k++) texts.push(randomText(next, ALPHABET, 5 + Math.floor(next() * 60)))
      let matched = 0
      for (const text of texts) {
        const seen: [number, string][] = []
        const plain = MappedText.identity(text).replace(pattern, (m) => {
          seen.push([m.index, m[0]])
          return `<${m[0]}>`
        })
        const sought: [number, string][] = []
        const fast = MappedText.identity(text).replace(
          pattern,
          (m) => {
            sought.push([m.index, m[0]])
            return `<${m[0]}>`
          },
          seek,
        )
        expect(sought, text).toEqual(seen)
        expect(fast.text).toBe(plain.text)
        expect([...fast.from]).toEqual([...plain.from])
        expect([...fast.to]).toEqual([...plain.to])
        matched += seen.length
      }
      // the random texts do exercise the pattern
      expect(matched).toBeGreaterThan(20)
    })
})

describe('letter classes agree with the Unicode properties of the regular expressions', () => {
  it('classes every code unit outside the surrogates as \\p{Ll}, \\p{Lu} and \\p{L} do', () => {
    const cls = letterClasses()
    for (const ch of ['a', 'é', 'ß', 'A', 'É', 'Ç', 'ǅ', 'ª', 'ʼ', '1', ' ', '’', '«']) {
      const c = ch.charCodeAt(0)
      expect([(cls[c]! & 1) !== 0, (cls[c]! & 2) !== 0, (cls[c]! & 4) !== 0], ch).toEqual([
        /\p{Ll}/u.test(ch),
        /\p{Lu}/u.test(ch),
        /\p{L}/u.test(ch),
      ])
    }
  })

  it('says when a text holds astral characters (the scans then give way to the pattern)', () => {
    expect(hasAstral('Bamako 😀')).toBe(true)
    expect(hasAstral('Bamako')).toBe(false)
  })
})
