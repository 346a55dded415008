/**
 * The attribution lexicon (`pipeline/reference/speech-verbs.json`): verbs of saying, source markers
 * (`selon`, `lit-on dans`), role and body nouns, nationality adjectives. Loaded once; all lookups
 * are on lower-case forms with the apostrophe normalised to `'`.
 */
import { readFileSync } from 'node:fs'
import { repoFile } from '../../util/paths.js'

export type Gender = 'm' | 'f' | 'p' | null

interface VerbEntry {
  readonly lemma: string
  readonly participle: string
  readonly present: string
  readonly present_plural: string
  readonly reflexive?: boolean
  /** Present participle, where the rule (present plural, -ent → -ant) is wrong. */
  readonly gerund?: string
}

interface LexiconFile {
  readonly version: string
  readonly verbs: readonly VerbEntry[]
  readonly auxiliaries: readonly string[]
  readonly reflexive_auxiliaries: readonly string[]
  readonly subject_pronouns: Readonly<Record<string, 'm' | 'f'>>
  readonly fillers: readonly string[]
  readonly source_markers: readonly { phrase: string; kind: 'selon' | 'source' }[]
  readonly time_words: readonly string[]
  readonly determiners: Readonly<Record<string, Gender>>
  readonly civilities: Readonly<Record<string, Gender>>
  readonly np_stop_words: readonly string[]
  readonly role_nouns: Readonly<Record<string, string>>
  readonly body_nouns: readonly string[]
  readonly document_nouns: readonly string[]
  readonly nationalities: Readonly<Record<string, string>>
  readonly naming_words: readonly string[]
  readonly pre_head_words: Readonly<Record<string, 'indefinite' | null>>
  readonly non_speaker_nouns: readonly string[]
}

export interface Lexicon {
  readonly version: string
  readonly verbs: readonly VerbEntry[]
  readonly auxiliaries: readonly string[]
  readonly reflexiveAuxiliaries: readonly string[]
  readonly pronouns: ReadonlyMap<string, 'm' | 'f'>
  readonly fillers: readonly string[]
  readonly sourceMarkers: readonly { phrase: string; kind: 'selon' | 'source' }[]
  readonly timeWords: ReadonlySet<string>
  readonly determiners: ReadonlyMap<string, Gender>
  readonly civilities: ReadonlyMap<string, Gender>
  readonly stopWords: ReadonlySet<string>
  /** Role noun (one or more words) → coreference class. */
  readonly roles: ReadonlyMap<string, string>
  /** Longest role noun, in words: how far a multi-word lookup needs to look. */
  readonly maxRoleWords: number
  readonly bodies: ReadonlySet<string>
  readonly documents: ReadonlySet<string>
  readonly nationalities: ReadonlyMap<string, string>
  /** Words after which a quoted string is a name (`nommé`, `le film`). */
  readonly naming: ReadonlySet<string>
  /** Words between a determiner and its noun (`la même source`); `indefinite` for quantifiers. */
  readonly preHead: ReadonlyMap<string, 'indefinite' | null>
  /** Present participles of the (non-reflexive) verbs of saying: `soulignant`, `exigeant`. */
  readonly gerunds: readonly string[]
  /** Texts and figures, which a `selon` may cite but which say nothing themselves (`la Constitution`). */
  readonly nonSpeakers: ReadonlySet<string>
}

/** The present participle: `soulignent` → `soulignant`, `exigent` → `exigeant`, `lancent` → `lançant`. */
export function gerundOf(v: VerbEntry): string {
  if (v.gerund) return v.gerund
  const [verb, ...rest] = v.present_plural.split(' ')
  const stem = verb!.replace(/ent$/u, '')
  const g = stem.endsWith('g')
    ? `${stem}eant`
    : stem.endsWith('c')
      ? `${stem.slice(0, -1)}çant`
      : `${stem}ant`
  return [g, ...rest].join(' ')
}

/** The imperfect, singular and plural, from the present participle: `criait`, `criaient`. */
export function imperfectsOf(v: VerbEntry): string[] {
  const g = gerundOf(v)
  return [g.replace(/ant(?= |$)/u, 'ait'), g.replace(/ant(?= |$)/u, 'aient')]
}

/** Plural of a role noun (its first word): `habitant` → `habitants`, `général` → `généraux`. */
export function pluralOf(noun: string): string {
  const [first, ...rest] = noun.split(' ')
  const w = first!
  const plural = /[sxz]$/u.test(w)
    ? w
    : /al$/u.test(w)
      ? `${w.slice(0, -2)}aux`
      : /(?:eau|eu)$/u.test(w)
        ? `${w}x`
        : `${w}s`
  return [plural, ...rest].join(' ')
}

const apos = (s: string) => s.toLowerCase().replace(/’/g, "'")

export function buildLexicon(f: LexiconFile): Lexicon {
  const roles = new Map(Object.entries(f.role_nouns).map(([k, v]) => [apos(k), v] as const))
  // Plurals name a group of the same kind (`des habitants`, `les manifestants`).
  for (const [k, v] of [...roles]) {
    const plural = pluralOf(k)
    if (!roles.has(plural)) roles.set(plural, v)
  }
  return {
    version: f.version,
    verbs: f.verbs,
    auxiliaries: f.auxiliaries.map(apos),
    reflexiveAuxiliaries: f.reflexive_auxiliaries.map(apos),
    pronouns: new Map(Object.entries(f.subject_pronouns)),
    fillers: f.fillers.map(apos),
    sourceMarkers: f.source_markers.map((m) => ({ phrase: apos(m.phrase), kind: m.kind })),
    timeWords: new Set(f.time_words.map(apos)),
    determiners: new Map(Object.entries(f.determiners).map(([k, v]) => [apos(k), v] as const)),
    civilities: new Map(Object.entries(f.civilities).map(([k, v]) => [apos(k), v] as const)),
    stopWords: new Set(f.np_stop_words.map(apos)),
    roles,
    maxRoleWords: Math.max(1, ...[...roles.keys()].map((k) => k.split(/[\s']+/).length + 1)),
    bodies: new Set(f.body_nouns.map(apos)),
    documents: new Set(f.document_nouns.map(apos)),
    nationalities: new Map(Object.entries(f.nationalities).map(([k, v]) => [apos(k), v] as const)),
    naming: new Set(f.naming_words.map(apos)),
    preHead: new Map(Object.entries(f.pre_head_words).map(([k, v]) => [apos(k), v] as const)),
    gerunds: f.verbs.filter((v) => !v.reflexive).map(gerundOf),
    nonSpeakers: new Set(f.non_speaker_nouns.map(apos)),
  }
}

let cached: Lexicon | undefined
export function lexicon(): Lexicon {
  cached ??= buildLexicon(
    JSON.parse(readFileSync(repoFile('pipeline/reference/speech-verbs.json'), 'utf8')) as LexiconFile,
  )
  return cached
}
