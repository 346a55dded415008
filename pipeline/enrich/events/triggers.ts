/**
 * Event triggers: words and phrases from `reference/events/triggers.json`, each tied to an event type
 * of the ontology. Verb lemmas are conjugated by the paradigms of the same file; a trigger may need a
 * word near it (`rompre … relations`) or forbid a neighbour (`au combat`). The longest trigger at a
 * word wins and each word serves one trigger only.
 */
import { roleData, type TriggerEntry, triggerData, typeInfo } from './reference.js'
import { matchesAt, phraseWords, type Token } from './tokens.js'

export interface TriggerMatch {
  readonly type: string
  readonly lemma: string
  /** Token range `[first, next)` and its UTF-16 span. */
  readonly first: number
  readonly next: number
  readonly start: number
  readonly end: number
  readonly confidence: number
  /** A negation stands next to the trigger (`n'avait été signé`): the event is not asserted. */
  readonly negated: boolean
  /** A demonstrative stands before it (`cet entretien`): it refers to an event already reported. */
  readonly anaphoric: boolean
  /**
   * The event has not happened: a future or conditional (`livrera`, `seraient envoyés`), or an
   * infinitive after a word of intention or possibility (`va livrer`, `pourrait être signé`).
   */
  readonly unreal: boolean
  /** A definite article or possessive stands before it, maybe with one adjective between (`la brève réunion`). */
  readonly definite: boolean
}

interface Form {
  readonly words: readonly string[]
  readonly entry: TriggerEntry
}

export const DEFAULT_CONFIDENCE = 0.7

/** Every surface form of a trigger entry: its explicit forms, or its stem with each paradigm ending. */
export function formsOf(
  entry: TriggerEntry,
  paradigms: Readonly<Record<string, readonly string[]>>,
): string[] {
  const out = new Set<string>(entry.forms ?? [])
  if (entry.stem !== undefined) {
    const endings = paradigms[entry.paradigm ?? 'noun']
    if (!endings) throw new Error(`triggers.json: unknown paradigm ${entry.paradigm} for ${entry.lemma}`)
    for (const e of endings) out.add(entry.stem + e)
  }
  return [...out]
}

let lexicon: ReadonlyMap<string, readonly Form[]> | undefined

function getLexicon(): ReadonlyMap<string, readonly Form[]> {
  if (lexicon) return lexicon
  const data = triggerData()
  const map = new Map<string, Form[]>()
  for (const entry of data.triggers) {
    typeInfo(entry.type) // a trigger of an unknown type is a data error: fail early
    for (const f of formsOf(entry, data.paradigms)) {
      const words = phraseWords(f)
      const first = words[0]
      if (first === undefined) continue
      const list = map.get(first) ?? []
      list.push({ words, entry })
      map.set(first, list)
    }
  }
  for (const list of map.values()) list.sort((a, b) => b.words.length - a.words.length)
  lexicon = map
  return map
}

const STRONG_NEGATION_AFTER = new Set(['pas', 'jamais', 'nullement', 'aucun', 'aucune'])

function constraintsHold(tokens: readonly Token[], first: number, next: number, e: TriggerEntry): boolean {
  const prev = tokens[first - 1]
  if (e.not_prev && prev && e.not_prev.includes(prev.norm)) return false
  const after = tokens[next]
  if (e.not_next && after && e.not_next.includes(after.norm)) return false
  if (e.near) {
    const stop = Math.min(tokens.length, next + e.near.window)
    let found = false
    for (let k = next; k < stop && !found; k++) found = e.near.words.includes(tokens[k]!.norm)
    if (!found) return false
  }
  return true
}

function isNegated(tokens: readonly Token[], first: number, next: number): boolean {
  const neg = roleData().negations
  for (let k = Math.max(0, first - 3); k < first; k++) {
    const w = tokens[k]!
    if (w.kind === 'punct') continue
    if (neg.includes(w.norm)) return true
  }
  for (let k = next; k < Math.min(tokens.length, next + 2); k++)
    if (STRONG_NEGATION_AFTER.has(tokens[k]!.norm)) return true
  return false
}

/** A verb in the future or conditional (`livrera`, `attaqueraient`, `enverront`). */
const FUTURE_OR_CONDITIONAL = /\p{L}{2,}(?:ra|ront|rait|raient|rai)$/u
/** An infinitive (`livrer`, `fournir`, `se rendre`, `recevoir`). */
const INFINITIVE = /\p{L}{2,}(?:er|ir|re)$/u
const COORDINATION: ReadonlySet<string> = new Set(['et', 'ou', 'puis'])
/** How many words before a noun trigger a verb governing it may stand (`allons apporter notre`). */
const NOUN_OBJECT_REACH = 4

/**
 * Whether the trigger at `[first, next)` names an event that has not happened: the trigger verb in
 * the future or conditional; `sera`/`seraient` before it (`seraient envoyés`); or, looking back past
 * pronouns, prepositions and `être`/`avoir`, a word of intention or possibility (`va livrer`,
 * `devraient se rendre`, `pour soutenir`, `pourrait être signé`) before an infinitive trigger or
 * with `être`/`avoir` between.
 */
export function isUnreal(tokens: readonly Token[], first: number, next: number): boolean {
  const roles = roleData()
  const { unreal, unreal_skip: skip, unreal_auxiliary: aux, passive_adverbs: adverbs } = roles
  // after an article or possessive the trigger is a noun (`le retrait`, `le massacre`): no tense
  const prev = tokens[first - 1]?.norm ?? ''
  const noun = roles.skip.includes(prev) || roles.definite.includes(prev)
  const last = tokens[next - 1]!.norm
  if (!noun && FUTURE_OR_CONDITIONAL.test(last)) return true
  // a noun that is the object of a verb of intention (`allons apporter notre soutien`): a few words
  // back, within the clause
  if (noun) {
    for (let j = first - 1, steps = 0; j >= 0 && steps < NOUN_OBJECT_REACH; j--, steps++) {
      const w = tokens[j]!
      if (w.kind !== 'word') break
      if (unreal.includes(w.norm)) return w.norm !== 'pour' && w.norm !== 'afin'
    }
  }
  let k = first - 1
  while (k >= 0 && adverbs.includes(tokens[k]!.norm)) k--
  if (k >= 0 && aux.includes(tokens[k]!.norm)) return true
  const head = tokens[first]!.norm
  const infinitive = !noun && (INFINITIVE.test(head) || INFINITIVE.test(last))
  let auxiliary = false
  let reach = 5
  for (let j = first - 1, steps = 0; j >= 0 && steps < reach; j--, steps++) {
    const w = tokens[j]!
    if (w.kind !== 'word') return false
    if (unreal.includes(w.norm)) return infinitive || auxiliary
    if (w.norm === 'être' || w.norm === 'avoir') auxiliary = true
    // an infinitive joined to another (`veulent renforcer leur coopération et signer`) shares its
    // governing verb: look further back, within the clause
    if (infinitive && COORDINATION.has(w.norm) && reach === 5) {
      reach = steps + 10
      continue
    }
    if (reach === 5 && !skip.includes(w.norm) && !adverbs.includes(w.norm)) return false
  }
  return false
}

/** Whether a determiner of `words` stands right before token `i`, or before one lower-case word before it. */
export function determinedBy(tokens: readonly Token[], i: number, words: readonly string[]): boolean {
  const prev = tokens[i - 1]
  if (!prev) return false
  if (words.includes(prev.norm)) return true
  const before = tokens[i - 2]
  return (
    before !== undefined &&
    prev.kind === 'word' &&
    /^\p{Ll}/u.test(prev.text) &&
    !roleData().skip.includes(prev.norm) &&
    words.includes(before.norm)
  )
}

/** Adverbs a several-word form may hold between its words (`s'est aussi rapproché`), at most two. */
const MAX_INNER_ADVERBS = 2
let innerAdverbs: ReadonlySet<string> | undefined
/**
 * How many tokens the form `words` spans from token `i` (0 when it does not match): its words in
 * order, with up to two adverbs between them (`s'est aussi rapproché`, `ont déjà signé`), never a
 * negation.
 */
function spannedAt(tokens: readonly Token[], i: number, words: readonly string[]): number {
  if (words.length === 1 || matchesAt(tokens, i, words)) return matchesAt(tokens, i, words) ? words.length : 0
  if (!innerAdverbs) {
    const neg = new Set(roleData().negations)
    innerAdverbs = new Set(roleData().passive_adverbs.filter((w) => !neg.has(w)))
  }
  let k = i
  let skipped = 0
  for (let w = 0; w < words.length; w++) {
    if (w > 0)
      while (
        skipped < MAX_INNER_ADVERBS &&
        tokens[k] &&
        tokens[k]!.norm !== words[w] &&
        innerAdverbs.has(tokens[k]!.norm)
      ) {
        k++
        skipped++
      }
    if (tokens[k]?.norm !== words[w]) return 0
    k++
  }
  return k - i
}

/** The triggers of a token list (a sentence), left to right. */
export function findTriggers(tokens: readonly Token[]): TriggerMatch[] {
  const lex = getLexicon()
  const anaphoric = roleData().anaphoric
  const out: TriggerMatch[] = []
  for (let i = 0; i < tokens.length; ) {
    const t = tokens[i]!
    const candidates = t.kind === 'word' ? lex.get(t.norm) : undefined
    let matched: Form | undefined
    let next = i
    for (const f of candidates ?? []) {
      const n = spannedAt(tokens, i, f.words)
      if (n > 0 && constraintsHold(tokens, i, i + n, f.entry)) {
        matched = f
        next = i + n
        break
      }
    }
    if (!matched) {
      i++
      continue
    }
    out.push({
      type: matched.entry.type,
      lemma: matched.entry.lemma,
      first: i,
      next,
      start: t.start,
      end: tokens[next - 1]!.end,
      confidence: matched.entry.confidence ?? DEFAULT_CONFIDENCE,
      negated: isNegated(tokens, i, next),
      unreal: isUnreal(tokens, i, next),
      anaphoric: determinedBy(tokens, i, anaphoric),
      definite: determinedBy(tokens, i, roleData().definite),
    })
    i = next
  }
  return out
}
