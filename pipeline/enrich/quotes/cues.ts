/**
 * Speech cues: every place where the text says someone speaks — a verb of saying in one of the forms
 * press French uses (`a déclaré`, `a-t-il dit`, `insiste-t-il`, `estime que`, `s'est exclamé`) or a
 * source marker (`selon`, `lit-on dans`). Found with regular expressions built from the lexicon,
 * one linear scan each; the subject is looked for later (see subject.ts).
 */
import { imperfectsOf, type Lexicon } from './lexicon.js'
import { type Token, tokenize } from './text.js'

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
  xs.length === 0
    ? '(?!)'
    : [...new Set(xs)]
        .sort((a, b) => b.length - a.length)
        .map(phrase)
        .join('|')
const L = "(?<![\\p{L}\\p{N}'’-])"
const R = '(?![\\p{L}\\p{N}-])'

type PatternName = 'inverted' | 'compound' | 'present' | 'gerund' | 'infinitive' | 'markers'

export interface CuePatterns {
  readonly inverted: RegExp
  readonly compound: RegExp
  readonly present: RegExp
  readonly markers: RegExp
  readonly gerund: RegExp
  readonly infinitive: RegExp
  /** Sticky: `que`, a colon or a quotation follows within the clause (a verb introducing speech). */
  readonly introduces: RegExp
  /** Sticky: a subject follows an incise verb (`, affirme un ministre`, `, estime Alain Antil`). */
  readonly inciseSubject: RegExp
  readonly markerKind: ReadonlyMap<string, 'selon' | 'source'>
  /** For each pattern, the first words (lower case, as tokenize gives them) at which it can match. */
  readonly triggers: Readonly<Record<PatternName, ReadonlySet<string>>>
}

/** The verb forms of the lexicon, computed once. */
interface VerbForms {
  readonly participles: readonly string[]
  readonly presents: readonly string[]
  readonly gerunds: readonly string[]
  readonly infinitives: readonly string[]
}

const formsCache = new WeakMap<Lexicon, VerbForms>()

function verbForms(lex: Lexicon): VerbForms {
  let f = formsCache.get(lex)
  if (!f) {
    const said = lex.verbs.filter((v) => !v.reflexive)
    f = {
      participles: lex.verbs.flatMap((v) => [
        v.participle,
        `${v.participle}e`,
        `${v.participle}s`,
        `${v.participle}es`,
      ]),
      // Present and imperfect (`criaient les manifestants`, `expliquait-il`), from the participle's stem.
      presents: said.flatMap((v) => [v.present, v.present_plural, ...imperfectsOf(v)]),
      gerunds: lex.gerunds,
      infinitives: said.map((v) => v.lemma),
    }
    formsCache.set(lex, f)
  }
  return f
}

export function cuePatterns(lex: Lexicon, forms: VerbForms = verbForms(lex)): CuePatterns {
  const { participles, presents } = forms
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
  const ger = `(?:${alt(forms.gerunds)})`
  const pron = '(il|elle|ils|elles|on)'
  return {
    inverted: new RegExp(`${L}(?:${aux}-(?:t-)?${pron}${fill}\\s+${part}|${pres}-(?:t-)?${pron})${R}`, 'iuy'),
    compound: new RegExp(`${L}(?:${reflAux}|${aux})${fill}\\s+${part}${R}`, 'iuy'),
    // A present introduces speech (`estime que`, `déclare :`, `dénonce une « légèreté »`), follows a
    // quotation (`», estime le ministre`) or makes an incise (`…, affirme un ministre`): `assure la
    // sécurité` is not speech.
    // sécurité` is not speech. Only the verb is matched here; its context is checked in findCues (one
    // alternation tried at word starts, rather than lookbehinds tried at every position).
    present: new RegExp(`${L}${pres}${R}`, 'iuy'),
    introduces: new RegExp(introduces, 'iuy'),
    inciseSubject: new RegExp(`\\s+(?:\\p{Lu}|${det}\\s|l['’])`, 'uy'),
    infinitive: new RegExp(
      `${L}(?:(?:pour|de|et|pu|voulu|su|afin\\s+de)\\s+|d['’])(${filled(forms.infinitives)})${R}`,
      'diuy',
    ),
    gerund: new RegExp(`${L}(?:(${ger})|et\\s+(${part}))${R}`, 'diuy'),
    // `peut-on également lire dans`: adverbs may sit inside a marker too.
    markers: new RegExp(
      `${L}(?:${[...new Set(lex.sourceMarkers.map((m) => m.phrase))]
        .sort((a, b) => b.length - a.length)
        .map((m) => phrase(m).replace(/\\s\+/g, `\\s+(?:(?:${fillAlt})\\s+){0,2}`))
        .join('|')})${R}`,
      'iuy',
    ),
    markerKind: new Map(lex.sourceMarkers.map((m) => [m.phrase, m.kind] as const)),
    triggers: {
      inverted: wordSet([...lex.auxiliaries, ...presents]),
      compound: wordSet([...lex.auxiliaries, ...lex.reflexiveAuxiliaries]),
      present: wordSet(presents),
      gerund: wordSet([...forms.gerunds, 'et']),
      infinitive: wordSet(['pour', 'de', 'et', 'pu', 'voulu', 'su', 'afin', "d'"]),
      markers: wordSet(lex.sourceMarkers.map((m) => m.phrase)),
    },
  }
}

const wordSet = (forms: readonly string[]): ReadonlySet<string> => new Set(forms.flatMap(triggerWords))

/** The word a form starts with, as a token (`s'est` → `s'`, `a-t-il` → `a-t-il` and `a`). */
function triggerWords(form: string): string[] {
  const first = tokenize(form.toLowerCase())[0]?.lower
  return first ? [first, first.split('-')[0]!] : []
}

/**
 * All cues of a text, in order, without overlaps (the earliest, then longest, wins). The patterns
 * are sticky and tried only where a token that can begin a cue starts (`a`, `selon`, a verb form):
 * a few positions a sentence rather than every character.
 */
export function findCues(text: string, p: CuePatterns, tokens: readonly Token[] = tokenize(text)): Cue[] {
  const found: Cue[] = []
  const exec = (re: RegExp, pos: number) => {
    re.lastIndex = pos
    return re.exec(text)
  }
  const at = (re: RegExp, pos: number) => {
    re.lastIndex = pos
    return re.test(text)
  }
  // the word tokens, and for each pattern the starts of those that can begin it: each pattern is
  // tried only there (the auxiliary `a` or `de` starts no present, a verb no marker)
  const words = tokens.filter((t) => t.kind === 'word')
  const startsOf = (name: PatternName): number[] => {
    const set = p.triggers[name]
    const out: number[] = []
    for (const t of words) {
      if (set.has(t.lower)) out.push(t.start)
      else {
        const dash = t.lower.indexOf('-')
        if (dash > 0 && set.has(t.lower.slice(0, dash))) out.push(t.start)
      }
    }
    return out
  }
  const each = (re: RegExp, f: (m: RegExpExecArray) => void) => {
    const name = (Object.keys(p.triggers) as PatternName[]).find((k) => p[k] === re)!
    for (const pos of startsOf(name)) {
      const m = exec(re, pos)
      if (m) f(m)
    }
  }
  each(p.inverted, (m) => found.push(cue(m, 'inverted', (m[1] ?? m[2] ?? '').toLowerCase())))
  each(p.compound, (m) => found.push(cue(m, 'compound', null)))
  each(p.present, (m) => {
    const start = m.index ?? 0
    const end = start + m[0].length
    const before = text.slice(Math.max(0, start - 8), start)
    if (
      at(p.introduces, end) ||
      /[»"”]\s*,?\s*$/u.test(before) ||
      (/,\s*$/u.test(before) && at(p.inciseSubject, end))
    )
      found.push(cue(m, 'present', null))
  })
  for (const re of [p.gerund, p.infinitive]) {
    each(re, (m) => {
      const g = m.indices?.[1] ?? m.indices?.[2]
      if (!g || !at(p.introduces, g[1])) return
      const surface = text.slice(g[0], g[1])
      found.push({
        start: g[0],
        end: g[1],
        form: re === p.gerund ? 'gerund' : 'infinitive',
        surface,
        pronoun: null,
      })
    })
  }
  each(p.markers, (m) => {
    const key = m[0].toLowerCase().replace(/’/g, "'").replace(/\s+/g, ' ')
    found.push(cue(m, p.markerKind.get(key) ?? markerKindOf(key, p.markerKind), null))
  })
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
