/**
 * MinHash signatures of a text's word shingles, by one-permutation hashing: each shingle is hashed
 * once and falls into one of K bins, whose minimum is kept; empty bins borrow from the next filled bin
 * (rotation densification). This costs one hash per shingle instead of K, which is what makes a
 * million articles affordable. Two signatures agree in a bin with probability ≈ the Jaccard similarity
 * of the shingle sets.
 */

export const BINS = 64
export const SHINGLE_WORDS = 4
const BIN_SHIFT = 32 - Math.log2(BINS)
const VALUE_MASK = (1 << BIN_SHIFT) - 1
const EMPTY = 0xffffffff

/** MurmurHash3's 32-bit finaliser: a cheap, well-mixing bijection. */
export function fmix32(h: number): number {
  let x = h >>> 0
  x ^= x >>> 16
  x = Math.imul(x, 0x85ebca6b)
  x ^= x >>> 13
  x = Math.imul(x, 0xc2b2ae35)
  x ^= x >>> 16
  return x >>> 0
}

/** FNV-1a over UTF-16 units, then mixed. */
export function hashString(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return fmix32(h)
}

const WORD = /[\p{L}\p{N}]+/gu

/** Lower-cased, accent-folded words: republished copies often differ in accents and case. */
export function shingleWords(text: string): string[] {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().match(WORD) ?? []
}

/** The K-bin signature of a text (full 32-bit values, EMPTY-free after densification); null when it has no shingle. */
export function signature(text: string): Uint32Array | null {
  const words = shingleWords(text)
  if (words.length === 0) return null
  const sig = new Uint32Array(BINS).fill(EMPTY)
  // each word is hashed once, not once for each of the shingles it is in
  const hashes = new Uint32Array(words.length)
  for (let k = 0; k < words.length; k++) hashes[k] = hashString(words[k]!)
  const n = Math.max(1, words.length - SHINGLE_WORDS + 1)
  for (let i = 0; i < n; i++) {
    let h = 0x9747b28c
    for (let k = i; k < Math.min(words.length, i + SHINGLE_WORDS); k++) h = fmix32(h ^ hashes[k]!)
    const bin = h >>> BIN_SHIFT
    const v = h & VALUE_MASK
    if (v < sig[bin]!) sig[bin] = v
  }
  // densification: an empty bin takes the value of the next filled bin, tagged by the distance
  for (let b = 0; b < BINS; b++) {
    if (sig[b] !== EMPTY) continue
    for (let d = 1; d < BINS; d++) {
      const v = sig[(b + d) % BINS]!
      if (v !== EMPTY && v <= VALUE_MASK) {
        sig[b] = (fmix32(v ^ (d * 0x9e3779b1)) & VALUE_MASK) | 0
        break
      }
    }
  }
  return sig
}

/** Share of bins in which two signatures agree: an estimate of the Jaccard similarity. */
export function agreement(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let same = 0
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++
  return same / a.length
}
