/**
 * Repair of mojibake: UTF-8 bytes that were decoded as Windows-1252 somewhere upstream
 * (`AprÃ¨s` → `Après`, `lâ€™attaque` → `l’attaque`). A run is replaced only when its characters,
 * mapped back to Windows-1252 bytes, form valid UTF-8.
 */
import type { MappedText } from '../util/mapped-text.js'

const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ'
const toByte = new Map<string, number>()
for (let b = 0xa0; b <= 0xff; b++) toByte.set(String.fromCharCode(b), b)
for (let k = 0; k < CP1252_HIGH.length; k++) toByte.set(CP1252_HIGH[k]!, 0x80 + k)

const esc = (s: string) => s.replace(/[\\\]^-]/g, '\\$&')
const CONT = `[${esc(CP1252_HIGH)}\\u00A0-\\u00BF]`
/** A lead byte followed by the right number of continuation bytes, as Windows-1252 characters. */
const MOJIBAKE = new RegExp(
  `[\\u00C2-\\u00DF]${CONT}|[\\u00E0-\\u00EF]${CONT}{2}|[\\u00F0-\\u00F4]${CONT}{3}|(?<=^|\\s)Ã  ?(?=\\p{L})`,
  'gu',
)

/** Characters a repair may produce: Latin-1 supplement, Latin Extended-A/B, general punctuation, € and ™. */
const PLAUSIBLE = /^[\u00a0-\u024f\u2010-\u205e\u20ac\u2122]+$/u

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

function repairRun(run: string): string {
  // `Ã ` before a word: the no-break space of `à` (C3 A0) was flattened to a plain space
  if (run === 'Ã ' || run === 'Ã  ') return 'à '
  const bytes = new Uint8Array(run.length)
  for (let i = 0; i < run.length; i++) {
    const b = toByte.get(run[i]!)
    if (b === undefined) return run
    bytes[i] = b
  }
  try {
    const fixed = strictUtf8.decode(bytes)
    // only Latin letters, symbols and punctuation are plausible in Western text: `été\u00A0»` is
    // valid UTF-8 when re-encoded (U+983B) but is ordinary French typography, so it stays
    return PLAUSIBLE.test(fixed) ? fixed : run
  } catch {
    return run
  }
}

export interface MojibakeResult {
  readonly text: MappedText
  readonly repaired: number
}

export function repairMojibake(input: MappedText): MojibakeResult {
  let repaired = 0
  const text = input.replace(MOJIBAKE, (m) => {
    const fixed = repairRun(m[0])
    if (fixed !== m[0]) repaired++
    return fixed
  })
  return { text, repaired }
}
