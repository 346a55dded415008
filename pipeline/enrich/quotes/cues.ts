/**
 * Speech cues: every place where the text says someone speaks — a verb of saying in one of the forms
 * press French uses (`a déclaré`, `a-t-il dit`, `insiste-t-il`, `estime que`, `s'est exclamé`) or a
 * source marker (`selon`, `lit-on dans`). Found with regular expressions built from the lexicon,
 * one linear scan each; the subject is looked for later (see subject.ts).
 */
import type { Lexicon } from './lexicon.js'

export type CueForm =
  /** `a-t-il déclaré`, `insiste-t-elle`: the subject is the pronoun inside the verb. */
  | 'inverted'
  /** `a déclaré`, `ont souligné`, `s'est exclamé`: subject before (`X a déclaré`) or after (`, a déclaré X`). */
  | 'compound'
  /** `estime`, `affirme`: subject before or after, like compound forms. */
  | 'present'
  /** `selon X`, `d'après X`. */
  | 'selon'
  /** `lit-on dans X`, `a-t-on appris auprès de X`. */
  | 'source'

export interface Cue {
  readonly start: number
  readonly end: number
  readonly form: CueForm
  /** The verb (or marker) as written. */
  readonly surface: string
  /** The subject pronoun of an inverted form (`il`, `elle`, `ils`, `elles`, `on`). */
  readonly pronoun: string | null
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
/** Lexicon phrases to regex source: any run of spaces, either apostrophe. */
const phrase = (s: string) => escapeRegex(s).replace(/'/g, "['’]").replace(/ /g, '\\s+')
const alt = (xs: readonly string[]) =>
  [...new Set(xs)]
    .sort((a, b) => b.length - a.length)
    .map(phrase)
    .join('|')
const L = "(?<![\\p{L}\\p{N}'’-])"
const R = '(?![\\p{L}\\p{N}-])'

export interface CuePatterns {
  readonly inverted: RegExp
  readonly compound: RegExp
  readonly present: RegExp
  readonly markers: RegExp
  readonly markerKind: ReadonlyMap<string, 'selon' | 'source'>
}

export function cuePatterns(lex: Lexicon): CuePatterns {
  const participles = lex.verbs.flatMap((v) => [
    v.participle,
    `${v.participle}e`,
    `${v.participle}s`,
    `${v.participle}es`,
  ])
  const presents = lex.verbs.filter((v) => !v.reflexive).flatMap((v) => [v.present, v.present_plural])
  const part = `(?:${alt(participles)})`
  const pres = `(?:${alt(presents)})`
  const aux = `(?:${alt(lex.auxiliaries)})`
  const reflAux = `(?:${alt(lex.reflexiveAuxiliaries)})`
  const fill = `(?:\\s+(?:${alt(lex.fillers)})){0,3}`
  const pron = '(il|elle|ils|elles|on)'
  return {
    inverted: new RegExp(`${L}(?:${aux}-(?:t-)?${pron}${fill}\\s+${part}|${pres}-(?:t-)?${pron})${R}`, 'giu'),
    compound: new RegExp(`${L}(?:${reflAux}|${aux})${fill}\\s+${part}${R}`, 'giu'),
    // A bare present is a verb of saying only when it introduces speech (`estime que`, `déclare :`)
    // or follows a quotation (`», estime le ministre`): `assure la sécurité` is not speech.
    present: new RegExp(`${L}${pres}${R}(?=\\s*(?::|que${R}|qu['’]))|(?<=[»"”]\\s*,?\\s*)${pres}${R}`, 'giu'),
    markers: new RegExp(`${L}(?:${alt(lex.sourceMarkers.map((m) => m.phrase))})${R}`, 'giu'),
    markerKind: new Map(lex.sourceMarkers.map((m) => [m.phrase, m.kind] as const)),
  }
}

/** All cues of a text, in order, without overlaps (the earliest, then longest, wins). */
export function findCues(text: string, p: CuePatterns): Cue[] {
  const found: Cue[] = []
  for (const m of text.matchAll(p.inverted)) {
    const pronoun = (m[1] ?? m[2] ?? '').toLowerCase()
    found.push(cue(m, 'inverted', pronoun))
  }
  for (const m of text.matchAll(p.compound)) found.push(cue(m, 'compound', null))
  for (const m of text.matchAll(p.present)) found.push(cue(m, 'present', null))
  for (const m of text.matchAll(p.markers)) {
    const key = m[0].toLowerCase().replace(/’/g, "'").replace(/\s+/g, ' ')
    found.push(cue(m, p.markerKind.get(key) ?? 'selon', null))
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end)
  const out: Cue[] = []
  for (const c of found) {
    const last = out.at(-1)
    if (last && c.start < last.end) continue
    out.push(c)
  }
  return out
}

const cue = (m: RegExpExecArray | RegExpMatchArray, form: CueForm, pronoun: string | null): Cue => {
  const start = m.index ?? 0
  return { start, end: start + m[0].length, form, surface: m[0], pronoun }
}
