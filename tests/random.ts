/** A deterministic pseudo-random generator (xorshift) for property tests, so a failure can be replayed. */
export function rng(seed: number): () => number {
  let x = seed
  return () => {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    return (x >>> 0) / 2 ** 32
  }
}

/** A text of `length` pieces drawn from `alphabet` (each piece a character or a short string). */
export function randomText(next: () => number, alphabet: readonly string[], length: number): string {
  let s = ''
  for (let i = 0; i < length; i++) s += alphabet[Math.floor(next() * alphabet.length)]
  return s
}
