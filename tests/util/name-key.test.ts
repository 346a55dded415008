/** The name key: a plain ASCII word takes a shortcut that must give the key the full folding gives. */
import { describe, expect, it } from 'vitest'
import { nameKey } from '../../pipeline/util/name-key.js'
import { randomText, rng } from '../random.js'

/** The key as the full folding computes it, for any string. */
const folded = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()

const ALPHABET = [..."abzAZ09éÉœŒß -'’.ǅİ", '\u0301', '𝐀', 'ﬁ']

describe('nameKey', () => {
  it('folds accents, case and punctuation', () => {
    expect(nameKey('Les Échos')).toBe('les echos')
    expect(nameKey("L'Orient-Le Jour")).toBe('l orient le jour')
    expect(nameKey('RFI')).toBe('rfi')
    expect(nameKey('TV5Monde')).toBe('tv5monde')
    expect(nameKey('')).toBe('')
  })

  it('gives the full folding on random ASCII and non-ASCII strings', () => {
    const next = rng(20261130)
    for (let n = 0; n < 3000; n++) {
      // one string in two plain ASCII letters and digits, the shortcut's case
      const text =
        n % 2 === 0
          ? randomText(next, [...'abcXYZ0189'], Math.floor(next() * 12))
          : randomText(next, ALPHABET, Math.floor(next() * 12))
      expect(nameKey(text), JSON.stringify(text)).toBe(folded(text))
    }
  })
})
