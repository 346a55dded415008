/**
 * Near-duplicate detection over a whole corpus: agencies' dispatches republished with small edits.
 * Documents are added one by one (a streaming pass); clusters are computed at the end.
 *
 * - Each document keeps a compact signature: 64 MinHash bins stored on 16 bits (b-bit MinHash: a
 *   chance agreement of 1/65,536 per bin is negligible) and 16 band keys — 192 bytes a document.
 * - Locality-sensitive hashing: 16 bands of 4 bins. Pairs sharing a band key are candidates: a pair at
 *   Jaccard 0.8 becomes one with probability 1 − (1 − 0.8⁴)¹⁶ ≈ 0.9998, at 0.3 with ≈ 0.12, and every
 *   candidate is verified on its 64 bins.
 * - Candidates are found by sorting (band key, document) pairs packed in a Float64Array, not by hash
 *   maps: a native numeric sort over flat typed arrays, no per-document objects. Oversized buckets
 *   (boilerplate shared by thousands of texts) are capped.
 * - Verified pairs (estimated Jaccard ≥ threshold) are merged with union-find; each cluster is named
 *   after its earliest member (publication date, then source path).
 */
import { stableId } from '../util/hash.js'
import { agreement, BINS, fmix32, signature } from './minhash.js'

export const BANDS = 16
const ROWS = BINS / BANDS
export const JACCARD_THRESHOLD = 0.8
const MAX_BUCKET = 200

/** What the index keeps of a document: 64 bins on 16 bits and 16 band keys (192 bytes). */
export interface CompactSignature {
  readonly bins: Uint16Array
  readonly bands: Uint32Array
}

export function compactSignature(text: string): CompactSignature | null {
  const sig = signature(text)
  if (!sig) return null
  const bins = new Uint16Array(BINS)
  for (let k = 0; k < BINS; k++) bins[k] = sig[k]! & 0xffff
  const bands = new Uint32Array(BANDS)
  for (let b = 0; b < BANDS; b++) {
    let h = 0x12345678 + b
    for (let r = 0; r < ROWS; r++) h = fmix32(h ^ sig[b * ROWS + r]!)
    bands[b] = h
  }
  return { bins, bands }
}

export interface NearDuplicate {
  /** `ndc_` + hash of the earliest member's doc id; the same for every member of the cluster. */
  readonly cluster: string
  /** The earliest member's doc id; null for the earliest member itself. */
  readonly of: string | null
  /** Estimated Jaccard similarity to the earliest member (1 for the earliest itself). */
  readonly similarity: number
}

export class NearDuplicateIndex {
  private n = 0
  private sigs = new Uint16Array(1024 * BINS)
  private bands = new Uint32Array(1024 * BANDS)
  private readonly ids: string[] = []
  /** Sort key of each document: the first day of its publication period (days since epoch), then its path. */
  private readonly order: { day: number; path: string }[] = []

  get size(): number {
    return this.n
  }

  add(docId: string, text: string, publishedMin: string | null, path: string): void {
    this.addSignature(docId, compactSignature(text), publishedMin, path)
  }

  /** Add a signature computed elsewhere (in a worker thread, or read from the cache). */
  addSignature(docId: string, sig: CompactSignature | null, publishedMin: string | null, path: string): void {
    if (this.n * BINS >= this.sigs.length) {
      const s = new Uint16Array(this.sigs.length * 2)
      s.set(this.sigs)
      this.sigs = s
      const b = new Uint32Array(this.bands.length * 2)
      b.set(this.bands)
      this.bands = b
    }
    const i = this.n++
    this.ids.push(docId)
    this.order.push({
      day: publishedMin ? Date.parse(`${publishedMin}T00:00:00Z`) / 86_400_000 : Number.POSITIVE_INFINITY,
      path,
    })
    if (!sig) {
      // no words: unique band keys, so it never collides
      for (let b = 0; b < BANDS; b++) this.bands[i * BANDS + b] = fmix32(i * BANDS + b + 1)
      return
    }
    this.sigs.set(sig.bins, i * BINS)
    this.bands.set(sig.bands, i * BANDS)
  }

  private similarity(a: number, b: number): number {
    return agreement(
      this.sigs.subarray(a * BINS, (a + 1) * BINS),
      this.sigs.subarray(b * BINS, (b + 1) * BINS),
    )
  }

  /** Clusters of near-duplicates, by doc id; documents in no cluster are absent. */
  clusters(threshold = JACCARD_THRESHOLD): Map<string, NearDuplicate> {
    const n = this.n
    const parent = new Int32Array(n).map((_, i) => i)
    const find = (x: number): number => {
      let r = x
      while (parent[r] !== r) r = parent[r]!
      while (parent[x] !== r) {
        const next = parent[x]!
        parent[x] = r
        x = next
      }
      return r
    }
    const idx = new Uint32Array(n)
    // (key, index) packed into one double: exact while index < 2^21
    const packed = n < 2 ** 21 ? new Float64Array(n) : null
    for (let b = 0; b < BANDS; b++) {
      const key = (i: number) => this.bands[i * BANDS + b]!
      if (packed) {
        for (let i = 0; i < n; i++) packed[i] = key(i) * 2 ** 21 + i
        packed.sort()
        for (let i = 0; i < n; i++) idx[i] = packed[i]! % 2 ** 21
      } else {
        for (let i = 0; i < n; i++) idx[i] = i
        idx.sort((x, y) => key(x) - key(y) || x - y)
      }
      for (let s = 0; s < n; ) {
        let e = s + 1
        while (e < n && key(idx[e]!) === key(idx[s]!)) e++
        const end = Math.min(e, s + MAX_BUCKET)
        for (let p = s; p < end; p++)
          for (let q = p + 1; q < end; q++) {
            const a = idx[p]!
            const c = idx[q]!
            if (find(a) !== find(c) && this.similarity(a, c) >= threshold) parent[find(a)] = find(c)
          }
        s = e
      }
    }
    const members = new Map<number, number[]>()
    for (let i = 0; i < n; i++) {
      const r = find(i)
      const list = members.get(r)
      if (list) list.push(i)
      else members.set(r, [i])
    }
    const out = new Map<string, NearDuplicate>()
    for (const list of members.values()) {
      if (list.length < 2) continue
      list.sort((a, b) => {
        const oa = this.order[a]!
        const ob = this.order[b]!
        return oa.day - ob.day || (oa.path < ob.path ? -1 : oa.path > ob.path ? 1 : 0)
      })
      const first = list[0]!
      const cluster = stableId('ndc', this.ids[first]!)
      for (const i of list)
        out.set(this.ids[i]!, {
          cluster,
          of: i === first ? null : this.ids[first]!,
          similarity: i === first ? 1 : Math.round(this.similarity(i, first) * 1000) / 1000,
        })
    }
    return out
  }
}
