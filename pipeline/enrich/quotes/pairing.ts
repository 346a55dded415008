/**
 * Pairs quotation marks into quoted spans in one left-to-right pass over the marks.
 *
 * - One level of nesting is tracked (`« … “ … ” … »`, `« … "…" … »`): the outer pair is the quote.
 * - A quote longer than MAX_QUOTE_CHARS or crossing more than MAX_PARAGRAPH_BREAKS paragraph breaks
 *   is abandoned: unbalanced marks (thousands of `«` and no `»`) cost one step per mark.
 * - French multi-paragraph quotations reopen with `«` at each new paragraph and close once: the
 *   earlier paragraph is emitted up to its end.
 * - A closing mark before any opening one, in the first paragraph, means the text starts inside a
 *   quotation whose opening mark was lost (a cut teaser): the quote runs from the text's start.
 * - An opening mark still open when the marks run out means the closing mark was lost (a text cut
 *   short, a copy that dropped it): the quote runs to the end of the opener's paragraph — unless it
 *   follows another opener left unclosed (unbalanced marks, not a lost one).
 * - Straight and curly marks are typed interchangeably by hand (`“Vive la vie", a déclaré`): a mark of
 *   the other of these two families that can only close ends the quotation.
 */
import type { Mark, MarkFamily } from './marks.js'
import { trimSpan } from './text.js'

export const MAX_QUOTE_CHARS = 2000
export const MAX_PARAGRAPH_BREAKS = 2

export interface QuotedSpan {
  /** The quoted words, marks excluded, white space trimmed. */
  readonly start: number
  readonly end: number
  /** Position of the opening mark, or null when it is missing (start of text). */
  readonly open: number | null
  /** Position of the closing mark, or null when the quote continues into the next paragraph. */
  readonly close: number | null
  readonly family: MarkFamily
  /** True when the closing mark was lost: the quote was still open where the marks ran out. */
  readonly unclosed?: boolean
}

/** Positions where a paragraph break (a line break, with any white space around it) begins. */
export function paragraphBreaks(text: string): number[] {
  const out: number[] = []
  for (const m of text.matchAll(/[^\S\n]*\n\s*/g)) out.push(m.index ?? 0)
  return out
}

/** Index of the paragraph holding `pos` (the number of breaks before it), by binary search. */
function paragraphOf(breaks: readonly number[], pos: number): number {
  let lo = 0
  let hi = breaks.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (breaks[mid]! < pos) lo = mid + 1
    else hi = mid
  }
  return lo
}

export function pairQuotes(text: string, marks: readonly Mark[]): QuotedSpan[] {
  const breaks = paragraphBreaks(text)
  const para = (pos: number) => paragraphOf(breaks, pos)
  const out: QuotedSpan[] = []
  let open: { mark: Mark; para: number } | null = null
  let inner: Mark | null = null
  let seenOpener = false
  /** The open quote replaced an opener that was never closed: the marks are unbalanced here. */
  let strayBefore = false

  const emit = (
    start: number,
    end: number,
    o: number | null,
    c: number | null,
    family: MarkFamily,
    unclosed = false,
  ) => {
    const s = trimSpan(text, start, end)
    if (s.end > s.start)
      out.push({ start: s.start, end: s.end, open: o, close: c, family, ...(unclosed ? { unclosed } : {}) })
  }

  for (const m of marks) {
    const p = para(m.pos)
    if (open && (m.pos - open.mark.pos > MAX_QUOTE_CHARS || p - open.para > MAX_PARAGRAPH_BREAKS)) {
      open = null
      inner = null
    }
    if (!open) {
      if (m.canOpen) {
        open = { mark: m, para: p }
        strayBefore = false
        seenOpener = true
      } else if (m.canClose && !seenOpener && out.length === 0 && p === 0 && m.pos <= MAX_QUOTE_CHARS) {
        emit(0, m.pos, null, m.pos, m.family)
        seenOpener = true
      }
      continue
    }
    const o = open.mark
    if (inner) {
      if (m.family === inner.family && m.canClose) {
        inner = null
        continue
      }
      // The inner quote was never closed: the outer closing mark still ends the quotation.
      if (m.family === o.family && m.canClose) {
        emit(o.pos + 1, m.pos, o.pos, m.pos, o.family)
        open = null
        inner = null
      }
      continue
    }
    if (m.family === o.family || (interchangeable(m.family, o.family) && m.canClose && !m.canOpen)) {
      if (m.canClose) {
        emit(o.pos + 1, m.pos, o.pos, m.pos, o.family)
        open = null
        continue
      }
      // Another opener of the same kind. At the start of a later paragraph it continues the quote
      // (French convention); elsewhere the earlier opener was never closed and is dropped.
      const reopens = p > open.para && atParagraphStart(text, m.pos)
      if (reopens) emit(o.pos + 1, m.pos, o.pos, null, o.family)
      strayBefore = !reopens
      open = { mark: m, para: p }
      continue
    }
    if (m.canOpen) inner = m
  }
  if (open && !inner && !strayBefore) {
    const o = open.mark
    const paraEnd = breaks.find((b) => b > o.pos) ?? text.length
    emit(o.pos + 1, paraEnd, o.pos, null, o.family, true)
  }
  return out
}

const interchangeable = (a: MarkFamily, b: MarkFamily) => a !== 'guillemets' && b !== 'guillemets'

function atParagraphStart(text: string, pos: number): boolean {
  for (let i = pos - 1; i >= 0; i--) {
    const c = text[i]!
    if (c === '\n') return true
    if (!/\s/u.test(c)) return false
  }
  return true
}
