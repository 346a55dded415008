/**
 * Speech cues: every place where the text says someone speaks — a verb of saying in one of the forms
 * press French uses (`a déclaré`, `a-t-il dit`, `insiste-t-il`, `estime que`, `s'est exclamé`) or a
 * source marker (`selon`, `lit-on dans`). Found with regular expressions built from the lexicon,
 * one linear scan each; the subject is looked for later (see subject.ts).
 */
import { imperfectsOf, type Lexicon } from './lexicon.js'

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
  /**
   * A present participle or a participle coordinated without its auxiliary (`, soulignant que`,
   * `criant "…"`, `et exprimé son « inquiétude »`): the subject is the clause's, before it.
   */
  | 'gerund'
  /**
   * An infinitive after `pour`, `de`, `et`, `pu` (`pour annoncer la “capture”`, `a pu … et déclarer que`):
   * the subject is the sentence's.
   */
  | 'infinitive'

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
  readonly gerund: RegExp
  readonly infinitive: RegExp
  readonly markerKind: ReadonlyMap<string, 'selon' | 'source'>
}

export function cuePatterns(lex: Lexicon): CuePatterns {
  const participles = lex.verbs.flatMap((v) => [
    v.participle,
    `${v.participle}e`,
    `${v.participle}s`,
    `${v.participle}es`,
  ])
  // Present and imperfect (`criaient les manifestants`, `expliquait-il`), from the participle's stem.
  const presents = lex.verbs
    .filter((v) => !v.reflexive)
    .flatMap((v) => [v.present, v.present_plural, ...imperfectsOf(v)])
  // Adverbs in -ment sit there too (`a immédiatement condamné`, `a vivement dénoncé`).
  const fillAlt = `${alt(lex.fillers)}|\\p{L}{3,}ment`
  const fill = `(?:\\s+(?:${fillAlt})){0,3}`
  // ... and inside a verb of several words (`fait toutefois savoir`).
  const filled = (xs: readonly string[]) => alt(xs).replace(/\\s\+/g, `\\s+(?:(?:${fillAlt})\\s+){0,2}`)
  const part = `(?:${filled(participles)})`
  const pres = `(?:${filled(presents)})`
  const aux = `(?:${alt(lex.auxiliaries)})`
  const reflAux = `(?:${alt(lex.reflexiveAuxiliaries)})`
  // A verb introduces speech when `que`, a colon or a quotation follows it within its clause.
  const introduces = `(?=${fill}\\s*(?::|que${R}|qu['’])|[^.!?\\n«»“”"]{0,60}[«“"])`
  const det = '(?:le|la|les|un|une|des|cette|ce|cet|ces|son|sa|ses|leur|leurs|plusieurs|certains|notre)'
  const ger = `(?:${alt(lex.gerunds)})`
  const pron = '(il|elle|ils|elles|on)'
  return {
    inverted: new RegExp(`${L}(?:${aux}-(?:t-)?${pron}${fill}\\s+${part}|${pres}-(?:t-)?${pron})${R}`, 'giu'),
    compound: new RegExp(`${L}(?:${reflAux}|${aux})${fill}\\s+${part}${R}`, 'giu'),
    // A bare present is a verb of saying only when it introduces speech (`estime que`, `déclare :`)
    // or follows a quotation (`», estime le ministre`): `assure la sécurité` is not speech.
    // A present introduces speech (`estime que`, `déclare :`, `dénonce une « légèreté »`), follows a
    // quotation (`», estime le ministre`) or makes an incise (`…, affirme un ministre`): `assure la
    // sécurité` is not speech.
    present: new RegExp(
      `${L}${pres}${R}${introduces}|(?<=[»"”]\\s*,?\\s*)${pres}${R}|(?<=,\\s*)${pres}${R}(?=\\s+(?:\\p{Lu}|${det}\\s|l['’]))`,
      'giu',
    ),
    infinitive: new RegExp(
      `(?<=${L}(?:(?:pour|de|et|pu|voulu|su|afin\\s+de)\\s+|d['’]))(?:${filled(lex.verbs.filter((v) => !v.reflexive).map((v) => v.lemma))})${R}${introduces}`,
      'giu',
    ),
    gerund: new RegExp(`${L}(?:${ger}|(?<=${L}et\\s+)${part})${R}${introduces}`, 'giu'),
    // `peut-on également lire dans`: adverbs may sit inside a marker too.
    markers: new RegExp(
      `${L}(?:${[...new Set(lex.sourceMarkers.map((m) => m.phrase))]
        .sort((a, b) => b.length - a.length)
        .map((m) => phrase(m).replace(/\\s\+/g, `\\s+(?:(?:${fillAlt})\\s+){0,2}`))
        .join('|')})${R}`,
      'giu',
    ),
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
  for (const m of text.matchAll(p.gerund)) found.push(cue(m, 'gerund', null))
  for (const m of text.matchAll(p.infinitive)) found.push(cue(m, 'infinitive', null))
  for (const m of text.matchAll(p.markers)) {
    const key = m[0].toLowerCase().replace(/’/g, "'").replace(/\s+/g, ' ')
    found.push(cue(m, p.markerKind.get(key) ?? markerKindOf(key, p.markerKind), null))
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

/** A marker with adverbs inside (`peut-on également lire dans`) is of the kind of the marker without them. */
function markerKindOf(key: string, kinds: ReadonlyMap<string, 'selon' | 'source'>): 'selon' | 'source' {
  for (const [phrase, kind] of kinds) {
    const words = phrase.split(' ')
    if (words.length > 1 && key.startsWith(words[0]!) && key.endsWith(words.at(-1)!)) return kind
  }
  return 'selon'
}

const cue = (m: RegExpExecArray | RegExpMatchArray, form: CueForm, pronoun: string | null): Cue => {
  const start = m.index ?? 0
  return { start, end: start + m[0].length, form, surface: m[0], pronoun }
}
