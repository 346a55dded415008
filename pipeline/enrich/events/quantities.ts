/**
 * Quantities in French notation: digits with French separators (`2.500`, `5 100`, `5\u00a0100`,
 * `3,5 millions`), number words (`quatre`, `vingt-deux`, `quatre-vingts`, `deux cent mille`),
 * approximations (`une cinquantaine` → 50, approximate), indefinite amounts (`des centaines` → no
 * value, `min` 200) and bounds (`au moins 31`, `plus de 20`). The words are data
 * (`reference/events/numbers.fr.json`); this module only knows how French composes them.
 *
 * Decision on `des centaines`, `plusieurs dizaines`: value null, qualifier `indefinite`, `min` the
 * smallest number the phrase can mean. A count is never invented from a vague plural (ACLED codes
 * `dozens` as 12; we leave that choice to the researcher, who has `min`).
 */
import { monthNumber } from '../../dates/french-words.js'
import { numberData, type Qualifier } from './reference.js'
import { phraseAt, phraseIndex, phraseWords, type Token, tokenize } from './tokens.js'

export type { Qualifier } from './reference.js'

export interface Quantity {
  /** The number, or null when the text gives none (`des centaines`). */
  readonly value: number | null
  readonly qualifier: Qualifier
  /** Smallest number an indefinite amount can mean (`des centaines` → 200); null otherwise. */
  readonly min: number | null
  /** UTF-16 span of the whole expression, qualifier included. */
  readonly start: number
  readonly end: number
  /** Index of the first token and of the token after the expression. */
  readonly first: number
  readonly next: number
}

export interface QuantityOptions {
  /** Read a bare `un`/`une` as 1 (`un soldat a été tué`); elsewhere it is an article. */
  readonly articles?: boolean
}

const NUMERAL = /^(?:\d{1,3}(?:[.\u00a0\u202f ]\d{3})+|\d+)(?:,\d+)?$/

/** A numeral in French notation (`2.500`, `5 100`, `3,5`) as a number; null if it is not one. */
export function parseNumeral(surface: string): number | null {
  const s = surface.trim()
  if (!NUMERAL.test(s)) return null
  const v = Number(s.replace(/[.\u00a0\u202f ]/g, '').replace(',', '.'))
  return Number.isFinite(v) ? v : null
}

let qualifierIndex: ReadonlyMap<string, readonly (readonly string[])[]> | undefined
let qualifierByWords: ReadonlyMap<string, Qualifier> | undefined
const qualifiers = () => {
  if (!qualifierIndex) qualifierIndex = phraseIndex(numberData().qualifiers.map((q) => q.words))
  return qualifierIndex
}
const qualifierOf = (words: readonly string[]): Qualifier => {
  if (!qualifierByWords)
    qualifierByWords = new Map(
      numberData().qualifiers.map((q) => [phraseWords(q.words).join(' '), q.qualifier]),
    )
  return qualifierByWords.get(words.join(' ')) ?? 'exact'
}

/** The number words as maps (own keys only: `constructor` is no number), built once. */
interface NumberWords {
  readonly values: ReadonlyMap<string, number>
  readonly multipliers: ReadonlyMap<string, number>
  readonly approximate: ReadonlyMap<string, number>
  readonly indefinite: ReadonlyMap<string, number>
  readonly indefiniteAlone: ReadonlyMap<string, number>
  readonly indefiniteDeterminers: ReadonlySet<string>
}
let numberWordsCache: NumberWords | undefined
function numberWords(): NumberWords {
  if (numberWordsCache) return numberWordsCache
  const d = numberData()
  const map = (o: Readonly<Record<string, number>>) => new Map(Object.entries(o))
  const values = map(d.multipliers)
  for (const [w, v] of Object.entries(d.units)) values.set(w, v)
  numberWordsCache = {
    values,
    multipliers: map(d.multipliers),
    approximate: map(d.approximate),
    indefinite: map(d.indefinite),
    indefiniteAlone: map(d.indefinite_alone),
    indefiniteDeterminers: new Set(d.indefinite_determiners),
  }
  return numberWordsCache
}

const wordValue = (w: string): number | undefined => numberWords().values.get(w)
const isTens = (v: number) => v >= 20 && v < 100 && v % 10 === 0

/** Whether number word `cur` may follow `prev` inside one French numeral. */
function canFollow(prev: number, cur: number): boolean {
  if (cur >= 100) return prev !== cur || cur >= 1000
  if (prev >= 100) return cur < prev
  if (prev === 4 && cur === 20) return true // quatre-vingt(s)
  if (prev === 10) return cur >= 7 && cur <= 9 // dix-sept, dix-huit, dix-neuf
  if (isTens(prev)) return cur < 10 || ((prev === 60 || prev === 80) && cur >= 10 && cur < 20)
  return false
}

/**
 * The value of a sequence of French number words (`['quatre', 'vingt', 'dix']` → 90); `et` may join a
 * ten and `un`/`onze` (`vingt et un`). Null when the words are not one well-formed numeral.
 */
export function wordsValue(words: readonly string[]): number | null {
  let total = 0
  let current = 0
  let prev: number | null = null
  let any = false
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!
    if (w === 'et') {
      const nxt = words[k + 1]
      if (prev === null || !isTens(prev) || (nxt !== 'un' && nxt !== 'une' && nxt !== 'onze')) return null
      continue
    }
    const v = wordValue(w)
    if (v === undefined) return null
    if (prev !== null && !canFollow(prev, v)) return null
    any = true
    if (v === 100) current = (current || 1) * 100
    else if (v >= 1000) {
      total += (current || 1) * v
      current = 0
    } else if (v === 20 && prev === 4) current += 76
    else current += v
    prev = v === 20 && prev === 4 ? 80 : v
  }
  return any ? total + current : null
}

const subWords = (t: Token) => t.norm.split('-')

/** Whether a number token is part of a date, a time, an ordinal or a code, not an amount. */
function numberIsNotAmount(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!
  const next = tokens[i + 1]
  const prev = tokens[i - 1]
  if (next && next.start === t.end) {
    if (next.kind === 'word') return true // 1er, 2e, 10h
    if (/^[./:-]$/.test(next.text) && tokens[i + 2]?.kind === 'number' && tokens[i + 2]!.start === next.end)
      return true // 11.11.2021, 14:30, 1/2
  }
  if (prev && prev.end === t.start && /^[./:-]$/.test(prev.text)) return true // Mi-171, 11.11.2021
  if (next?.kind === 'word' && monthNumber(next.norm) !== undefined) return true // 30 septembre
  if (prev?.kind === 'word' && monthNumber(prev.norm) !== undefined) return true // septembre 2021
  if (/^\d{4}$/.test(t.text)) {
    const y = Number(t.text)
    if (y >= 1800 && y < 2200 && prev && numberData().year_markers.includes(prev.norm)) return true
  }
  return false
}

interface Core {
  readonly value: number | null
  readonly qualifier: Qualifier | null
  readonly min: number | null
  readonly next: number
}

/** Multipliers after a number (`3,5 millions`, `deux milliards`). */
function withMultiplier(tokens: readonly Token[], j: number, value: number): Core {
  const m = tokens[j]?.kind === 'word' ? numberWords().multipliers.get(tokens[j]!.norm) : undefined
  return m === undefined
    ? { value, qualifier: null, min: null, next: j }
    : { value: value * m, qualifier: null, min: null, next: j + 1 }
}

function coreAt(tokens: readonly Token[], j: number, opts: QuantityOptions): Core | null {
  const t = tokens[j]
  if (!t) return null
  const data = numberWords()
  if (t.kind === 'number') {
    if (numberIsNotAmount(tokens, j)) return null
    const v = parseNumeral(t.text)
    return v === null ? null : withMultiplier(tokens, j + 1, v)
  }
  if (t.kind !== 'word') return null
  // `une cinquantaine`, `un millier`: an article and an approximate noun
  const after = tokens[j + 1]
  if ((t.norm === 'un' || t.norm === 'une') && after && data.approximate.has(after.norm))
    return { value: data.approximate.get(after.norm)!, qualifier: 'approximate', min: null, next: j + 2 }
  // `des centaines`, `plusieurs dizaines`, `des dizaines de milliers`
  if (data.indefiniteDeterminers.has(t.norm) && after && data.indefinite.has(after.norm)) {
    let min = data.indefinite.get(after.norm)!
    let next = j + 2
    const de = tokens[next]
    const big = tokens[next + 1]
    if (de?.norm === 'de' && big && (big.norm === 'milliers' || big.norm === 'millions')) {
      min *= big.norm === 'milliers' ? 1000 : 1_000_000
      next += 2
    }
    return { value: null, qualifier: 'indefinite', min, next }
  }
  const alone = data.indefiniteAlone.get(t.norm)
  if (alone !== undefined) return { value: null, qualifier: 'indefinite', min: alone, next: j + 1 }
  // number words, possibly over several tokens (`deux cent mille`, `vingt et un`); most words are not
  // one, and that is known from their first part without building the word list
  const dash = t.norm.indexOf('-')
  if (wordValue(dash < 0 ? t.norm : t.norm.slice(0, dash)) === undefined) return null
  const words: string[] = []
  let k = j
  let best: { value: number; next: number } | null = null
  while (k < tokens.length && tokens[k]!.kind === 'word' && k - j < 8) {
    const parts = tokens[k]!.norm === 'et' ? ['et'] : subWords(tokens[k]!)
    words.push(...parts)
    if (tokens[k]!.norm !== 'et') {
      const v = wordsValue(words)
      if (v === null) break
      best = { value: v, next: k + 1 }
    }
    k++
  }
  if (!best) return null
  const bare = best.next === j + 1 && (t.norm === 'un' || t.norm === 'une')
  if (bare && !opts.articles) return null
  return { value: best.value, qualifier: null, min: null, next: best.next }
}

/** The quantity starting at token `i` (qualifier included), or null. */
export function quantityAt(tokens: readonly Token[], i: number, opts: QuantityOptions = {}): Quantity | null {
  const qlen = phraseAt(tokens, i, qualifiers())
  const core = coreAt(tokens, i + qlen, opts)
  if (!core) return null
  const bound =
    qlen > 0 ? qualifierOf(tokens.slice(i, i + qlen).map((t) => t.norm)) : (core.qualifier ?? 'exact')
  // a bound word before an approximation keeps the bound (`plus d'une centaine` is more than 100)
  const qualifier: Qualifier = core.qualifier === 'indefinite' ? 'indefinite' : bound
  return {
    value: core.value,
    qualifier,
    min: core.min,
    start: tokens[i]!.start,
    end: tokens[core.next - 1]!.end,
    first: i,
    next: core.next,
  }
}

export interface FoundQuantity extends Quantity {
  readonly surface: string
}

/** Every quantity in `text` (or in `start`..`end`), left to right, not overlapping. */
export function findQuantities(
  text: string,
  opts: QuantityOptions = {},
  start = 0,
  end = text.length,
): FoundQuantity[] {
  const tokens = tokenize(text, start, end)
  return quantitiesIn(tokens, opts).map((q) => ({ ...q, surface: text.slice(q.start, q.end) }))
}

/** Every quantity in a token list, left to right, not overlapping. */
export function quantitiesIn(tokens: readonly Token[], opts: QuantityOptions = {}): Quantity[] {
  const out: Quantity[] = []
  for (let i = 0; i < tokens.length; ) {
    const q = quantityAt(tokens, i, opts)
    if (q) {
      out.push(q)
      i = q.next
    } else i++
  }
  return out
}
