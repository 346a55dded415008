import { describe, expect, it } from 'vitest'
import {
  agreement,
  BINS,
  fmix32,
  hashString,
  SHINGLE_WORDS,
  shingleWords,
  signature,
} from '../../pipeline/corpus/minhash.js'
import { NearDuplicateIndex } from '../../pipeline/corpus/near-duplicates.js'
import { seedNames, seedText } from '../helpers.js'

const dispatch =
  'Le ministre russe des Affaires étrangères a eu jeudi un entretien téléphonique avec son homologue malien, à l’initiative de la partie malienne. ' +
  'Les deux hommes ont discuté du développement des relations bilatérales et des perspectives de coopération renforcée dans divers domaines, notamment la sécurité, le commerce et la culture. ' +
  'La Russie continuera à former le personnel militaire et les forces de l’ordre maliens pour lutter contre les menaces terroristes persistantes, a déclaré le ministre. ' +
  'Les discussions ont également porté sur la coopération dans les domaines politique, commercial, économique et culturel, selon un communiqué publié à l’issue de l’appel. ' +
  'Cet entretien fait suite aux affrontements survenus le week-end dernier dans le nord du pays, près de la frontière algérienne, entre l’armée et des groupes rebelles.'

/** A republication: a new first sentence, two words changed, a sign-off added. */
const republished = `${dispatch
  .replace('jeudi', 'ce jeudi')
  .replace('persistantes', 'actuelles')
  .replace('Le ministre russe', 'Selon nos informations, le ministre russe')} (avec agences)`

/** The bins before densification, each shingle's words hashed where it is met (the definition). */
function binsByDefinition(text: string): number[] {
  const words = shingleWords(text)
  const bins: number[] = new Array(BINS).fill(0xffffffff)
  const shift = 32 - Math.log2(BINS)
  for (let i = 0; i < Math.max(1, words.length - SHINGLE_WORDS + 1); i++) {
    let h = 0x9747b28c
    for (const w of words.slice(i, i + SHINGLE_WORDS)) h = fmix32(h ^ hashString(w))
    const v = h & ((1 << shift) - 1)
    if (v < bins[h >>> shift]!) bins[h >>> shift] = v
  }
  return bins
}

describe('MinHash signatures', () => {
  it('keep in each filled bin the least value of its shingles, as defined', () => {
    for (const text of [dispatch, republished, 'Trois mots seulement']) {
      const expected = binsByDefinition(text)
      const sig = signature(text)!
      const filled = expected.flatMap((v, b) => (v === 0xffffffff ? [] : [b]))
      expect(filled.length).toBeGreaterThan(0)
      for (const b of filled) expect(sig[b]).toBe(expected[b])
    }
  })

  it('agree in proportion to the overlap of the texts', () => {
    const a = signature(dispatch)!
    expect(agreement(a, signature(dispatch)!)).toBe(1)
    expect(agreement(a, signature(republished)!)).toBeGreaterThanOrEqual(0.8)
    expect(agreement(a, signature(seedText(seedNames()[0]!))!)).toBeLessThan(0.2)
  })

  it('ignore case and accents, and have nothing to say about an empty text', () => {
    expect(
      agreement(
        signature(dispatch)!,
        signature(dispatch.toUpperCase().normalize('NFD').replace(/\p{M}/gu, ''))!,
      ),
    ).toBe(1)
    expect(signature('… — !')).toBeNull()
  })
})

describe('near-duplicate clusters', () => {
  it('clusters a republished dispatch with its original, named after the earliest, and leaves others out', () => {
    const idx = new NearDuplicateIndex()
    idx.add('doc_b', republished, '2024-08-02', 'b.txt')
    idx.add('doc_a', dispatch, '2024-08-01', 'a.txt')
    for (const [k, name] of seedNames().entries()) idx.add(`doc_seed${k}`, seedText(name), null, name)
    const c = idx.clusters()
    expect(c.get('doc_a')).toMatchObject({ of: null, similarity: 1 })
    expect(c.get('doc_b')?.of).toBe('doc_a')
    expect(c.get('doc_b')?.cluster).toBe(c.get('doc_a')?.cluster)
    expect(c.get('doc_b')!.similarity).toBeGreaterThanOrEqual(0.8)
    for (let k = 0; k < seedNames().length; k++) expect(c.has(`doc_seed${k}`)).toBe(false)
  })

  it('orders members by publication date, then by path, whatever the order they were added in', () => {
    const forward = new NearDuplicateIndex()
    const backward = new NearDuplicateIndex()
    const docs = [
      ['doc_1', dispatch, null, 'z.txt'],
      ['doc_2', republished, '2024-08-03', 'y.txt'],
      ['doc_3', `${dispatch} Fin.`, '2024-08-03', 'x.txt'],
    ] as const
    for (const [id, text, date, path] of docs) forward.add(id, text, date, path)
    for (const [id, text, date, path] of [...docs].reverse()) backward.add(id, text, date, path)
    const f = forward.clusters()
    expect(f.get('doc_3')?.of).toBeNull()
    expect(f.get('doc_1')?.of).toBe('doc_3')
    expect([...backward.clusters().entries()].sort()).toEqual([...f.entries()].sort())
  })

  it('scales linearly enough: 20,000 distinct synthetic texts give no cluster', () => {
    const idx = new NearDuplicateIndex()
    const words = dispatch.split(' ')
    // mulberry32: a 32-bit PRNG that stays exact in JavaScript numbers
    let seed = 7
    const rnd = () => {
      seed = (seed + 0x6d2b79f5) | 0
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
      return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32
    }
    for (let i = 0; i < 20_000; i++) {
      const text = Array.from({ length: 60 }, () => words[Math.floor(rnd() * words.length)]).join(' ')
      idx.add(`doc_${i}`, text, null, `${i}.txt`)
    }
    expect(idx.size).toBe(20_000)
    expect(idx.clusters().size).toBe(0)
  })
})
