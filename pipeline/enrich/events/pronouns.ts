/**
 * Pronouns that stand for a participant: a subject `il`/`elle` (`Arrêté en 2013, il est jugé par …`,
 * `il y avait déjà été convoqué`) and an object clitic before `avoir` (`le tribunal … l'a condamné`,
 * `les a interpellés`). The one a pronoun stands for is a person: for an object clitic, the last one
 * named before it in its sentence; for a subject, the first named before it in its sentence, else the
 * first named in the nearest earlier sentence naming one (a sentence's subject usually comes first).
 * The words are data (`roles.json` `subject_pronouns`, `object_clitics`, `clitic_auxiliaries`).
 */
import { roleData } from './reference.js'
import { acronymBefore, isClauseBoundary, nounFrame, type RoleMention } from './roles.js'
import type { Token } from './tokens.js'

export interface PronounReading {
  /**
   * `subject`: the pronoun is the clause's subject; `object`: a clitic object of the trigger's verb;
   * `possessor`: a possessive before a noun whose complement undergoes it (`son expulsion`).
   */
  readonly kind: 'subject' | 'object' | 'possessor'
  /** UTF-16 offset of the pronoun. */
  readonly at: number
}

const POSSESSOR: ReadonlySet<string> = new Set(['son', 'sa'])

/** How many sentences back a subject pronoun's person may be named. */
export const PRONOUN_REACH = 3

/**
 * The pronoun standing for a participant of the trigger at `first` in the clause starting at `c0`, if
 * the clause names nobody acting before the trigger.
 */
export function pronounOf(
  tokens: readonly Token[],
  c0: number,
  first: number,
  roles: readonly RoleMention[],
): PronounReading | null {
  const { subject_pronouns: subjects, object_clitics: clitics, clitic_auxiliaries: aux } = roleData()
  // `l'a condamné`, `les ont arrêtés`: a clitic right before `avoir` right before the trigger
  const a = tokens[first - 1]
  const c = tokens[first - 2]
  if (a && c && aux.includes(a.norm) && clitics.includes(c.norm)) return { kind: 'object', at: c.start }
  // `procéder à son expulsion`, `sa condamnation`: the possessor of a noun whose `de` undergoes it
  if (a && POSSESSOR.has(a.norm) && nounFrame(tokens[first]!.norm, a.norm) === 'patient')
    return { kind: 'possessor', at: a.start }
  const named = roles.some((r) => r.token >= c0 && r.token < first && !r.oblique && !r.adjective)
  if (named) return null
  // the subject of the trigger's own verb: only clitics, auxiliaries and adverbs between (`il y
  // avait déjà été convoqué`), not another verb (`il indique que l'occupation …`)
  const r = roleData()
  const between = (w: string) =>
    r.unreal_skip.includes(w) ||
    r.passive_auxiliary.includes(w) ||
    r.passive_adverbs.includes(w) ||
    aux.includes(w)
  for (let k = first - 1; k >= c0; k--) {
    const w = tokens[k]!.norm
    if (subjects.includes(w)) return { kind: 'subject', at: tokens[k]!.start }
    if (!between(w)) return null
  }
  return null
}

/** The persons each sentence names, in order, to find what a pronoun stands for. */
export class PersonTrail {
  private readonly sentences: (readonly { readonly id: string; readonly start: number }[])[] = []

  /** Records the persons of the next sentence (in text order). */
  push(persons: readonly { readonly id: string; readonly start: number }[]): void {
    this.sentences.push(persons)
    if (this.sentences.length > PRONOUN_REACH + 1) this.sentences.shift()
  }

  /** The person a pronoun at `at` of the current (last pushed) sentence stands for, if any. */
  antecedent(p: PronounReading): string | null {
    const current = this.sentences[this.sentences.length - 1] ?? []
    const before = current.filter((m) => m.start < p.at)
    if (p.kind !== 'subject' && before.length > 0) return before[before.length - 1]!.id
    if (p.kind === 'object') return null
    if (before.length > 0) return before[0]!.id
    for (let k = this.sentences.length - 2; k >= 0; k--) {
      const first = this.sentences[k]![0]
      if (first) return first.id
    }
    return null
  }
}

const TO: ReadonlySet<string> = new Set(['à', 'au', 'aux'])

/**
 * The object a relative clause's verb undergoes: the name right before `que` when the trigger at
 * token `first` is the verb of `X qu'ils accusent`, `l'accord que le Mali a dénoncé` (an acronym in
 * parentheses may stand between: `la Communauté … (Cedeao) qu'ils accusent`). The relative clause
 * must have its own subject after `que` — a pronoun or a name — and nothing but that subject,
 * clitics and auxiliaries between; a name after `à` is an addressee (`a dit au ministre que …`).
 */
export function relativeObject(
  tokens: readonly Token[],
  first: number,
  roles: readonly RoleMention[],
): RoleMention | null {
  const r = roleData()
  const skip = (w: string) =>
    r.unreal_skip.includes(w) ||
    r.passive_adverbs.includes(w) ||
    r.clitic_auxiliaries.includes(w) ||
    r.object_clitics.includes(w) ||
    w === 'les' ||
    w === 'ne' ||
    w === "n'"
  // back from the trigger to `que`, past the subject and its clitics and auxiliaries
  let k = first - 1
  let subject = false
  while (k >= 0 && !r.relative_objects.includes(tokens[k]!.norm)) {
    const t = tokens[k]!
    if (isClauseBoundary(t)) return null
    const named = roles.find((m) => m.token <= k && tokenEnd(tokens, m) > k)
    if (named) {
      if (named.oblique) return null
      subject = true
      k = named.token - 1
      continue
    }
    if (r.relative_subjects.includes(t.norm)) subject = true
    else if (!skip(t.norm) || subject) return null
    k--
  }
  if (k < 1 || !subject) return null
  // after a comma, past an apposition set off by commas that starts with no article (`les Chambres
  // africaines extraordinaires (CAE), mises en place en vertu d'un accord …, qu'il récuse`)
  if (tokens[k - 1]!.text === ',') {
    k--
    let c = k - 1
    for (;;) {
      while (c >= 0 && !isClauseBoundary(tokens[c]!)) c--
      // an acronym in parentheses belongs to the apposition (`… l'Union africaine (UA), qu'il`)
      const acr = c >= 0 ? acronymBefore(tokens, c + 1) : -1
      if (acr < 0) break
      c = acr - 1
    }
    const opening = tokens[c + 1]
    if (
      c > 0 &&
      tokens[c]!.text === ',' &&
      opening !== undefined &&
      opening.kind === 'word' &&
      /^\p{Ll}/u.test(opening.text) &&
      !r.skip.includes(opening.norm) &&
      !r.definite.includes(opening.norm)
    )
      k = c
  }
  // the acronym in parentheses right before `que` (it names the body), else the name right before
  const open = acronymBefore(tokens, k)
  const end = tokens[(open >= 0 ? open : k) - 1]!.end
  const acronym = open >= 0 ? roles.find((m) => m.token === open + 1) : undefined
  const antecedent = acronym ?? roles.find((m) => m.end === end && !m.adjective)
  if (!antecedent || TO.has(antecedent.governor) || antecedent.type === 'place') return null
  return antecedent
}

/** The token index just past a mention. */
const tokenEnd = (tokens: readonly Token[], m: RoleMention): number => {
  let j = m.token
  while (j < tokens.length && tokens[j]!.start < m.end) j++
  return j
}

const OPENING_QUOTES: ReadonlySet<string> = new Set(['«', '"', '“'])

/**
 * The person addressed by a second-person object clitic before the trigger (`« Hissène Habré, la
 * Chambre vous condamne … »`): a vocative — the person named first in the quotation, or in the
 * sentence, and set off by a comma. Null when the clitic is absent, when the verb is in the second
 * person (`vous avez`: `vous` is its subject), or when nobody is addressed by name.
 */
export function addresseeOf(
  tokens: readonly Token[],
  first: number,
  roles: readonly RoleMention[],
): RoleMention | null {
  const r = roleData()
  let k = first - 1
  if (r.clitic_auxiliaries.includes(tokens[k]?.norm ?? '')) k--
  else if (/ez$/u.test(tokens[first]?.norm ?? '')) return null
  if (k < 0 || !r.addressee_clitics.includes(tokens[k]!.norm)) return null
  // back to the quotation's opening, else the sentence's start
  let open = k - 1
  while (open >= 0 && !OPENING_QUOTES.has(tokens[open]!.text)) open--
  let head = open + 1
  while (head < k && (r.honorifics.includes(tokens[head]!.norm) || tokens[head]!.text === '.')) head++
  const named = roles.find((m) => m.token === head && m.type === 'person' && !m.adjective)
  if (!named) return null
  const after = tokens.findIndex((t) => t.start >= named.end)
  return after > head && after < k && tokens[after]!.text === ',' ? named : null
}
