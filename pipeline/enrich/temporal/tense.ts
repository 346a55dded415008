/**
 * The tense of the clause around an expression, from the nearest verb cue: `a déclaré mardi` (past),
 * `se rendra jeudi` (future), `Jeudi, le président a…` (past, after). A bare weekday or month is then
 * the one before or after publication. The verb before the expression wins (it governs it); when there
 * is none, the first cue after it. Only the expression's own sentence is looked at.
 */
import type { Span } from '../../types.js'
import { FUTURE_CUES, FUTURE_ENDINGS, PAST_CUES } from './lexicon.js'
import type { Tense } from './readings.js'

export const WINDOW_BEFORE = 60
export const WINDOW_AFTER = 40

const future = new Set<string>(FUTURE_CUES)
const past = new Set<string>(PAST_CUES)
const WORD = /\p{L}+/gu

function cueOf(word: string, previous: string): Tense {
  // `l'est du pays` is a direction, `l'été` a season: not verbs.
  if (/l['’]$/i.test(previous)) return null
  const w = word.toLowerCase()
  // `est`, `sont` are past auxiliaries only in pronominal verbs (`s'est rendu`, `se sont réunis`);
  // elsewhere they are the present (`le vote est maintenu`).
  if ((w === 'est' || w === 'sont') && !/(?:s['’]|\bse\s)$/i.test(previous)) return null
  if (future.has(w)) return 'future'
  if (past.has(w)) return 'past'
  // Simple future of any verb (`annoncera`, `tiendront`); capitalised words are names (`Samira`).
  if (w === word && w.length >= 5 && FUTURE_ENDINGS.some((e) => w.endsWith(e))) return 'future'
  return null
}

function cues(text: string, from: number, to: number): Tense[] {
  const out: Tense[] = []
  const chunk = text.slice(from, to)
  for (const m of chunk.matchAll(WORD)) {
    const c = cueOf(m[0], chunk.slice(Math.max(0, m.index - 3), m.index))
    if (c !== null) out.push(c)
  }
  return out
}

export function tenseAround(text: string, at: Span, sentence: Span | undefined): Tense {
  const lo = Math.max(sentence?.start ?? 0, at.start - WINDOW_BEFORE)
  const hi = Math.min(sentence?.end ?? text.length, at.end + WINDOW_AFTER)
  const before = cues(text, lo, at.start)
  if (before.length > 0) return before[before.length - 1]!
  return cues(text, at.end, hi)[0] ?? null
}
