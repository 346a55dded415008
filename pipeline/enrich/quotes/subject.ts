/**
 * Where a cue's subject is: inside the verb (`a-t-il dit`), after it (`», a souligné le ministère`,
 * `selon X`, `lit-on dans X`, `a déclaré mardi le ministère`), or before it (`X a déclaré`,
 * `il a assuré`, `Maria Zakharova, porte-parole …, a déclaré`).
 */
import { type DocContext, tokenAt } from './context.js'
import type { Cue } from './cues.js'
import { type NounPhrase, readNounPhrase } from './noun-phrase.js'
import type { Token } from './text.js'

/** Punctuation that ends the clause holding a subject. */
const BOUNDARY = new Set([',', ';', ':', '(', ')', '«', '»', '"', '“', '”', '.', '!', '?', '—', '–'])
const SUBORDINATORS = new Set(['que', "qu'", 'et', 'mais', 'lorsque', "lorsqu'", 'quand', 'où'])
/** A subject is a short phrase: a longer window before the verb is a clause, not a subject. */
const MAX_SUBJECT_TOKENS = 14

export function subjectOf(cue: Cue, ctx: DocContext): NounPhrase | null {
  if (cue.form === 'inverted') {
    if (!cue.pronoun || cue.pronoun === 'on') return null
    const at = cue.start + cue.surface.toLowerCase().lastIndexOf(`-${cue.pronoun}`) + 1
    const i = tokenAt(ctx.tokens, cue.start)
    return pronounPhrase(ctx, at, cue.pronoun, i)
  }
  if (cue.form === 'selon' || cue.form === 'source') return after(cue, ctx)
  if (introducesInversion(ctx.text, cue.start)) return after(cue, ctx) ?? before(cue, ctx)
  return before(cue, ctx)
}

function pronounPhrase(ctx: DocContext, at: number, pronoun: string, i: number): NounPhrase {
  const gender = pronoun.endsWith('s') ? 'p' : (ctx.lex.pronouns.get(pronoun) ?? null)
  return {
    kind: 'pronoun',
    from: i,
    to: i + 1,
    start: at,
    end: at + pronoun.length,
    gender,
    definite: true,
    head: pronoun,
    headClass: null,
    modifiers: 0,
    name: null,
    country: null,
    complement: null,
  }
}

/** After a comma, a closing mark or a colon, a verb of saying is an incise: its subject follows. */
function introducesInversion(text: string, pos: number): boolean {
  for (let i = pos - 1; i >= 0 && pos - i < 8; i--) {
    const c = text[i]!
    if (/\s/u.test(c)) continue
    return /[,»"”]/u.test(c)
  }
  return false
}

/** The subject after a verb or marker, skipping dates and adverbs (`a déclaré ce jeudi 11 novembre le ministre`). */
function after(cue: Cue, ctx: DocContext): NounPhrase | null {
  const { tokens, lex } = ctx
  let i = tokenAt(tokens, cue.end)
  for (let n = 0; n < 8 && i < tokens.length; n++) {
    const t = tokens[i]!
    const next = tokens[i + 1]
    const skip =
      lex.timeWords.has(t.lower) ||
      /^\d/u.test(t.text) ||
      lex.fillers.includes(t.lower) ||
      // `le 12 mars`, `ce jeudi`: a determiner before a date is part of the date.
      (lex.determiners.has(t.lower) &&
        next !== undefined &&
        (/^\d/u.test(next.text) || lex.timeWords.has(next.lower)))
    if (!skip) break
    i++
  }
  const np = readNounPhrase(tokens, i, lex)
  if (!np) return null
  if (np.kind === 'pronoun' && cue.form !== 'selon') return null
  return np
}

function before(cue: Cue, ctx: DocContext): NounPhrase | null {
  const { tokens } = ctx
  const v = tokenAt(tokens, cue.start)
  const window = clauseBefore(tokens, v)
  if (window.from < window.to) return phraseReaching(tokens, window.from, window.to, ctx)
  // `Maria Zakharova, porte-parole de la diplomatie russe, a déclaré`: apposed segments before the comma.
  if (tokens[v - 1]?.text !== ',') return null
  const seg1 = clauseBefore(tokens, v - 1)
  const np1 = seg1.from < seg1.to ? phraseReaching(tokens, seg1.from, seg1.to, ctx) : null
  if (
    np1 &&
    (np1.kind === 'role' || np1.kind === 'body') &&
    !np1.name &&
    tokens[seg1.from - 1]?.text === ','
  ) {
    const seg2 = clauseBefore(tokens, seg1.from - 1)
    const np2 = seg2.from < seg2.to ? phraseReaching(tokens, seg2.from, seg2.to, ctx) : null
    if (np2?.kind === 'name') return np2
  }
  return np1
}

/** Tokens between the previous clause boundary and token `v` (exclusive). */
function clauseBefore(tokens: readonly Token[], v: number): { from: number; to: number } {
  let b = v
  while (b > 0 && v - b < MAX_SUBJECT_TOKENS) {
    const t = tokens[b - 1]!
    if (BOUNDARY.has(t.text) || SUBORDINATORS.has(t.lower)) break
    b--
  }
  if (v - b >= MAX_SUBJECT_TOKENS) {
    // Too long to be a subject; a pronoun right before the verb still is one.
    return { from: v - 1, to: v }
  }
  return { from: b, to: v }
}

/** The phrase in [from, to) that runs up to `to`: the subject ends where the verb begins. */
function phraseReaching(
  tokens: readonly Token[],
  from: number,
  to: number,
  ctx: DocContext,
): NounPhrase | null {
  const last = tokens[to - 1]
  if (last && ctx.lex.pronouns.has(last.lower)) return readNounPhrase(tokens, to - 1, ctx.lex)
  for (let i = from; i < to; i++) {
    const np = readNounPhrase(tokens, i, ctx.lex)
    if (np && np.to >= to) return np
  }
  return null
}
