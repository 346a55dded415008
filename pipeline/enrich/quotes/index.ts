/**
 * Direct quotations (issue 3). The steps, each in its own module:
 * marks.ts (find « » “ ” "), pairing.ts (pair them, bounded and linear), cues.ts (verbs of saying
 * and `selon`, from reference/speech-verbs.json), subject.ts and speaker.ts (who the cue's subject
 * is, with pronouns and bare roles resolved to earlier speakers), attribution.ts (which cue goes
 * with which quote, incises split), admission.ts (which quoted strings are quotations).
 * Speakers are mapped to the entity extractor's mentions when one covers them (`soFar`).
 */

import type { Extractor, QuoteDraft } from '../extract.js'
import { isQuotation } from './admission.js'
import { type AttributedQuote, type Attribution, attribute, type ResolvedCue } from './attribution.js'
import { type DocContext, docContext } from './context.js'
import { type CuePatterns, cuePatterns, findCues } from './cues.js'
import { lexicon } from './lexicon.js'
import { scanMarks } from './marks.js'
import { pairQuotes } from './pairing.js'
import { type PastSpeaker, resolvePhrase, type Speaker } from './speaker.js'
import { subjectOf } from './subject.js'

let patterns: CuePatterns | undefined

/**
 * Fixed confidence per rule (documented in the codebook through schemas/quotes.schema.json):
 * the speaker named next to the quote is the surest; a speaker reached through a pronoun or a role
 * noun, or carried over from the previous paragraph, less so.
 */
export const CONFIDENCE: Readonly<Record<Attribution | 'coreference' | 'opening-missing', number>> = {
  incise: 0.9,
  following: 0.9,
  preceding: 0.85,
  selon: 0.85,
  colon: 0.8,
  coreference: 0.7,
  continuation: 0.6,
  none: 0.8,
  'opening-missing': 0.6,
}

export const extractQuotes: Extractor = (input, soFar) => {
  const text = input.text
  const marks = scanMarks(text)
  if (marks.length === 0) return {}
  const lex = lexicon()
  patterns ??= cuePatterns(lex)
  const quoted = pairQuotes(text, marks)
  const spans = quoted.map((q) => ({ start: q.open ?? q.start, end: q.close === null ? q.end : q.close + 1 }))
  const ctx = docContext(text, lex, soFar.entities, soFar.mentions, spans)
  const past: PastSpeaker[] = []
  const cues: ResolvedCue[] = findCues(text, patterns, ctx.tokens).map((cue) => {
    const np = subjectOf(cue, ctx)
    // A participle (`, soulignant que`, `la qualifiant de`) and a relative marker (`selon laquelle`)
    // speak for the clause they hang on: its speaker, when one spoke earlier in the sentence.
    const inherited =
      cue.form === 'gerund' || (cue.form === 'selon' && RELATIVE.test(text.slice(cue.end, cue.end + 12)))
        ? clauseSpeaker(text, cue, past)
        : cue.form === 'infinitive'
          ? (clauseSpeaker(text, cue, past) ?? sentenceSubject(ctx, cue.start))
          : null
    const speaker = inherited ?? (np ? resolvePhrase(np, ctx, past) : null)
    if (speaker) past.push({ pos: cue.start, speaker })
    const clauseEnd = np && np.kind !== 'pronoun' ? Math.max(cue.end, np.end) : cue.end
    return { ...cue, speaker, clauseEnd }
  })
  const attributed = attribute(text, quoted, cues, input.sentences)
  const quotes: QuoteDraft[] = attributed
    .filter((a) =>
      isQuotation(text.slice(a.start, a.end), a.speaker !== null, {
        before: text.slice(Math.max(0, (a.quote.open ?? a.quote.start) - 40), a.quote.open ?? a.quote.start),
        after: a.quote.close === null ? '' : text.slice(a.quote.close + 1, a.quote.close + 30),
        naming: lex.naming,
      }),
    )
    .map((a) => row(text, a))
  return { quotes }
}

const RELATIVE = /^\s*(?:laquelle|lequel|lesquel(?:le)?s|qui)(?![\p{L}])/iu

/** How far back a participle (`, soulignant que`) looks for the speaker of its clause. */
const CLAUSE_WINDOW = 300

/** The speaker of the cue earlier in the same sentence: `a déclaré X, soulignant qu'il "…"`. */
function clauseSpeaker(text: string, cue: { start: number }, past: readonly PastSpeaker[]): Speaker | null {
  const last = past.at(-1)
  if (!last || cue.start - last.pos > CLAUSE_WINDOW) return null
  return /[.!?]\s/u.test(text.slice(last.pos, cue.start)) ? null : last.speaker
}

/** The person the sentence holding `pos` last names as a subject before it (`le colonel X … pour annoncer`). */
function sentenceSubject(ctx: DocContext, pos: number): Speaker | null {
  const head = ctx.text.slice(Math.max(0, pos - CLAUSE_WINDOW), pos)
  const stop = Math.max(head.search(/[^.!?\n]*$/u), 0)
  const from = pos - head.length + stop
  // The nearest one: `Des images montrant le président X …, avant que le colonel Y ne … pour annoncer`.
  for (let i = ctx.persons.length - 1; i >= 0; i--) {
    const p = ctx.persons[i]!
    if (p.end > pos) continue
    if (p.start < from) break
    if (p.inQuote || p.object) continue
    return {
      name: p.name,
      entityId: p.entityId,
      start: p.start,
      end: p.end,
      gender: p.gender,
      headClass: p.roleClass,
      via: 'coreference',
    }
  }
  return null
}

const MARKS = { guillemets: '«»', curly: '“”', straight: '""' } as const
const MISSING_OPEN = {
  guillemets: '» (opening missing)',
  curly: '” (opening missing)',
  straight: '" (opening missing)',
} as const
const MISSING_CLOSE = {
  guillemets: '« (closing missing)',
  curly: '“ (closing missing)',
  straight: '" (closing missing)',
} as const

function row(text: string, a: AttributedQuote): QuoteDraft {
  const s = a.speaker
  const coreference = s?.via === 'coreference'
  const method = a.attribution === 'continuation' ? 'inference' : coreference ? 'coreference' : 'pattern'
  const confidence =
    a.quote.open === null || a.quote.unclosed
      ? CONFIDENCE['opening-missing']
      : coreference && a.attribution !== 'continuation'
        ? CONFIDENCE.coreference
        : CONFIDENCE[a.attribution]
  // The words naming the speaker: next to the quote, or the antecedent of a pronoun or role.
  const surface = s && s.end > s.start && s.end <= text.length ? s : null
  return {
    text: text.slice(a.start, a.end),
    start: a.start,
    end: a.end,
    speaker: s?.name ?? null,
    speaker_entity_id: s?.entityId ?? null,
    speaker_surface: surface ? text.slice(surface.start, surface.end) : null,
    speaker_start: surface ? surface.start : null,
    speaker_end: surface ? surface.end : null,
    verb: a.cue?.surface.replace(/\s+/g, ' ') ?? null,
    attribution: a.attribution,
    marks:
      a.quote.open === null
        ? MISSING_OPEN[a.quote.family]
        : a.quote.unclosed
          ? MISSING_CLOSE[a.quote.family]
          : MARKS[a.quote.family],
    method,
    confidence,
  }
}
