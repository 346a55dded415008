/**
 * The event reference data (`pipeline/reference/events/*.json`), read once and checked for shape.
 * Everything the event extractor knows about French (triggers, number words, death words, function
 * words) is in those files; a bad file is a configuration error and throws at first use.
 */
import { readFileSync } from 'node:fs'
import { repoFile } from '../../util/paths.js'

export interface EventTypeInfo {
  readonly type: string
  readonly label: string
  readonly code: string | null
  readonly mode: string | null
  readonly cameo: string
  readonly physical: boolean
  readonly violent: boolean
  readonly description: string
}

export interface Ontology {
  readonly version: string
  readonly ontology: string
  readonly types: readonly EventTypeInfo[]
}

export interface TriggerEntry {
  readonly type: string
  readonly lemma: string
  readonly stem?: string
  readonly paradigm?: string
  readonly forms?: readonly string[]
  readonly near?: { readonly words: readonly string[]; readonly window: number }
  readonly not_prev?: readonly string[]
  readonly not_next?: readonly string[]
  readonly confidence?: number
}

export interface TriggerData {
  readonly version: string
  readonly paradigms: Readonly<Record<string, readonly string[]>>
  readonly triggers: readonly TriggerEntry[]
}

export interface NumberData {
  readonly version: string
  readonly units: Readonly<Record<string, number>>
  readonly multipliers: Readonly<Record<string, number>>
  readonly approximate: Readonly<Record<string, number>>
  readonly indefinite: Readonly<Record<string, number>>
  readonly indefinite_determiners: readonly string[]
  readonly indefinite_alone: Readonly<Record<string, number>>
  readonly qualifiers: readonly { readonly words: string; readonly qualifier: Qualifier }[]
  readonly year_markers: readonly string[]
}

export type Qualifier =
  | 'exact'
  | 'approximate'
  | 'at_least'
  | 'more_than'
  | 'at_most'
  | 'less_than'
  | 'indefinite'

export interface FatalityData {
  readonly version: string
  readonly victims: readonly string[]
  readonly predicates: readonly string[]
  readonly auxiliaries: readonly string[]
  readonly death_nouns: readonly string[]
  readonly killing_verbs: readonly string[]
  readonly aside_openers: readonly string[]
  readonly victim_premodifiers: readonly string[]
  readonly non_violent_causes: readonly string[]
  readonly toll_subjects: readonly string[]
  readonly toll_verbs: readonly string[]
  readonly toll_raisers: readonly string[]
  readonly toll_adverbs: readonly string[]
  readonly toll_followers: readonly string[]
}

export interface RoleData {
  readonly version: string
  readonly locative: readonly string[]
  readonly locative_nonphysical: readonly string[]
  readonly oblique: readonly string[]
  readonly agent: readonly string[]
  readonly skip: readonly string[]
  readonly negations: readonly string[]
  readonly anaphoric: readonly string[]
  readonly definite: readonly string[]
  readonly unreal: readonly string[]
  readonly unreal_skip: readonly string[]
  readonly unreal_auxiliary: readonly string[]
  readonly unreported: readonly string[]
  readonly habitual: readonly string[]
  readonly attribution: readonly string[]
  readonly passive_auxiliary: readonly string[]
  readonly passive_adverbs: readonly string[]
  readonly dative_types: readonly string[]
  readonly host_types: readonly string[]
  readonly town_types: readonly string[]
  readonly geographic_nouns: readonly string[]
  readonly source_markers: readonly string[]
  readonly time_nouns: readonly string[]
  readonly joint_types: readonly string[]
  readonly source_types: readonly string[]
  readonly counterpart_types: readonly string[]
  readonly speech_act_types: readonly string[]
  readonly stative_types: readonly string[]
  readonly honorifics: readonly string[]
  readonly legal_basis: readonly string[]
  readonly place_heads: readonly string[]
  readonly toll_summaries: readonly string[]
  readonly time_shifts: readonly string[]
  readonly victim_nouns: readonly string[]
  readonly victim_identifiers: readonly string[]
  readonly subject_pronouns: readonly string[]
  readonly relative_objects: readonly string[]
  readonly possessive_relatives: readonly string[]
  readonly relative_subjects: readonly string[]
  readonly object_clitics: readonly string[]
  readonly clitic_auxiliaries: readonly string[]
  readonly addressee_clitics: readonly string[]
  readonly cumulative: readonly string[]
  readonly prior: readonly string[]
  readonly conflicts: readonly string[]
  readonly victim_governors: readonly string[]
  readonly recount: readonly string[]
  readonly noun_frames: { readonly patient: readonly string[]; readonly source: readonly string[] }
}

export interface MaterielData {
  readonly version: string
  readonly things: readonly string[]
  readonly units: readonly string[]
}

const cache = new Map<string, unknown>()

function load<T>(file: string, check: (x: Record<string, unknown>) => boolean): T {
  const hit = cache.get(file)
  if (hit !== undefined) return hit as T
  const x = JSON.parse(readFileSync(repoFile(`pipeline/reference/events/${file}`), 'utf8')) as unknown
  if (typeof x !== 'object' || x === null || Array.isArray(x) || !check(x as Record<string, unknown>))
    throw new Error(`pipeline/reference/events/${file}: unexpected shape`)
  cache.set(file, x)
  return x as T
}

const isList = (v: unknown) => Array.isArray(v)
const isMap = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v)

export const ontology = (): Ontology => load('ontology.json', (x) => isList(x.types))
export const triggerData = (): TriggerData =>
  load('triggers.json', (x) => isList(x.triggers) && isMap(x.paradigms))
export const numberData = (): NumberData =>
  load('numbers.fr.json', (x) => isMap(x.units) && isMap(x.approximate) && isList(x.qualifiers))
export const fatalityData = (): FatalityData =>
  load(
    'fatalities.json',
    (x) =>
      isList(x.victims) && isList(x.victim_premodifiers) && isList(x.predicates) && isList(x.killing_verbs),
  )
export const roleData = (): RoleData =>
  load(
    'roles.json',
    (x) =>
      isList(x.locative) &&
      isMap(x.noun_frames) &&
      isList(x.dative_types) &&
      isList(x.host_types) &&
      isList(x.town_types) &&
      isList(x.geographic_nouns) &&
      isList(x.source_markers) &&
      isList(x.time_nouns) &&
      isList(x.joint_types) &&
      isList(x.source_types) &&
      isList(x.counterpart_types) &&
      isList(x.speech_act_types) &&
      isList(x.stative_types) &&
      isList(x.honorifics) &&
      isList(x.legal_basis) &&
      isList(x.place_heads) &&
      isList(x.toll_summaries) &&
      isList(x.time_shifts) &&
      isList(x.victim_nouns) &&
      isList(x.victim_identifiers) &&
      isList(x.subject_pronouns) &&
      isList(x.relative_objects) &&
      isList(x.possessive_relatives) &&
      isList(x.relative_subjects) &&
      isList(x.object_clitics) &&
      isList(x.clitic_auxiliaries) &&
      isList(x.addressee_clitics) &&
      isList(x.cumulative) &&
      isList(x.prior) &&
      isList(x.conflicts) &&
      isList(x.victim_governors) &&
      isList(x.recount) &&
      isList((x.noun_frames as Record<string, unknown>).patient) &&
      isList((x.noun_frames as Record<string, unknown>).source) &&
      isList(x.oblique) &&
      isList(x.passive_auxiliary) &&
      isList(x.attribution) &&
      isList(x.definite) &&
      isList(x.unreal) &&
      isList(x.unreal_skip) &&
      isList(x.unreal_auxiliary) &&
      isList(x.unreported) &&
      isList(x.habitual) &&
      isList(x.passive_adverbs),
  )
export const materielData = (): MaterielData =>
  load('materiel.json', (x) => isList(x.things) && isList(x.units))

/** The ontology entry of an event type; unknown types are a bug in triggers.json. */
export function typeInfo(type: string): EventTypeInfo {
  const t = ontology().types.find((e) => e.type === type)
  if (!t) throw new Error(`event type ${type} is not in pipeline/reference/events/ontology.json`)
  return t
}
