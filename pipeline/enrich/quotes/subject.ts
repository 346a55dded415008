/**
 * Where a cue's subject is: inside the verb (`a-t-il dit`), after it (`», a souligné le ministère`,
 * `selon X`, `lit-on dans X`, `a déclaré mardi le ministère`), or before it (`X a déclaré`,
 * `il a assuré`, `Maria Zakharova, porte-parole …, a déclaré`).
 */
import { type DocContext, tokenAt } from './context.js'
import type { Cue } from './cues.js'
import { type NounPhrase, readNounPhrase } from './noun-phrase.js'
import { isCapitalized, type Token } from './text.js'

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
  // `…, soulignant que`: the subject is the clause's, already read (see index.ts); `manifestants
  // criant "…"`: the phrase right before.
  if (cue.form === 'infinitive') return null
  if (cue.form === 'gerund') return introducesInversion(ctx.text, cue.start) ? null : before(cue, ctx)
  if (introducesInversion(ctx.text, cue.start)) {
    // `», a déclaré le ministre`; but `L’Ukraine, de son côté, a regretté une décision`: a phrase after
    // the verb that names nobody is its object, and the subject is before.
    const next = after(cue, ctx)
    if (next && next.kind !== 'other') return next
    return before(cue, ctx) ?? next
  }
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
      (lex.timeWords.has(t.lower) && !lex.determiners.has(t.lower)) ||
      /^\d/u.test(t.text) ||
      lex.fillers.includes(t.lower) ||
      // `le 12 mars`, `ce jeudi`: a determiner before a date is part of the date.
      (lex.determiners.has(t.lower) &&
        next !== undefined &&
        (/^\d/u.test(next.text) || lex.timeWords.has(next.lower)))
    if (!skip) {
      // `a indiqué à l'AFP Yannick`, `a déclaré à LE360 la ministre`: the addressee, then the subject.
      const past = addressee(tokens, i, lex)
      if (past === i) break
      i = past
      continue
    }
    i++
  }
  let np = readNounPhrase(tokens, i, lex)
  // `a déclaré peu avant la signature le chef de l'État`: past a circumstance to the subject.
  const incise = /[»"”]\s*,?\s*$/u.test(ctx.text.slice(Math.max(0, cue.start - 6), cue.start))
  for (
    let j = i + 1;
    incise && (!np || np.kind === 'other') && j < i + 8 && tokens[j]?.kind === 'word';
    j++
  ) {
    if (ctx.text.slice(tokens[i]!.start, tokens[j]!.start).includes('\n')) break
    const later = readNounPhrase(tokens, j, lex)
    if (
      later &&
      later.kind !== 'other' &&
      later.kind !== 'pronoun' &&
      (later.from === j || later.start >= tokens[j]!.start)
    )
      if (lex.determiners.has(tokens[j]!.lower) || later.kind === 'name') np = later
  }
  if (!np) return null
  if (np.kind === 'pronoun' && cue.form !== 'selon') return null
  return np
}

const TO = new Set(['à', 'au', 'aux'])

/**
 * Past `à l'AFP`, `à la presse`, `aux journalistes`, `à l'agence Reuters` when a subject follows it;
 * else `i` itself.
 */
function addressee(tokens: readonly Token[], i: number, lex: DocContext['lex']): number {
  if (!TO.has(tokens[i]?.lower ?? '')) return i
  let j = i + 1
  if (tokens[j] && lex.determiners.has(tokens[j]!.lower)) j++
  const noun = tokens[j]
  if (noun?.kind !== 'word') return i
  j++
  // `l'agence Reuters`: a common noun, then the name it introduces
  if (!isCapitalized(noun)) while (tokens[j] && isCapitalized(tokens[j]!)) j++
  const next = tokens[j]
  return next?.kind === 'word' && (isCapitalized(next) || lex.determiners.has(next.lower)) ? j : i
}

/** Words that open the complement of a noun (`de la Coopération`, `des Nigériens`). */
const COMPLEMENT_START = new Set(['de', 'du', 'des', "d'"])

/** Words that open an incidental segment between a subject and its verb (`, à défaut de signer,`). */
const INCIDENTAL = new Set([
  'à',
  'au',
  'en',
  'de',
  'pour',
  'malgré',
  'après',
  'avant',
  'lors',
  'dans',
  'sur',
  'depuis',
  'face',
])

function before(cue: Cue, ctx: DocContext): NounPhrase | null {
  const { tokens, lex } = ctx
  let v = tokenAt(tokens, cue.start)
  // `L’Ukraine, de son côté, a regretté`, `X qui, à défaut de signer, a demandé`: skip the incidental
  // segment between commas.
  for (let k = 0; k < 2 && tokens[v - 1]?.text === ','; k++) {
    const seg = clauseBefore(tokens, v - 1)
    const first = tokens[seg.from]
    if (seg.from >= seg.to || tokens[seg.from - 1]?.text !== ',' || !first) break
    const words = tokens
      .slice(seg.from, seg.to)
      .map((t) => t.lower)
      .join(' ')
      .replace(/' /g, "'")
    if (!lex.fillers.includes(words) && !INCIDENTAL.has(first.lower)) break
    v = seg.from - 1
  }
  // `le président Touadéra qui, …, a demandé`: the antecedent of `qui`.
  if (tokens[v - 1]?.lower === 'qui') v--
  const window = clauseBefore(tokens, v)
  const inWindow = window.from < window.to ? phraseReaching(tokens, window.from, window.to, ctx) : null
  if (inWindow && inWindow.kind !== 'other' && !afterPrepositionIn(tokens, window.from, inWindow.from))
    return inWindow
  // `le ministère des Affaires étrangères, de la Coopération et des Nigériens à l’Étranger a souligné`:
  // a window opening on `de` after a comma or `et` continues the phrase before it; its head speaks.
  let head = window.from
  for (let k = 0; k < 3 && head > 0; k++) {
    const first = tokens[head]
    const sep = tokens[head - 1]!
    if (!first || !COMPLEMENT_START.has(first.lower) || !(sep.text === ',' || sep.lower === 'et')) break
    head = clauseBefore(tokens, head - 1).from
  }
  if (head < window.from) {
    const np = readNounPhrase(tokens, head, lex)
    if (np && (np.kind === 'body' || np.kind === 'role' || np.kind === 'name')) return np
  }
  if (window.from < window.to) return inWindow
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

const PREPOSITIONS = new Set([
  'à',
  'au',
  'aux',
  'de',
  'du',
  'des',
  "d'",
  'en',
  'pour',
  'sur',
  'avec',
  'par',
  'contre',
  'chez',
  'dans',
])

/** Whether a preposition (and maybe an article) stands right before token `at`, inside the window. */
function afterPrepositionIn(tokens: readonly Token[], from: number, at: number): boolean {
  let i = at - 1
  if (i >= from && INNER_ARTICLES.has(tokens[i]!.lower)) i--
  return i >= from && PREPOSITIONS.has(tokens[i]!.lower)
}

const INNER_ARTICLES = new Set(['le', 'la', 'les', "l'"])

/** Tokens between the previous clause boundary and token `v` (exclusive). */
function clauseBefore(tokens: readonly Token[], v: number): { from: number; to: number } {
  let b = v
  while (b > 0 && v - b < MAX_SUBJECT_TOKENS) {
    const t = tokens[b - 1]!
    if (BOUNDARY.has(t.text) || SUBORDINATORS.has(t.lower)) break
    b--
  }
  if (v - b >= MAX_SUBJECT_TOKENS) {
    // Too long to be a subject. A capitalised article inside it starts a sentence whose full stop was
    // lost (a heading glued to the text: `… de la France Le gouvernement algérien dénonce`); else a
    // pronoun right before the verb still is one.
    for (let j = v - 1; j > b; j--)
      if (/^(?:Le|La|Les|L['’]|Un|Une|Des)$/u.test(tokens[j]!.text)) return { from: j, to: v }
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
  // The outermost phrase that names someone (`un communiqué de l'état-major …` before a participle),
  // else the outermost one; a phrase read past the verb is cut where the verb begins.
  let other: NounPhrase | null = null
  for (let i = from; i < to; i++) {
    const np = readNounPhrase(tokens, i, ctx.lex)
    if (!np || np.to < to) continue
    const cut = np.to > to ? { ...np, to, end: Math.min(np.end, tokens[to - 1]!.end) } : np
    if (cut.kind !== 'other') return cut
    other ??= cut
  }
  return other
}
