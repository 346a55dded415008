/**
 * Links each quoted span to the cue that attributes it, and splits quotes around an incise
 * (`« Première partie, a-t-il déclaré. Suite »` → two quotes, one speaker). In order of trust:
 * an incise inside the marks; a cue right after the closing mark (`», a souligné X`); the nearest
 * cue before the quote in its sentence (`X a affirmé que cette question "…"`); a cue later in the
 * sentence whose subject follows it (`… "guerre hybride" contre la Russie, a-t-il dit.`); the cue
 * of the sentence a colon ends (`X a déclaré : « … »`); the speaker of the quote in the paragraph
 * before, for a paragraph that is nothing but a quotation.
 */

import type { Span } from '../../types.js'
import { countWords } from '../words.js'
import type { Cue } from './cues.js'
import type { QuotedSpan } from './pairing.js'
import type { Speaker } from './speaker.js'
import { nameKey, trimSpan } from './text.js'

export type Attribution = 'incise' | 'following' | 'preceding' | 'selon' | 'colon' | 'continuation' | 'none'

export interface ResolvedCue extends Cue {
  readonly speaker: Speaker | null
  /** Where the cue and its subject end: an incise must stop there. */
  readonly clauseEnd: number
}

export interface AttributedQuote {
  readonly start: number
  readonly end: number
  readonly quote: QuotedSpan
  readonly attribution: Attribution
  readonly cue: ResolvedCue | null
  readonly speaker: Speaker | null
}

/**
 * Text allowed between a closing mark and a cue that follows it directly: a comma, or other quotations
 * the same cue closes (`"Jean Ping président", "On nous a volé les élections", criaient les manifestants`).
 */
const DIRECT_GAP = /^[\s,]{0,4}$|^[\s,]*(?:(?:et\s+)?[«“"][^«»“”"\n]{1,200}[»”"][\s,]*)+$/u
/** How far back an unattributed quotation that opens its sentence looks for the last speaker. */
export const CARRY_WINDOW = 600
/** A fragment this short that repeats an earlier quotation's words is that quotation's speaker's. */
const ECHO_MAX_WORDS = 4
/** A quotation alone on its line, unpunctuated and this short, is a heading. */
const HEADING_MAX_WORDS = 8
/** How far back a colon-introduced quote looks for its cue. */
const COLON_WINDOW = 300

export function attribute(
  text: string,
  quotes: readonly QuotedSpan[],
  cues: readonly ResolvedCue[],
  sentences: readonly Span[],
): AttributedQuote[] {
  const out: AttributedQuote[] = []
  let ci = 0
  for (const q of quotes) {
    while (ci < cues.length && cues[ci]!.end <= (q.open ?? q.start)) ci++
    // Cues before the quote are cues[0..ci); cues from ci on start inside or after it.
    const inside: ResolvedCue[] = []
    for (let k = ci; k < cues.length && cues[k]!.start < q.end; k++) inside.push(cues[k]!)
    const pieces = splitAtIncises(text, q, inside)
    if (pieces.incise) {
      for (const p of pieces.spans)
        out.push({
          ...p,
          quote: q,
          attribution: 'incise',
          cue: pieces.incise,
          speaker: pieces.incise.speaker,
        })
      continue
    }
    const found = findCue(text, q, cues, ci, sentences)
    const prev = out.at(-1)
    // `« … », a déclaré Poutine lors de la réunion. « Je suis convaincu … »`: a quotation standing as
    // its own sentence, with nobody named, goes on with the latest speaker.
    if (!found?.cue.speaker && opensSentence(text, q)) {
      const carried = latestSpeaker(text, out, cues, ci, q)
      if (carried) {
        out.push({
          start: q.start,
          end: q.end,
          quote: q,
          attribution: 'continuation',
          cue: null,
          speaker: carried,
        })
        continue
      }
    }
    if (!found && prev?.speaker && continuesQuote(text, prev, q)) {
      out.push({
        start: q.start,
        end: q.end,
        quote: q,
        attribution: 'continuation',
        cue: null,
        speaker: prev.speaker,
      })
      continue
    }
    out.push({
      start: q.start,
      end: q.end,
      quote: q,
      attribution: found?.attribution ?? 'none',
      cue: found?.cue ?? null,
      speaker: found?.cue.speaker ?? null,
    })
  }
  // `Face à cette « invasion »`, after `X … est « une invasion du Rwanda »`: a short fragment that
  // echoes an earlier attributed quotation is the same speaker's word.
  for (let i = 0; i < out.length; i++) {
    const q = out[i]!
    if (q.speaker || countWords(text.slice(q.start, q.end)) > ECHO_MAX_WORDS) continue
    const key = ` ${nameKey(text.slice(q.start, q.end))} `
    for (let k = i - 1; k >= 0; k--) {
      const earlier = out[k]!
      if (earlier.speaker && ` ${nameKey(text.slice(earlier.start, earlier.end))} `.includes(key)) {
        out[i] = { ...q, attribution: 'continuation', speaker: earlier.speaker }
        break
      }
    }
  }
  // A paragraph of a multi-paragraph quotation (`« … ¶ « … », a-t-il dit`) takes the speaker of the
  // part that closes it.
  for (let i = out.length - 2; i >= 0; i--) {
    const q = out[i]!
    const next = out[i + 1]!
    if (q.quote.close === null && q.attribution === 'none' && next.speaker)
      out[i] = { ...q, attribution: 'continuation', speaker: next.speaker }
  }
  return out
}

function splitAtIncises(
  text: string,
  q: QuotedSpan,
  inside: readonly ResolvedCue[],
): { spans: Span[]; incise: ResolvedCue | null } {
  const spans: Span[] = []
  let from = q.start
  let incise: ResolvedCue | null = null
  for (const c of inside) {
    if (c.start <= from || c.clauseEnd >= q.end) continue
    const head = trimSpan(text, from, c.start)
    if (text[head.end - 1] !== ',') continue
    const tail = /^\s*[,.;!?]\s*/u.exec(text.slice(c.clauseEnd, c.clauseEnd + 8))
    if (!tail) continue
    const rest = c.clauseEnd + tail[0].length
    if (!/[\p{L}\p{N}]/u.test(text.slice(rest, q.end))) continue
    const piece = trimSpan(text, from, head.end - 1)
    if (piece.end > piece.start) spans.push(piece)
    from = rest
    incise ??= c
  }
  if (!incise) return { spans: [], incise: null }
  const last = trimSpan(text, from, q.end)
  if (last.end > last.start) spans.push(last)
  return { spans, incise }
}

function sentenceOf(sentences: readonly Span[], pos: number): Span | undefined {
  let lo = 0
  let hi = sentences.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (sentences[mid]!.end <= pos) lo = mid + 1
    else hi = mid
  }
  return sentences[lo]
}

const kindOf = (c: Cue, where: 'following' | 'preceding'): Attribution =>
  c.form === 'selon' || c.form === 'source' ? 'selon' : where

function findCue(
  text: string,
  q: QuotedSpan,
  cues: readonly ResolvedCue[],
  ci: number,
  sentences: readonly Span[],
): { cue: ResolvedCue; attribution: Attribution } | null {
  const after = q.close === null ? q.end : q.close + 1
  const before = q.open ?? q.start
  // First cue after the quote (skipping any that sit inside it).
  let ai = ci
  while (ai < cues.length && cues[ai]!.start < after) ai++
  const next = cues[ai]
  const openSentence = sentenceOf(sentences, before)
  const prev = cues[ci - 1]
  const prevInSentence = prev && openSentence && prev.start >= openSentence.start ? prev : undefined
  if (next && DIRECT_GAP.test(text.slice(after, next.start)) && (next.speaker || !prevInSentence?.speaker))
    return { cue: next, attribution: kindOf(next, 'following') }
  if (prev && openSentence && prev.start >= openSentence.start)
    return { cue: prev, attribution: kindOf(prev, 'preceding') }
  const closeSentence = sentenceOf(sentences, Math.max(before, after - 1))
  for (let k = ai; k < cues.length; k++) {
    const c = cues[k]!
    if (!closeSentence || c.start >= closeSentence.end) break
    if (c.form === 'inverted' || c.form === 'selon' || c.form === 'source' || followsComma(text, c.start))
      return { cue: c, attribution: kindOf(c, 'following') }
  }
  if (/:\s*$/u.test(text.slice(Math.max(0, before - 4), before)) && prev && before - prev.end <= COLON_WINDOW)
    return { cue: prev, attribution: 'colon' }
  return null
}

/**
 * Whether the quote's opening mark starts a sentence (after a full stop, a colon or a line break) and
 * the quotation is a sentence, not a heading (`« Amis de longue date »` alone on its line).
 */
function opensSentence(text: string, q: QuotedSpan): boolean {
  const open = q.open ?? q.start
  const before = /(?:^|[.!?…:\n])[\s—–-]*$/u.exec(text.slice(Math.max(0, open - 40), open))
  if (!before || open === 0) return false
  const close = q.close ?? q.end
  const heading =
    q.close !== null &&
    countWords(text.slice(q.start, q.end)) <= HEADING_MAX_WORDS &&
    /\n\s*$/u.test(text.slice(Math.max(0, open - 4), open)) &&
    /^\s*(?:\n|$)/u.test(text.slice(close + 1, close + 4)) &&
    !/[.!?…]\s*$/u.test(text.slice(q.start, q.end))
  return !heading
}

/** The speaker of the latest attributed quote or speech cue before `q`, within CARRY_WINDOW. */
function latestSpeaker(
  text: string,
  out: readonly AttributedQuote[],
  cues: readonly ResolvedCue[],
  ci: number,
  q: QuotedSpan,
): Speaker | null {
  const open = q.open ?? q.start
  let best: { at: number; speaker: Speaker } | null = null
  for (let i = out.length - 1; i >= 0; i--) {
    const a = out[i]!
    if (!a.speaker) continue
    best = { at: a.quote.close ?? a.end, speaker: a.speaker }
    break
  }
  for (let k = ci - 1; k >= 0; k--) {
    const c = cues[k]!
    if (!c.speaker) continue
    if (!best || c.clauseEnd > best.at) best = { at: c.clauseEnd, speaker: c.speaker }
    break
  }
  if (!best || open - best.at > CARRY_WINDOW || open < best.at) return null
  // At most one sentence of narration between the speaker and the quotation.
  const between = text.slice(best.at, open)
  const stops = between.match(/[.!?…](?=\s)/gu)?.length ?? 0
  return stops <= 2 ? best.speaker : null
}

const followsComma = (text: string, pos: number) => /,\s*$/u.test(text.slice(Math.max(0, pos - 4), pos))

/** A quote that fills its paragraph right after a paragraph that ended with the previous quote's attribution. */
function continuesQuote(text: string, prev: AttributedQuote, q: QuotedSpan): boolean {
  const lineStart = text.lastIndexOf('\n', (q.open ?? q.start) - 1)
  if (lineStart < 0 || text.slice(lineStart, q.open ?? q.start).trim() !== '') return false
  const between = text.slice(prev.cue?.clauseEnd ?? prev.quote.close ?? prev.end, lineStart)
  return between.length < 4 && !between.includes('\n\n\n') && /^[\s.»"”]*$/u.test(between)
}
