/**
 * The tokenizers give, without building a match for each token, the tokens their patterns give:
 * compared on random texts with astral letters, marks, digits, apostrophes and lone surrogates.
 */
import { describe, expect, it } from 'vitest'
import { tokenize as entityTokens, foldKey } from '../../pipeline/enrich/entities/normalize.js'
import {
  tokenize as eventTokens,
  normalizeWord,
  tokenizeByPattern,
} from '../../pipeline/enrich/events/tokens.js'
import { tokenize as quoteTokens } from '../../pipeline/enrich/quotes/text.js'
import { countWords } from '../../pipeline/enrich/words.js'
import { randomText, rng } from '../random.js'

const ALPHABET = [
  ..."aeéiAÉLßǅ0139 ,;.-‑'’«»\n",
  ...['\u0301', '𝐀', '𝟙', '\ud800', 'qu’', "l'", 'Œ', '²', '3,5', '2.500', 'a-t-il'],
]

/** A text of up to 50 pieces, three in ten drawn from `extra`, the others from `ALPHABET`. */
function mixedText(next: () => number, extra: readonly string[]): string {
  let text = ''
  const len = Math.floor(next() * 50)
  for (let i = 0; i < len; i++) {
    const pool = next() < 0.3 ? extra : ALPHABET
    text += pool[Math.floor(next() * pool.length)]
  }
  return text
}

describe('tokenizers match their patterns', () => {
  it('entity words: runs of letters and digits, as matchAll gives them', () => {
    const next = rng(7)
    for (let n = 0; n < 800; n++) {
      const text = randomText(next, ALPHABET, Math.floor(next() * 60))
      const expected = [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({
        start: m.index,
        end: m.index + m[0].length,
        raw: m[0],
        key: foldKey(m[0]),
      }))
      expect(entityTokens(text), JSON.stringify(text)).toEqual(expected)
    }
  })

  it('event tokens: numbers with their separators, words with their apostrophes, punctuation', () => {
    const next = rng(5)
    // (an astral combining mark, an apostrophe before an astral letter, a hyphen before a mark)
    const extra = ['\u00a0', '\u202f', '12 345', '1.234.567', '3,14', 'COP21', '’', '؟', '\t']
    extra.push('\u{1d167}', "l'𝐀", 'a-\u0301', '\u3000')
    for (let n = 0; n < 1500; n++) {
      const text = mixedText(next, extra)
      const from = Math.floor(next() * 3)
      expect(eventTokens(text, from), JSON.stringify(text)).toEqual(tokenizeByPattern(text, from))
    }
  })

  it('quote tokens: elided articles apart, hyphenated words whole, single marks', () => {
    const TOKEN =
      /(?:jusqu|lorsqu|puisqu|qu|[dlnjmtsc])['’](?=[\p{L}\p{N}])|[\p{L}\p{N}]+(?:[-‑][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/giu
    const byPattern = (text: string, from: number) =>
      [...text.slice(from).matchAll(TOKEN)].map((m) => {
        const t = m[0]
        return {
          text: t,
          lower: t.toLowerCase().replace(/’/g, "'"),
          start: from + m.index,
          end: from + m.index + t.length,
          kind: /[\p{L}\p{N}]/u.test(t) ? 'word' : 'punct',
        }
      })
    const next = rng(9)
    const extra = ['Qu’', "JUSQU'", 'lorsqu’', 'd’', "L'", 's’', '\u00a0', '‑', 'K', 'ſ']
    for (let n = 0; n < 1500; n++) {
      const text = mixedText(next, extra)
      const from = Math.floor(next() * 3)
      expect(quoteTokens(text, from), JSON.stringify(text)).toEqual(byPattern(text, from))
    }
  })

  it('word counts: as many as the pattern finds', () => {
    const next = rng(11)
    const WORD = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+|(?<=\p{N})[.,]\p{N}+)*/gu
    for (let n = 0; n < 800; n++) {
      const text = randomText(next, ALPHABET, Math.floor(next() * 60))
      expect(countWords(text), JSON.stringify(text)).toBe([...text.matchAll(WORD)].length)
    }
    expect(countWords('l’attaque a fait 2.500 morts, a-t-il dit')).toBe(8)
  })

  it('lower-case keys: typographic apostrophes become straight ones, nothing else changes', () => {
    expect(normalizeWord('Qu’Il')).toBe("qu'il")
    expect(normalizeWord('ÉTAT')).toBe('état')
    expect(quoteTokens('L’Ukraine a-t-elle « dit »').map((t) => t.lower)).toEqual([
      "l'",
      'ukraine',
      'a-t-elle',
      '«',
      'dit',
      '»',
    ])
  })
})
