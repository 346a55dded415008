/**
 * From a subject phrase to a speaker: an entity when the entity extractor found one there, a name
 * as written, or — for pronouns and bare roles (`il`, `le ministère`, `la ministre`) — the speaker
 * the phrase refers back to. Rules, in order, are documented on `resolvePhrase`.
 */
import { firstAt } from '../../util/first-at.js'
import {
  type DocContext,
  entityOf,
  lastBefore,
  mentionsIn,
  type Person,
  personEntityByName,
  tokenAt,
} from './context.js'
import type { Gender } from './lexicon.js'
import { type NounPhrase, readNounPhrase } from './noun-phrase.js'
import { nameKey } from './text.js'

export interface Speaker {
  readonly name: string
  readonly entityId: string | null
  /** The words of the text that name the speaker (the phrase, or the antecedent's). */
  readonly start: number
  readonly end: number
  readonly gender: Gender
  /** Role or body class, so that a later bare role (`le ministre`) can refer back to it. */
  readonly headClass: string | null
  /** `direct`: named where the quote is; `coreference`: a pronoun or role resolved to an earlier speaker. */
  readonly via: 'direct' | 'coreference'
}

/** A speech cue already resolved, earlier in the document. */
export interface PastSpeaker {
  readonly pos: number
  readonly speaker: Speaker
}

/** How far back (UTF-16 units) a pronoun or a bare role looks for its antecedent. */
export const ANTECEDENT_WINDOW = 2500
/** How far back a pronoun looks for a mentioned person when nobody spoke before. */
export const MENTION_WINDOW = 800
/** Most characters between a role and a name in apposition (`, le magistrat burkinabè, `). */
const APPOSITION_GAP = 60
/** `, le colonel `, `, le magistrat burkinabè, `: up to two short apposed segments before the name. */
const APPOSED = /^\s*(?:,\s*(?:(?:le|la|l['’])\s*)?[\p{L}.'’ -]{0,30}){1,2}?,?\s*$/u

function genderOk(pronoun: Gender, have: Gender): boolean {
  if (pronoun === null || have === null) return true
  if (pronoun === 'p' || have === 'p') return true
  return pronoun === have
}

const fromPerson = (p: Person, via: Speaker['via']): Speaker => ({
  name: p.name,
  entityId: p.entityId,
  start: p.start,
  end: p.end,
  gender: p.gender,
  headClass: p.roleClass,
  via,
})

const cleanName = (s: string) => s.replace(/\s+/g, ' ').trim()

/**
 * 1. Pronoun → the latest earlier speaker of a compatible gender, else the nearest earlier person.
 * 2. Document noun (`le communiqué du ministère …`) → the body that issued it.
 * 3. A person mention inside the phrase, or the apposed name (`le ministre Lavrov`).
 * 4. A proper-name phrase (`La Russie`, `Moscou`) → the entity covering it, or the name as written.
 * 5. A role or body with modifiers (`le chef de la diplomatie russe`) → the earlier person or body
 *    with the same nationality; else the phrase as written.
 * 6. A bare role or body (`le ministère`, `la ministre`) → the latest earlier speaker of the same
 *    class, else the latest mentioned body or described person of that class, else the fullest
 *    earlier phrase with the same head.
 * 7. An indefinite role (`une source sécuritaire`, `des habitants`) → the phrase as written, article
 *    included: an anonymous or collective source as the text names it.
 * A document without its issuer (`le même communiqué`) → the latest speaker before it.
 */
export function resolvePhrase(np: NounPhrase, ctx: DocContext, past: readonly PastSpeaker[]): Speaker | null {
  const s = resolveAny(np, ctx, past)
  // The phrase used here (`le chef de la diplomatie russe`) is what a later `le ministre` refers back
  // to, whatever the antecedent was first called (`son homologue russe`).
  return s && np.kind !== 'pronoun'
    ? { ...s, headClass: np.headClass ?? s.headClass, gender: np.gender ?? s.gender }
    : s
}

function resolveAny(np: NounPhrase, ctx: DocContext, past: readonly PastSpeaker[]): Speaker | null {
  if (np.kind === 'pronoun') return resolvePronoun(np.gender, np.start, ctx, past)
  const headWord = ctx.tokens[tokenAt(ctx.tokens, np.start)]
  if (headWord && ctx.lex.nonSpeakers.has(headWord.lower)) return null
  if (np.kind === 'document') {
    if (np.complement === null) return latestSpeaker(np.start, past)
    const inner = readNounPhrase(ctx.tokens, np.complement + 1, ctx.lex)
    return inner && inner.kind !== 'document' ? resolvePhrase({ ...inner, definite: true }, ctx, past) : null
  }
  const inside = mentionsIn(ctx, np.start, np.end)
  // A person named in a complement (`le porte-parole de Macron`, `le président de la Cour`) is not the
  // speaker: only the phrase's own name is.
  const name = np.kind === 'name' ? np : np.name
  const person = name
    ? inside.find((m) => entityOf(ctx, m)?.type === 'person' && m.start < name.end && m.end > name.start)
    : undefined
  if (person && name && person.end - person.start < name.end - name.start && np.kind !== 'name') {
    // The mention covers part of the name (`Mamady` in `le colonel Mamady Doumbouya`): the whole name.
    const written = cleanName(ctx.text.slice(name.start, name.end))
    const e = personByName(ctx, written)
    return {
      ...fromMention(ctx, person, np),
      name: e?.name ?? written,
      entityId: e?.entityId ?? null,
      ...name,
    }
  }
  if (person) return fromMention(ctx, person, np)
  if (np.kind === 'role') {
    // `son porte-parole, le colonel Amadou Abdramane`: a name in apposition right after the role
    const next = ctx.persons[firstAt(ctx.persons, np.end)]
    const apposed = next && next.start - np.end <= APPOSITION_GAP ? next : undefined
    if (
      apposed &&
      /^\s*,/u.test(ctx.text.slice(np.end, apposed.start)) &&
      APPOSED.test(ctx.text.slice(np.end, apposed.start))
    )
      return fromPerson(apposed, 'direct')
  }
  if (np.name && np.kind !== 'name') {
    const written = cleanName(ctx.text.slice(np.name.start, np.name.end))
    const e = personByName(ctx, written)
    return {
      name: e?.name ?? written,
      entityId: e?.entityId ?? null,
      start: np.name.start,
      end: np.name.end,
      gender: np.gender,
      headClass: np.headClass,
      via: 'direct',
    }
  }
  // A mention covering the head word: `le ministère russe des Affaires étrangères`.
  const headTok = ctx.tokens[tokenAt(ctx.tokens, np.start)]
  const atHead = headTok ? inside.find((m) => m.start <= headTok.start && m.end > headTok.start) : undefined
  if (atHead) return fromMention(ctx, atHead, np)
  if (np.kind === 'name') {
    // The name without its civility (`M. Lavrov` → `Lavrov`).
    const span = np.name ?? np
    const person = personByName(ctx, ctx.text.slice(span.start, span.end))
    return {
      name: person?.name ?? cleanName(ctx.text.slice(span.start, span.end)),
      entityId: person?.entityId ?? null,
      start: span.start,
      end: span.end,
      gender: np.gender,
      headClass: null,
      via: 'direct',
    }
  }
  if (np.kind !== 'role' && np.kind !== 'body') return null
  // An anonymous or collective source, as the text names it: `une source sécuritaire`, `des habitants`.
  if (!np.definite) return writtenSpeaker(np, ctx, true)
  if (np.modifiers > 0) return resolveFull(np, ctx)
  return resolveBare(np, ctx, past)
}

function fromMention(
  ctx: DocContext,
  m: { entity_id: string; start: number; end: number },
  np: NounPhrase,
): Speaker {
  const e = entityOf(ctx, m)
  return {
    name: e?.name ?? cleanName(ctx.text.slice(m.start, m.end)),
    entityId: e?.entity_id ?? null,
    start: m.start,
    end: m.end,
    gender: np.gender,
    headClass: np.headClass,
    via: 'direct',
  }
}

/**
 * A pronoun's antecedent: the latest of the earlier speakers (not a country or a town) and the people
 * the narration names as subjects (not inside a quotation, not after a preposition), of a compatible
 * gender.
 */
export function resolvePronoun(
  gender: Gender,
  pos: number,
  ctx: DocContext,
  past: readonly PastSpeaker[],
): Speaker | null {
  let best: { at: number; speaker: Speaker } | null = null
  for (let i = past.length - 1; i >= 0; i--) {
    const p = past[i]!
    if (p.pos >= pos) continue
    if (pos - p.pos > ANTECEDENT_WINDOW) break
    // `a-t-il dit` is said by a person or a body: a country or a town taken as a speaker (`le Niger a
    // annoncé`) is a metonymy that a pronoun does not pick up
    if (isTerritory(p.speaker, ctx)) continue
    if (genderOk(gender, p.speaker.gender)) {
      best = { at: Math.max(p.pos, p.speaker.start), speaker: { ...p.speaker, via: 'coreference' } }
      break
    }
  }
  // persons are in text order: those starting at or after `pos` cannot end before it
  for (let i = lastBefore(ctx.persons, pos); i >= 0; i--) {
    const p = ctx.persons[i]!
    if (p.end > pos) continue
    if (pos - p.end > MENTION_WINDOW || (best && p.start <= best.at)) break
    if (p.inQuote || p.object) continue
    if (genderOk(gender, p.gender)) return fromPerson(p, 'coreference')
  }
  return best?.speaker ?? null
}

/** The latest speaker before `pos`, whoever it is: what a `le même communiqué` was issued by. */
function latestSpeaker(pos: number, past: readonly PastSpeaker[]): Speaker | null {
  for (let i = past.length - 1; i >= 0; i--) {
    const p = past[i]!
    if (p.pos >= pos) continue
    return pos - p.pos > ANTECEDENT_WINDOW ? null : { ...p.speaker, via: 'coreference' }
  }
  return null
}

/** The latest earlier speaker who is a person (an entity of that type, or a name), of a compatible gender. */
function latestPersonSpeaker(np: NounPhrase, ctx: DocContext, past: readonly PastSpeaker[]): Speaker | null {
  for (let i = past.length - 1; i >= 0; i--) {
    const p = past[i]!
    if (p.pos >= np.start) continue
    if (np.start - p.pos > MENTION_WINDOW) break
    const type = p.speaker.entityId ? ctx.entities.get(p.speaker.entityId)?.type : undefined
    const isPerson = type === 'person' || ctx.index.personNames.has(p.speaker.name)
    if (isPerson && genderOk(np.gender, p.speaker.gender) && p.speaker.gender !== 'p')
      return { ...p.speaker, via: 'coreference' }
  }
  return null
}

function isTerritory(s: Speaker, ctx: DocContext): boolean {
  const type = s.entityId ? ctx.entities.get(s.entityId)?.type : undefined
  return type === 'country' || type === 'place'
}

/** The phrase itself as the speaker, when no entity stands behind it (with its article if asked). */
const writtenSpeaker = (np: NounPhrase, ctx: DocContext, withDeterminer = false): Speaker => {
  const start = withDeterminer ? Math.min(np.start, ctx.tokens[np.from]?.start ?? np.start) : np.start
  return {
    name: cleanName(ctx.text.slice(start, np.end)),
    entityId: null,
    start,
    end: np.end,
    gender: np.gender,
    headClass: np.headClass,
    via: 'direct',
  }
}

/** A person by the name written (`Kam`, `M. Tedros`): the entity, else a fuller name the text gave earlier. */
function personByName(ctx: DocContext, written: string): { name: string; entityId: string | null } | null {
  const e = personEntityByName(ctx, written)
  if (e) return { name: e.name, entityId: e.entity_id }
  const key = nameKey(written).split(' ')
  const last = key.at(-1)
  if (!last) return null
  const fuller = new Set(
    (ctx.index.personsByLastWord.get(last) ?? [])
      .filter((p) => {
        const k = nameKey(p.name).split(' ')
        return k.length > key.length && k.at(-1) === last
      })
      .map((p) => p.name),
  )
  return fuller.size === 1 ? { name: [...fuller][0]!, entityId: null } : null
}

/** A described role or body: match it by nationality with an earlier person or body. */
function resolveFull(np: NounPhrase, ctx: DocContext): Speaker {
  const asWritten = writtenSpeaker(np, ctx)
  // `le porte-parole du gouverneur du Nord-Kivu` → the person the text introduced with that description.
  if (np.kind === 'role') {
    const described = describedPerson(np, ctx)
    if (described) return fromPerson(described, 'coreference')
  }
  if (np.country === null) return { ...asWritten, ...bodyEntity(np, ctx) }
  if (np.kind === 'role') {
    const same = ctx.index.personsByCountry.get(np.country) ?? []
    for (let i = lastBefore(same, np.start); i >= 0; i--) {
      const p = same[i]!
      if (p.end <= np.start) return fromPerson(p, 'coreference')
    }
    return asWritten
  }
  return { ...asWritten, ...bodyEntity(np, ctx) }
}

const LINK_WORDS = new Set(['de', 'du', 'des', 'd', 'la', 'le', 'les', 'l', 'et'])

/** The latest earlier person introduced with the same role and a description this one contains or extends. */
function describedPerson(np: NounPhrase, ctx: DocContext): Person | null {
  const want = nameKey(ctx.text.slice(np.start, np.end))
    .split(' ')
    .filter((w) => w && !LINK_WORDS.has(w))
  const same = ctx.index.personsByRole.get(np.headClass) ?? []
  for (let i = lastBefore(same, np.start); i >= 0; i--) {
    const p = same[i]!
    if (p.end > np.start || !p.desc) continue
    // One description contains the other: `le porte-parole du gouverneur` … `du gouverneur du Nord-Kivu`.
    const have = p.desc.split(' ').filter((w) => w && !LINK_WORDS.has(w))
    const wanted = new Set(want)
    if (want.every((w) => have.includes(w)) || have.every((w) => wanted.has(w))) return p
  }
  return null
}

/** Singular and plural do not corefer (`cette source` is not `des sources concordantes`). */
const numberOk = (a: Gender, b: Gender) => !((a === 'p') !== (b === 'p') && a !== null && b !== null)

/** An organisation mentioned elsewhere with the same head word and a compatible country. */
function bodyEntity(np: NounPhrase, ctx: DocContext): Partial<Speaker> {
  if (np.kind !== 'body' || np.head === null) return {}
  const head = nameKey(np.head)
  const words = new Set(nameKey(ctx.text.slice(np.start, np.end)).split(' '))
  let best: { e: { entity_id: string; name: string }; score: number } | null = null
  // each organisation once, in order of first mention: a later mention of the same one scores the same
  for (const { e, key } of ctx.index.orgsByHead.get(head) ?? []) {
    if (np.country && e.country_code && e.country_code !== np.country) continue
    const score = key.filter((w) => words.has(w)).length / key.length
    if (score >= 0.5 && (!best || score > best.score)) best = { e, score }
  }
  return best ? { name: best.e.name, entityId: best.e.entity_id, via: 'coreference' } : {}
}

function resolveBare(np: NounPhrase, ctx: DocContext, past: readonly PastSpeaker[]): Speaker | null {
  for (let i = past.length - 1; i >= 0; i--) {
    const p = past[i]!
    if (p.pos >= np.start) continue
    if (np.start - p.pos > ANTECEDENT_WINDOW) break
    if (
      p.speaker.headClass === np.headClass &&
      genderOk(np.gender, p.speaker.gender) &&
      numberOk(np.gender, p.speaker.gender)
    )
      return { ...p.speaker, via: 'coreference' }
  }
  if (np.kind === 'body') {
    const same = ctx.index.orgMentionsByFirst.get(nameKey(np.head ?? '')) ?? []
    for (let i = lastBefore(same, np.start); i >= 0; i--) {
      const m = same[i]!
      if (m.end <= np.start) return { ...fromMention(ctx, m, np), via: 'coreference' }
    }
  } else {
    const same = ctx.index.personsByRole.get(np.headClass) ?? []
    for (let i = lastBefore(same, np.start); i >= 0; i--) {
      const p = same[i]!
      if (p.end <= np.start && genderOk(np.gender, p.gender)) return fromPerson(p, 'coreference')
    }
  }
  // `la même source`, `cette source`: whoever spoke last.
  if (np.anaphoric) {
    const last = latestSpeaker(np.start, past)
    if (last) return last
  }
  // `le chercheur`, after `« … », observe Alain Antil, directeur …`: the person quoted last.
  if (np.kind === 'role') {
    const person = latestPersonSpeaker(np, ctx, past)
    if (person) return person
  }
  const fuller = fullestEarlier(np, ctx)
  if (fuller) {
    const viaEntity = resolvePhrase({ ...fuller, definite: true }, ctx, [])
    if (viaEntity) return { ...viaEntity, via: 'coreference' }
  }
  return writtenSpeaker(np, ctx)
}

/** The longest earlier phrase with the same head and gender (`la ministre française de la Défense`). */
function fullestEarlier(np: NounPhrase, ctx: DocContext): NounPhrase | null {
  const { tokens, lex } = ctx
  let best: NounPhrase | null = null
  for (let i = np.from - 1; i >= 0; i--) {
    const t = tokens[i]!
    if (np.start - t.start > ANTECEDENT_WINDOW * 2) break
    if (!np.head?.startsWith(t.lower)) continue
    const from = i > 0 && lex.determiners.has(tokens[i - 1]!.lower) ? i - 1 : i
    const cand = readNounPhrase(tokens, from, lex)
    if (!cand || cand.head !== np.head || cand.modifiers === 0) continue
    if (!genderOk(np.gender, cand.gender)) continue
    if (!best || cand.modifiers > best.modifiers) best = cand
  }
  return best
}
