/**
 * Who and where: which entity mentions of a sentence are an event's actors, targets and place.
 * French word order does most of the work — the subject stands before the verb (or right after it
 * in an inserted clause: `a déclaré mardi le ministère`), a place follows `à`/`au`/`dans la région
 * de`, and an entity after `avec`, `contre`, `à` is acted upon. The function words are data
 * (`reference/events/roles.json`).
 */

import { firstAt } from '../../util/first-at.js'
import type { MentionDraft } from '../extract.js'
import { roleData } from './reference.js'
import { phraseEndingAt, phraseIndex, type Token } from './tokens.js'

export type EntityType = 'person' | 'organization' | 'country' | 'place' | 'equipment' | 'group' | string

/** A mention of the sentence with what the roles need to know about it. */
export interface RoleMention {
  readonly entity_id: string
  readonly type: EntityType
  readonly start: number
  readonly end: number
  /** Token index of its first token in the sentence. */
  readonly token: number
  /** A lower-case surface is an adjective or demonym (`russe`, `malienne`), never a place name. */
  readonly adjective: boolean
  /** Preceded by a locative preposition (`à`, `au`, `dans la région de`), and which one. */
  readonly locative: string | null
  /** Preceded by a preposition that marks a non-subject (`avec`, `contre`, `à`). */
  readonly oblique: boolean
  /** Preceded by `par`: the agent of a passive. */
  readonly agent: boolean
  /** Preceded by words that name the author of an event (`attribuée à`, `revendiquée par`). */
  readonly attributed: boolean
  /** The word governing it, before its articles (`de`, `du`, `contre`, `par`, `,`…); '' at the start. */
  readonly governor: string
  /**
   * A place or country that says where, as the complement of a place word or of another place (`la
   * cité de Bunagana`, `l'Extrême-Nord du Cameroun`, `la région des Savanes`): it never acts.
   */
  readonly geographic: boolean
  /** The source of a report (`selon le ministère`, `d'après l'AFP`): no participant of the event. */
  readonly source: boolean
}

const CLAUSE_BOUNDARY = new Set([',', ';', ':', '«', '»', '(', ')', '"', '“', '”', '–', '—', '[', ']'])
export const isClauseBoundary = (t: Token): boolean => t.kind === 'punct' && CLAUSE_BOUNDARY.has(t.text)

let locIndex: ReadonlyMap<string, readonly (readonly string[])[]> | undefined
const locatives = () => {
  if (!locIndex) locIndex = phraseIndex(roleData().locative)
  return locIndex
}
let attrIndex: ReadonlyMap<string, readonly (readonly string[])[]> | undefined
const attributions = () => {
  if (!attrIndex) attrIndex = phraseIndex(roleData().attribution)
  return attrIndex
}

let geoIndex: ReadonlySet<string> | undefined
const geoNouns = () => {
  if (!geoIndex) geoIndex = new Set(roleData().geographic_nouns)
  return geoIndex
}
let sourceIndex: ReadonlyMap<string, readonly (readonly string[])[]> | undefined
const sourceMarkers = () => {
  if (!sourceIndex) sourceIndex = phraseIndex(roleData().source_markers)
  return sourceIndex
}

/** Index of the first token starting at or after an offset. */
export const tokenAt: (tokens: readonly Token[], offset: number) => number = firstAt

/** Describes the mentions that fall inside the sentence `tokens` cover. */
export function roleMentions(
  tokens: readonly Token[],
  mentions: readonly MentionDraft[],
  typeOf: (entityId: string) => EntityType | undefined,
): RoleMention[] {
  const roles = roleData()
  const out: RoleMention[] = []
  // where the sentence's places and countries end: a place right before `de` is a place's complement
  const placeEnds = new Set<number>()
  for (const m of mentions) {
    const type = typeOf(m.entity_id)
    if (type === 'place' || type === 'country') placeEnds.add(m.end)
  }
  for (const m of mentions) {
    const type = typeOf(m.entity_id)
    if (type === undefined) continue
    const token = tokenAt(tokens, m.start)
    if (token >= tokens.length) continue
    const adjective = type !== 'group' && !/^\p{Lu}/u.test(m.surface)
    // the locative phrase ends right before the mention, possibly before an article (`dans le Mali`)
    let k = token - 1
    let loc = k >= 0 ? phraseEndingAt(tokens, k, locatives()) : 0
    while (loc === 0 && k >= 0 && roles.skip.includes(tokens[k]!.norm)) {
      k--
      loc = k >= 0 ? phraseEndingAt(tokens, k, locatives()) : 0
    }
    // `attribuée à l'EIGS`: the phrase ends before the mention's articles
    let ka = token - 1
    while (ka >= 0 && roles.skip.includes(tokens[ka]!.norm)) ka--
    const attributed = ka >= 0 && phraseEndingAt(tokens, ka, attributions()) > 0
    let locative =
      loc > 0 && !adjective
        ? tokens
            .slice(k - loc + 1, k + 1)
            .map((t) => t.norm)
            .join(' ')
        : null
    // a place in apposition to a place noun that says where (`dans la capitale gabonaise, Libreville`)
    if (locative === null && !adjective && type === 'place') locative = appositionLocative(tokens, token)
    // the word that governs the mention: before its articles and, for an adjective, its head noun
    let g = token - 1
    let steps = 0
    const isFunction = (t: Token) =>
      roles.skip.includes(t.norm) ||
      roles.oblique.includes(t.norm) ||
      roles.agent.includes(t.norm) ||
      t.kind !== 'word'
    while (adjective && steps < 2 && g >= 0 && !isFunction(tokens[g]!)) {
      g--
      steps++
      // past the `de` of a noun's complement (`au plan d'autonomie marocain`: what `au` governs)
      if (steps === 1 && g >= 1 && OF_COMPLEMENT.has(tokens[g]!.norm) && !isFunction(tokens[g - 1]!)) g--
    }
    // past articles and honorifics (`selon Mme Fièvre`, `par M. Lavrov`)
    while (g >= 0 && (roles.skip.includes(tokens[g]!.norm) || isHonorific(tokens, g))) g--
    const gov = g >= 0 ? tokens[g]!.norm : ''
    const head = g > 0 ? tokens[g - 1]! : null
    const geographic =
      (type === 'place' || type === 'country') &&
      FROM.has(gov) &&
      head !== null &&
      (geoNouns().has(head.norm) || placeEnds.has(head.end))
    const placeWord =
      (type === 'place' || type === 'country') && geoNouns().has(gov) && tokens[g + 1]?.norm === 'des'
    const source = g >= 0 && phraseEndingAt(tokens, g, sourceMarkers()) > 0

    // an acronym in parentheses right after a name (`les Forces armées maliennes (FAMa)`, `la
    // Communauté … d'Afrique de l'ouest (Cedeao)`): the same entity is not named twice; another one
    // stands where the name stands
    if (tokens[token - 2] && acronymAt(tokens, token - 1) >= 0) {
      const before = tokens[token - 2]!.end
      const named = out.filter((o) => o.end === before)
      if (named.some((o) => o.entity_id === m.entity_id)) continue
      const outer = named.reduce<RoleMention | null>(
        (a, o) => (a === null || o.start < a.start ? o : a),
        null,
      )
      if (outer) {
        out.push({ ...outer, entity_id: m.entity_id, type, start: m.start, end: m.end, token, adjective })
        continue
      }
    }
    out.push({
      entity_id: m.entity_id,
      type,
      start: m.start,
      end: m.end,
      token,
      adjective,
      locative,
      oblique: roles.oblique.includes(gov) || locative !== null,
      agent: roles.agent.includes(gov),
      attributed,
      governor: gov,
      geographic: geographic || placeWord,
      source,
    })
  }
  return out
}

/** How many adjectives may stand between a place noun and the comma of its apposition (`la capitale gabonaise,`). */
const APPOSITION_ADJECTIVES = 2

/**
 * The locative phrase of a place noun that a place at token `at` stands in apposition to: `dans la
 * capitale gabonaise, Libreville` gives `dans`. Null when the place follows no comma, or the words
 * before the comma are no place noun (with its adjectives) after a locative phrase.
 */
function appositionLocative(tokens: readonly Token[], at: number): string | null {
  if (tokens[at - 1]?.text !== ',') return null
  const roles = roleData()
  let j = at - 2
  for (let n = 0; n < APPOSITION_ADJECTIVES && j >= 0 && !geoNouns().has(tokens[j]!.norm); n++) {
    const t = tokens[j]!
    if (t.kind !== 'word' || !/^\p{Ll}/u.test(t.text)) return null
    j--
  }
  if (j < 0 || !geoNouns().has(tokens[j]!.norm)) return null
  let k = j - 1
  while (k >= 0 && roles.skip.includes(tokens[k]!.norm)) k--
  const len = k >= 0 ? phraseEndingAt(tokens, k, locatives()) : 0
  return len > 0
    ? tokens
        .slice(k - len + 1, k + 1)
        .map((t) => t.norm)
        .join(' ')
    : null
}

/** Whether token `k` is an honorific (`Mme`, `M`) or the full stop after one (`M.`). */
function isHonorific(tokens: readonly Token[], k: number): boolean {
  const h = roleData().honorifics
  const t = tokens[k]!
  if (t.text === '.') return k > 0 && h.includes(tokens[k - 1]!.norm)
  return h.includes(t.norm)
}

/**
 * Whether a mention can be the place of an event: a place or country after a locative word that
 * suits it. An event that is not physical takes only `dans`/`depuis` — or, when `town` (a signing,
 * a sentence: roles.json `town_types`), a town after `à`/`au` (`ont signé à Niamey`).
 */
export function canBePlace(m: RoleMention, physical: boolean, town = false): boolean {
  return (
    (m.type === 'place' || m.type === 'country') &&
    m.locative !== null &&
    (physical ||
      roleData().locative_nonphysical.includes(m.locative) ||
      (town && m.type === 'place' && !m.adjective && AT.has(m.locative)))
  )
}

const AT: ReadonlySet<string> = new Set(['à', 'au'])

/** The place of an event: a place (else a country) after a locative word, among the mentions it owns. */
export function chooseLocation(
  owned: readonly RoleMention[],
  physical: boolean,
  triggerStart: number,
  town = false,
): RoleMention | null {
  const ok = owned.filter((m) => canBePlace(m, physical, town))
  const rank = (m: RoleMention) => (m.type === 'place' ? 0 : 1)
  ok.sort((a, b) => rank(a) - rank(b) || Math.abs(a.start - triggerStart) - Math.abs(b.start - triggerStart))
  return ok[0] ?? null
}

const ACTOR_TYPES = new Set(['person', 'organization', 'country', 'place', 'group'])
export const MAX_ACTORS = 4

/** Clause around token range `[first, next)`: from the last boundary before to the first boundary after. */
export function clauseOf(tokens: readonly Token[], first: number, next: number): [number, number] {
  let a = first
  for (;;) {
    while (a > 0 && !isClauseBoundary(tokens[a - 1]!)) a--
    // an acronym in parentheses (`la Communauté … (Cedeao)`) belongs to the clause
    const open = acronymBefore(tokens, a)
    if (open < 0) break
    a = open
  }
  let b = next
  for (;;) {
    while (b < tokens.length && !isClauseBoundary(tokens[b]!)) b++
    const close = acronymAt(tokens, b)
    if (close < 0) break
    b = close
  }
  return [a, b]
}

/** How many words an acronym in parentheses may have (`(Cedeao)`, `(FSR)`). */
const ACRONYM_WORDS = 1
/** The token after `( … )` opening at `k`, when it holds a short name; -1 otherwise. */
function acronymAt(tokens: readonly Token[], k: number): number {
  if (tokens[k]?.text !== '(') return -1
  let j = k + 1
  while (
    j < tokens.length &&
    j - k - 1 < ACRONYM_WORDS &&
    tokens[j]!.kind === 'word' &&
    /^\p{Lu}/u.test(tokens[j]!.text)
  )
    j++
  return j > k + 1 && tokens[j]?.text === ')' ? j + 1 : -1
}
/** The token of `(` when `( … )` closes right before `a` and holds a short name; -1 otherwise. */
export function acronymBefore(tokens: readonly Token[], a: number): number {
  if (a < 1 || tokens[a - 1]?.text !== ')') return -1
  for (let k = a - 2; k >= 0 && k >= a - 2 - ACRONYM_WORDS; k--)
    if (tokens[k]!.text === '(') return acronymAt(tokens, k) === a ? k : -1
  return -1
}

export interface Participants {
  readonly actors: string[]
  readonly targets: string[]
}

/**
 * Actors: the subject side — entities before the trigger in its clause that no preposition governs
 * (nearest first); else an inverted subject or a `par` agent after it in the clause; else the
 * nearest ungoverned entities before it in the sentence. Targets: the other entities of the clause
 * after the trigger, and the governed ones before it (`condoléances à Bamako … son soutien`).
 */
/**
 * Whether the trigger at token `first` is a past participle in the passive voice (`ont été tués`, `a
 * déjà été livré`): an auxiliary `être` right before it, or before adverbs right before it. Trigger
 * forms that carry their own auxiliary (`s'est rendu`, `se sont réunis`) start with it and never are.
 */
export function isPassive(tokens: readonly Token[], first: number): boolean {
  const { passive_auxiliary: aux, passive_adverbs: adverbs } = roleData()
  let k = first - 1
  while (k >= 0 && k >= first - 3 && adverbs.includes(tokens[k]!.norm)) k--
  if (k >= 0 && tokens[k]!.kind === 'word' && aux.includes(tokens[k]!.norm)) return true
  if (coordinatedPassive(tokens, first) >= 0) return true
  // a participle in apposition (`Kiev, accusé de s'être allié aux rebelles`): its noun undergoes it
  const w = tokens[first]!
  return (
    tokens[first - 1]?.text === ',' &&
    PARTICIPLE.test(w.norm) &&
    APPOSED_NEXT.has(tokens[first + 1]?.norm ?? '')
  )
}
const APPOSED_NEXT: ReadonlySet<string> = new Set(['de', "d'", 'par'])

/**
 * A participle coordinated with a passive one (`a été convoqué au ministère … et sommé de quitter`):
 * the token of the first participle's auxiliary `être`, whose subject the second shares; -1 if none.
 */
export function coordinatedPassive(tokens: readonly Token[], first: number): number {
  const aux = roleData().passive_auxiliary
  if (tokens[first - 1]?.norm !== 'et' || !PARTICIPLE.test(tokens[first]!.norm)) return -1
  for (let j = first - 2; j >= 1 && j >= first - COORDINATED_REACH; j--) {
    if (tokens[j]!.kind === 'punct' && tokens[j]!.text !== ',') break
    if (PARTICIPLE.test(tokens[j]!.norm) && aux.includes(tokens[j - 1]!.norm)) return j - 1
  }
  return -1
}
/** How far back a passive participle may stand that a coordinated participle shares (`… et sommé`). */
const COORDINATED_REACH = 15

/**
 * The frame of a noun trigger (`roles.json` `noun_frames`): `patient` — what follows `de` undergoes
 * it (`l'expulsion de l'ambassadeur`, `l'arrestation du président par les mutins`); `source` — the
 * one after `de` leaves the place or body named next (`le retrait de la force Barkhane du Mali`; after
 * a possessive, `leur retrait de la Cedeao`, every complement is what is left). Null for a verb, or a
 * noun whose `de` names its author (`l'attaque d'un gang`).
 */
export type NounFrame = 'patient' | 'source' | null

let frameIndex: ReadonlyMap<string, NounFrame> | undefined
/** The frame of a noun trigger whose first word is `norm`, when a determiner `prev` stands before it. */
export function nounFrame(norm: string, prev: string | undefined): NounFrame {
  const roles = roleData()
  if (prev === undefined || !(roles.skip.includes(prev) || roles.definite.includes(prev))) return null
  if (!frameIndex) {
    const m = new Map<string, NounFrame>()
    for (const w of roles.noun_frames.patient) m.set(w, 'patient')
    for (const w of roles.noun_frames.source) m.set(w, 'source')
    frameIndex = m
  }
  return frameIndex.get(norm) ?? null
}

const FROM: ReadonlySet<string> = new Set(['de', "d'", 'du', 'des'])
const OF_COMPLEMENT: ReadonlySet<string> = new Set(['de', "d'"])
/**
 * Whether the `par` agent at token `at` after a trigger is the trigger's: no past participle of another
 * verb stands between, unless it is passive itself (`le texte diffusé la veille par la présidence`
 * names who diffused; `des appels … ont été lancés par des ONG` who appealed).
 */
function ownAgent(tokens: readonly Token[], next: number, at: number): boolean {
  const aux = roleData().passive_auxiliary
  for (let k = next; k < at; k++) {
    const w = tokens[k]!
    if (w.kind === 'word' && PARTICIPLE.test(w.norm) && !aux.includes(tokens[k - 1]?.norm ?? '')) return false
  }
  return true
}
const PARTICIPLE = /\p{L}{2,}(?:é|ée|és|ées)$/u

/** How many tokens past its clause the `par` agent of a passive may stand. */
const AGENT_REACH = 12
/** Words that coordinate the authors of an event (`revendiquée par le JNIM et l'EIGS`). */
const AUTHOR_JOINERS: ReadonlySet<string> = new Set(['et', 'ou'])
/** How many words may stand between a coordinator and a country adjective (its head noun). */
const ADJECTIVE_HEAD_WORDS = 2
const POSSESSIVES: ReadonlySet<string> = new Set(['son', 'sa', 'ses', 'leur', 'leurs', 'notre', 'nos'])

export function chooseParticipants(
  tokens: readonly Token[],
  mentions: readonly RoleMention[],
  first: number,
  next: number,
  exclude: ReadonlySet<string>,
  passive = false,
  subjectMayFollow = true,
  frame: NounFrame = null,
  apposition = true,
  floor = 0,
): Participants {
  const [a0, b] = clauseOf(tokens, first, next)
  // a noun that another event's verb governs (`a condamné l'attaque`) has no subject of its own there
  const a = Math.max(a0, floor)
  const usable = mentions.filter(
    (m) => ACTOR_TYPES.has(m.type) && !exclude.has(m.entity_id) && !m.source && !m.geographic,
  )
  // a place name acts only as a subject (`Moscou condamne`); countries and people also as adjectives
  const adjectivalPlace = (m: RoleMention) => m.type === 'place' && m.adjective
  const canAct = (m: RoleMention) => !m.oblique && !adjectivalPlace(m) && !m.geographic
  const before = usable.filter((m) => m.token >= a && m.token < first).reverse()
  let after = usable.filter((m) => m.token >= next && m.token < b)
  // the one acted upon may be named in an apposition (`a rencontré le chef de la junte, le capitaine
  // Traoré`): with nobody after the trigger in its clause, read on past one comma before an article
  if (
    apposition &&
    after.every((m) => m.type === 'group') &&
    tokens[b]?.text === ',' &&
    roleData().skip.includes(tokens[b + 1]?.norm ?? '')
  ) {
    let c = b + 1
    while (c < tokens.length && !isClauseBoundary(tokens[c]!)) c++
    after = [...after, ...usable.filter((m) => m.token > b && m.token < c)]
  }
  // `une attaque attribuée à l'EIGS`: whoever the text names as the author acts
  // (with those coordinated after it in the clause, `revendiquée par le JNIM et l'EIGS`; an adjective
  // there qualifies an author, `lancés par des ONG et de personnalités sénégalaises`: no participant;
  // not a complement a preposition governs: `revendiquée par le JNIM contre Kati`)
  const joined = new Set<RoleMention>()
  let chainEnd = -1
  for (const m of after) {
    if (m.attributed) {
      chainEnd = Math.max(chainEnd, m.end)
      continue
    }
    if (chainEnd < 0 || m.oblique || m.locative !== null || m.geographic) continue
    if (m.start < chainEnd) continue
    // only coordinators and articles between the last author and this one
    let k = tokenAt(tokens, chainEnd)
    let and = false
    // an adjective's head noun may stand before it (`et de personnalités sénégalaises`)
    let head = m.adjective ? ADJECTIVE_HEAD_WORDS : 0
    for (; k < m.token; k++) {
      const w = tokens[k]!.norm
      if (AUTHOR_JOINERS.has(w)) and = true
      else if (!roleData().skip.includes(w)) {
        if (!and || head === 0 || tokens[k]!.kind !== 'word') break
        head--
      }
    }
    if (k !== m.token || !and) continue
    joined.add(m)
    chainEnd = m.end
  }
  const coordinated = (m: RoleMention) => joined.has(m)
  const authors = after.filter((m) => m.attributed || (coordinated(m) && !m.adjective))
  if (authors.length > 0)
    return assign(
      authors,
      [...before.filter((m) => passive || m.oblique), ...after].filter(
        (m) => !adjectivalPlace(m) && !(m.adjective && coordinated(m)),
      ),
    )
  if (passive) {
    // `47 soldats maliens … ont été tués par des combattants de Wagner`: the subject undergoes; what
    // follows `par` (before any place) acts
    const agents = roleData().agent
    let by = -1
    for (let k = next; k < b && by < 0; k++) if (agents.includes(tokens[k]!.norm)) by = k
    // the subject that undergoes it may stand before an apposition (`Joël Meyer, ambassadeur de
    // France au Mali, a été convoqué`): with none in the clause, the ungoverned ones before it
    // a participle coordinated with a passive one shares its subject, named before the first one's
    // auxiliary (`Joël Meyer … a été convoqué au ministère à Bamako et sommé de quitter le pays`)
    const shared = coordinatedPassive(tokens, first)
    const undergoers = before.filter((m) => !adjectivalPlace(m) && (shared < 0 || m.token < shared))
    const subject =
      undergoers.length > 0 ? undergoers : usable.filter((m) => m.token < a0 && canAct(m)).reverse()
    let agentsFound = after.filter((m) => m.agent || (by >= 0 && m.token > by && m.locative === null))
    // `convoqué au ministère des Affaires étrangères`: with no `par`, the body it happened at acts
    if (agentsFound.length === 0 && by < 0)
      agentsFound = after.filter((m) => m.type === 'organization' && AT.has(m.governor)).slice(0, 1)
    // `ont été tués à Kazaroho, toujours dans la même région par des ADF`: the agent may come after a
    // comma, before the sentence goes on to anything else
    if (agentsFound.length === 0) {
      const stop = Math.min(tokens.length, b + AGENT_REACH)
      for (let k = b; k < stop && by < 0; k++) {
        if (agents.includes(tokens[k]!.norm)) by = k
        else if (tokens[k]!.kind === 'punct' && tokens[k]!.text !== ',') break
      }
      if (by >= 0) {
        let c = by + 1
        while (c < tokens.length && !isClauseBoundary(tokens[c]!)) c++
        agentsFound = usable.filter((m) => m.token > by && m.token < c && m.locative === null)
      }
    }
    return assign(agentsFound, [...subject, ...after])
  }
  const earlier = () => usable.filter((m) => m.token < a0 && canAct(m)).reverse()
  if (frame === 'patient' || (frame === 'source' && POSSESSIVES.has(tokens[first - 1]?.norm ?? ''))) {
    // the complements undergo it; its author is a `par` agent, else the subject of the clause, else
    // the nearest one before (`annonce, par la ministre Mélanie Joly, de l'expulsion du diplomate`)
    const agents = roleData().agent
    let by = -1
    for (let k = next; k < b && by < 0; k++) if (agents.includes(tokens[k]!.norm)) by = k
    const agentSide = (m: RoleMention) => m.agent || (by >= 0 && m.token > by && m.locative === null)
    let actors = after.filter(agentSide)
    if (actors.length === 0) actors = before.filter(canAct)
    if (actors.length === 0) actors = earlier()
    return assign(actors, [...before.filter((m) => m.oblique), ...after.filter((m) => !agentSide(m))])
  }
  if (frame === 'source' && !before.some(canAct)) {
    // with no subject before it, the first complement leaves; a country, place or body governed by
    // `de` after it is what it leaves
    const leaver = after.find((m) => canAct(m) && m.type !== 'place')
    const left = after.filter(
      (m) =>
        leaver !== undefined &&
        m.token > leaver.token &&
        (m.type === 'country' || m.type === 'place' || m.type === 'organization') &&
        !m.adjective &&
        FROM.has(m.governor),
    )
    const actors = after.filter((m) => canAct(m) && !left.includes(m) && m.type !== 'place')
    if (actors.length > 0) return assign(actors, [...before.filter((m) => m.oblique), ...left])
  }
  let actors = before.filter(canAct)
  // a subject set off by an apposition (`Le général X, chef de la junte, a reçu …`) stands before the
  // clause; only speech verbs and noun triggers have theirs after (`…, a déclaré le ministre`)
  // `reçu par le ministre`; but `rejeté le texte diffusé la veille par la présidence` names who diffused
  if (actors.length === 0 && !subjectMayFollow)
    actors = after.filter((m) => m.agent && ownAgent(tokens, next, m.token))
  if (actors.length === 0 && !subjectMayFollow) actors = earlier()
  // a speech verb's subject after it ends its clause (`…, a déclaré mardi le ministère.`); one followed
  // by more is its object (`ont accusé les autorités d'avoir …`, `exhorte les Européens à agir`)
  const noun =
    first > 0 &&
    (roleData().skip.includes(tokens[first - 1]!.norm) ||
      roleData().definite.includes(tokens[first - 1]!.norm))
  const endsClause = (m: RoleMention) => {
    const k = tokenAt(tokens, m.end)
    return k >= tokens.length || tokens[k]!.kind === 'punct'
  }
  if (actors.length === 0)
    actors = after.filter((m) =>
      m.agent
        ? subjectMayFollow || ownAgent(tokens, next, m.token)
        : canAct(m) && m.type !== 'place' && (noun || !subjectMayFollow || endsClause(m)),
    )
  if (actors.length === 0) actors = earlier()
  return assign(actors, [...before.filter((m) => m.oblique), ...after])
}

/** The first `MAX_ACTORS` distinct actors, and the other entities of `pool` as targets. */
function assign(actors: readonly RoleMention[], pool: readonly RoleMention[]): Participants {
  const actorIds = uniq(namedFirst(actors).map((m) => m.entity_id)).slice(0, MAX_ACTORS)
  const taken = new Set(actorIds)
  const rest = pool.filter((m) => !taken.has(m.entity_id) && !actors.includes(m))
  return { actors: actorIds, targets: uniq(namedFirst(rest, true).map((m) => m.entity_id)) }
}

/**
 * A group the text does not name (`des soldats`) fills a role only where no named entity does, or
 * (a target) nearer the trigger than any named one, or beside the country whose adjective it holds
 * (`soldats maliens`: the group and Mali).
 */
function namedFirst(ms: readonly RoleMention[], nearer = false): readonly RoleMention[] {
  const firstNamed = ms.findIndex((m) => m.type !== 'group')
  if (firstNamed < 0) return ms
  const national = (g: RoleMention) => ms.some((o) => o !== g && g.start <= o.start && o.end <= g.end)
  // a target group nearer the trigger than any named one, and not the complement of a noun, is kept
  // too (`son soutien aux autorités de la transition … avec Kiev`; not `le chef du régime, X`)
  const near = (m: RoleMention, i: number) => nearer && i < firstNamed && !FROM.has(m.governor)
  return ms.filter((m, i) => m.type !== 'group' || national(m) || near(m, i))
}

const uniq = (xs: readonly string[]): string[] => [...new Set(xs)]

/** How many words may stand between a joint event's noun and its `entre` (`un accord bilatéral entre`). */
const BETWEEN_REACH = 3
const AND: ReadonlySet<string> = new Set(['et'])

/**
 * The two sides of a joint event named after `entre` (`des affrontements entre forces de l'ordre et
 * manifestants`, `un accord bilatéral entre la Russie et le Togo`): those before `et` act, those after
 * it are the other side. Null when the trigger has no such complement or a side names nobody.
 */
export function betweenSides(
  tokens: readonly Token[],
  mentions: readonly RoleMention[],
  next: number,
  exclude: ReadonlySet<string>,
): Participants | null {
  let k = next
  while (
    k < tokens.length &&
    k - next < BETWEEN_REACH &&
    tokens[k]!.kind === 'word' &&
    tokens[k]!.norm !== 'entre'
  )
    k++
  if (tokens[k]?.norm !== 'entre') return null
  let end = k + 1
  while (end < tokens.length && !isClauseBoundary(tokens[end]!)) end++
  let and = -1
  for (let j = k + 1; j < end && and < 0; j++) if (AND.has(tokens[j]!.norm)) and = j
  if (and < 0) return null
  const usable = mentions.filter(
    (m) =>
      ACTOR_TYPES.has(m.type) &&
      !exclude.has(m.entity_id) &&
      !m.source &&
      !(m.type === 'place' && m.adjective),
  )
  // the second side is what `et` opens, up to the next coordination or the clause's end
  let stop = and + 1
  while (stop < end && !AND.has(tokens[stop]!.norm)) stop++
  const first = usable.filter((m) => m.token > k && m.token < and)
  const second = usable.filter((m) => m.token > and && m.token < stop)
  if (first.length === 0 || second.length === 0) return null
  const actors = uniq(first.map((m) => m.entity_id)).slice(0, MAX_ACTORS)
  return { actors, targets: uniq(second.map((m) => m.entity_id)).filter((id) => !actors.includes(id)) }
}
