/**
 * Extraction of events: for each sentence, the triggers of the event ontology (PLOVER,
 * `reference/events/`) give typed events — at most one per sentence and event type, so that the
 * event id (document, sentence span, type) is unique — and the sentence gives their participants
 * (`roles.ts`), date (`dating.ts`), death toll (`fatalities.ts`) and delivered quantity
 * (`deliveries.ts`). Needs the entity mentions and temporal expressions of earlier extractors but
 * works without them (the toll never depends on them).
 */
import { WEEKDAYS } from '../../dates/french-words.js'
import type { Span } from '../../types.js'
import type { Extracted, ExtractInput, Extractor, QuoteDraft } from '../extract.js'
import { lexicon } from '../quotes/lexicon.js'
import { dateEvent, expressionsIn, owns } from './dating.js'
import { deliveredAt } from './deliveries.js'
import { type FatalityStatement, findFatalities, mentionsNonViolentCause } from './fatalities.js'
import { findGroups, type GroupMention, isFacility, isVictim } from './groups.js'
import { type EntityFacts, eventOf, groupReadings, type Reading, SHIFTED } from './merge-mentions.js'
import { findUnnamedPlaces } from './places.js'
import { addresseeOf, PersonTrail, pronounOf, relativeObject } from './pronouns.js'
import type { Qualifier } from './quantities.js'
import { roleData, typeInfo } from './reference.js'
import {
  betweenSides,
  canBePlace,
  chooseLocation,
  chooseParticipants,
  clauseOf,
  isClauseBoundary,
  isPassive,
  nounFrame,
  type Participants,
  type RoleMention,
  roleMentions,
  tokenAt,
} from './roles.js'
import { normalizeWord, phraseAt, phraseEndingAt, phraseIndex, type Token, tokenize } from './tokens.js'
import { findTriggers, type TriggerMatch } from './triggers.js'
import { identifiedVictims, identifiesFrom, opensOnVictim } from './victims.js'

/** Event types whose verbs put their subject after them in an incise (`…, a déclaré le ministre`). */
const SPEECH_TYPES: ReadonlySet<string> = new Set(['statement', 'accusation', 'support'])

let timeNounSet: ReadonlySet<string> | undefined
const timeNouns = () => {
  if (!timeNounSet) timeNounSet = new Set(roleData().time_nouns)
  return timeNounSet
}

/** `de` and its forms: a date after one completes the noun before it. */
const FROM_WORDS: ReadonlySet<string> = new Set(['de', 'du', "d'"])

/** The sentences of an article's lead: what they tell without a date is the article's news. */
const LEAD_SENTENCES = 3
const PLUPERFECT: ReadonlySet<string> = new Set(['avait', 'avaient', 'était', 'étaient', 'eut', 'eurent'])
/** Whether a trigger's clause is in the pluperfect (`avait attaqué`, `des combats avaient éclaté`): background. */
function isPluperfect(tokens: readonly Token[], first: number, next: number): boolean {
  const [a, b] = clauseOf(tokens, first, next)
  for (let k = a; k < b; k++) if (PLUPERFECT.has(tokens[k]!.norm)) return true
  return false
}

/** How many tokens after a referring-back noun its own date or place may start (`cette attaque de ce mardi`). */
const ANAPHOR_COMPLEMENT = 3
const POSSESSIVE: ReadonlySet<string> = new Set(['son', 'sa', 'ses', 'leur', 'leurs', 'notre', 'nos'])

let priorIndex: ReturnType<typeof phraseIndex> | undefined
/** Whether a noun trigger follows `à la suite de`, `après`, `au lendemain de`… (roles.json `prior`). */
function isPrior(tokens: readonly Token[], first: number): boolean {
  if (!priorIndex) priorIndex = phraseIndex(roleData().prior)
  let k = first - 1
  // past its determiner and one adjective (`après la brève attaque`)
  for (let steps = 0; k >= 0 && steps < 2; steps++) {
    const w = tokens[k]!.norm
    if (!(roleData().skip.includes(w) || roleData().definite.includes(w) || /^\p{Ll}/u.test(tokens[k]!.text)))
      break
    if (phraseEndingAt(tokens, k, priorIndex) > 0) return true
    k--
  }
  return k >= 0 && phraseEndingAt(tokens, k, priorIndex) > 0
}

/** Event types whose trigger reports what the sentence told before it. */
const SPEECH_REPORT: ReadonlySet<string> = new Set(['statement'])

/** Prepositions that name a receiver (`livré au Mali`, `son soutien aux autorités`). */
const DATIVE: ReadonlySet<string> = new Set(['à', 'au', 'aux'])

const isOblique = (word: string): boolean => roleData().oblique.includes(word)

let unreportedIndex: ReturnType<typeof phraseIndex> | undefined
const unreported = () => {
  if (!unreportedIndex) unreportedIndex = phraseIndex(roleData().unreported)
  return unreportedIndex
}

/** At most this many words and no final punctuation: a subheading, not a sentence. */
const SUBHEADING_WORDS = 5
const isSubheading = (tokens: readonly Token[]): boolean => {
  const last = tokens[tokens.length - 1]
  return (
    last !== undefined &&
    !(last.kind === 'punct' && /[.!?…»"”]/u.test(last.text)) &&
    tokens.filter((t) => t.kind === 'word').length <= SUBHEADING_WORDS
  )
}

/** How many words after a verb its object trigger may start (`signer un nouvel accord`). */
const OBJECT_REACH = 4

/** Confidence of an attack inferred from a death toll alone (no trigger word). */
export const INFERRED_CONFIDENCE = 0.5

/** An event of one sentence before its columns are filled in. */
interface Found {
  readonly trigger: TriggerMatch
  readonly inferred: boolean
  readonly tolls: FatalityStatement[]
}

const gap = (a: Span, b: Span): number =>
  a.end <= b.start ? b.start - a.end : a.start >= b.end ? a.start - b.end : 0

/**
 * One event per type: the first asserted trigger of each type in the sentence. A trigger inside an
 * entity's name (`Forces de soutien rapide`, `Groupe de soutien à l'islam`) names no event.
 */
function eventsOfSentence(
  tokens: readonly Token[],
  names: readonly Span[],
  sayers: number[] = [],
  causeNear = false,
): Found[] {
  const found = new Map<string, Found>()
  // the object of a verb that did not happen is no event either (`va signer un accord`)
  let unsaid: TriggerMatch | null = null
  // what is asked for has not happened (`exigé le départ des forces`): the rest of a request's clause
  let askedUntil = -1
  const habitual = roleData().habitual
  // every violent trigger of the sentence, the second of a type too (`tuées le 13 septembre …,
  // frappée le 3 septembre par un double attentat ayant fait 40 morts`)
  const violentTriggers: TriggerMatch[] = []
  for (const t of findTriggers(tokens)) {
    const inName = names.some((n) => n.start <= t.start && t.end <= n.end)
    // who says something, even what made no event (`a dénoncé maintes fois`), is no violent actor
    // (a word inside a name says nothing: `le Groupe de soutien à l'islam … a revendiqué l'attaque`)
    if (!inName && (roleData().speech_act_types.includes(t.type) || SPEECH_REPORT.has(t.type)))
      sayers.push(t.first)
    if (unsaid && unsaid.type === t.type && t.first - unsaid.next <= OBJECT_REACH) continue
    if (t.first < askedUntil) continue
    if (t.negated || t.unreal) {
      unsaid = t
      continue
    }
    // `le mouvement soutenu par l'Iran`, `les partisans de Sonko, soutenus par …`: a participle
    // describing a noun tells a standing relation, not an event; `», a soutenu le ministre` reports
    // words (roles.json `stative_types`)
    if (roleData().stative_types.includes(t.type) && (isAdjectival(tokens, t) || isIncise(tokens, t.first)))
      continue
    // `en vertu d'un accord`: the instrument something rests on, no event told
    if (legalBasisBefore(tokens, t.first)) continue
    const [c0, c1] = clauseOf(tokens, t.first, t.next)
    // a generic or repeated state of affairs (`régulièrement la cible d'attaques`) is no event
    if (isHabitual(tokens, c0, c1, t, habitual)) continue
    if (typeInfo(t.type).code === 'REQUEST') askedUntil = c1
    if (typeInfo(t.type).violent && !inName) violentTriggers.push(t)
    if (found.has(t.type)) continue
    if (inName) continue
    found.set(t.type, { trigger: t, inferred: false, tolls: [] })
  }
  // troops sent are deployed (`des renforts de l'armée sont envoyés`): a deployment, not a delivery,
  // where both are read in one clause
  const sent = found.get('delivery')
  const deployed = found.get('mobilization')
  if (sent && deployed) {
    const [a, b] = clauseOf(tokens, sent.trigger.first, sent.trigger.next)
    if (deployed.trigger.first >= a && deployed.trigger.first < b) found.delete('delivery')
  }
  // deaths told after an accident (`suite au crash d'un avion militaire … Tous ont été tués`) are no
  // attack, where the sentence names no other violence
  const killed = found.get('attack')
  if (
    killed &&
    DEATH_LEMMAS.has(killed.trigger.lemma) &&
    (causeNear || mentionsNonViolentCause(tokens)) &&
    violentTriggers.every((v) => v.type === 'attack' && DEATH_LEMMAS.has(v.lemma))
  )
    found.delete('attack')
  const events = [...found.values()]
  // each death toll goes to the nearest violent event; with none, it is an attack of its own
  // a toll summing a conflict (`le conflit a déjà causé plus de 3500 morts`) counts no event
  const cumulative = isCumulative(tokens)
  for (const toll of findFatalities(tokens)) {
    if (cumulative) {
      // kept as the conflict's toll, apart from any event (one per sentence)
      const kept = events.find((e) => e.trigger.type === 'conflict_toll')
      if (kept) kept.tolls.push(toll)
      else
        events.push({
          trigger: inferredTrigger(tokens, toll, 'conflict_toll'),
          inferred: true,
          tolls: [toll],
        })
      continue
    }
    const anchor = { start: toll.anchorStart, end: toll.anchorEnd }
    const violent = events.filter((e) => typeInfo(e.trigger.type).violent)
    violent.sort((a, b) => gap(a.trigger, anchor) - gap(b.trigger, anchor))
    const target = violent[0]
    // nearer a second violent trigger than to any event kept: the toll of an event not kept
    // (a trigger inside the toll itself, `tuant trois personnes`, is the kept event's death word)
    const nearest = violentTriggers
      .filter((t) => t.end <= toll.start || t.start >= toll.end)
      .reduce<TriggerMatch | null>(
        (best, t) => (best === null || gap(t, anchor) < gap(best, anchor) ? t : best),
        null,
      )
    // nearer a second violent trigger than to any event kept: the toll of another event, told in the
    // same sentence (`tuées le 13 septembre à Kolofata, … frappée le 3 septembre par un double attentat
    // ayant fait 40 morts`): that trigger makes an event of its own
    if (
      target &&
      nearest &&
      nearest !== target.trigger &&
      gap(nearest, anchor) < gap(target.trigger, anchor)
    ) {
      const other = events.find((e) => e.trigger === nearest)
      if (other) other.tolls.push(toll)
      else events.push({ trigger: nearest, inferred: false, tolls: [toll] })
      continue
    }
    if (target) target.tolls.push(toll)
    else if (!mentionsNonViolentCause(tokens)) {
      events.push({ trigger: inferredTrigger(tokens, toll, 'attack'), inferred: true, tolls: [toll] })
    }
  }
  return events.sort((a, b) => a.trigger.start - b.trigger.start)
}

let speechForms: ReadonlySet<string> | undefined
/** One-word forms of the verbs of saying (`reference/speech-verbs.json`): `averti`, `déclare`. */
const speechVerbs = (): ReadonlySet<string> => {
  if (!speechForms) {
    const forms = lexicon().verbs.flatMap((v) => [v.participle, v.present, v.present_plural])
    speechForms = new Set(forms.filter((f) => !f.includes(' ')).map(normalizeWord))
  }
  return speechForms
}
const THAT: ReadonlySet<string> = new Set(['que', "qu'"])

/**
 * The token of a verb of saying whose reported clause (`a averti que …`) holds the token `first`;
 * 0 when there is none.
 */
function saidBefore(tokens: readonly Token[], first: number): number {
  for (let k = first - 1; k > 0; k--) {
    if (!THAT.has(tokens[k]!.norm)) continue
    // `a averti que`, `a averti mardi que`
    for (let j = k - 1; j > 0 && j >= k - 3; j--) if (speechVerbs().has(tokens[j]!.norm)) return j
  }
  return 0
}

/** Finite forms of `avoir` and `être` that make a noun before them a subject (`une frappe a atteint`). */
const SUBJECT_VERBS: ReadonlySet<string> = new Set([
  'a',
  'ont',
  'avait',
  'avaient',
  'est',
  'sont',
  'était',
  'étaient',
])
/** How many words (adjectives) may stand between a noun trigger and its verb (`une frappe aérienne a`). */
const NOUN_TO_VERB = 1
const INDEFINITE: ReadonlySet<string> = new Set(['un', 'une'])

const LOCATING: ReadonlySet<string> = new Set(['au', 'aux', 'en', 'à'])
const NOUN_DETERMINERS: ReadonlySet<string> = new Set(['toute', 'tout', 'toutes', 'tous'])
/** How many words (the noun and its adjectives) may stand between a determiner and the locative. */
const LOCATED_NOUN_WORDS = 3
/**
 * Whether a place after `au`/`en`/`à` (past the trigger ending at token `next`) locates a noun of the
 * clause other than the trigger: the word right before the locative is lower case, after the
 * trigger, and a determiner stands at most `LOCATED_NOUN_WORDS` words before it.
 */
function locatesNoun(tokens: readonly Token[], r: RoleMention, next: number): boolean {
  if ((r.type !== 'place' && r.type !== 'country') || r.locative === null || !LOCATING.has(r.locative))
    return false
  let k = r.token - 1
  while (k >= 0 && roleData().skip.includes(tokens[k]!.norm)) k--
  if (k < 0 || tokens[k]!.norm !== r.locative) return false
  const head = k - 1
  if (head < next || tokens[head]!.kind !== 'word' || !/^\p{Ll}/u.test(tokens[head]!.text)) return false
  for (let j = head - 1; j >= next && j >= head - LOCATED_NOUN_WORDS; j--) {
    const w = tokens[j]!
    if (w.kind !== 'word') return false
    if (roleData().skip.includes(w.norm) || NOUN_DETERMINERS.has(w.norm)) return true
  }
  return false
}
/** The token of the verb a noun trigger ending at `next` is the subject of, within its clause; 0 if none. */
function subjectVerbAfter(tokens: readonly Token[], next: number, end: number): number {
  for (let k = next; k < end && k <= next + NOUN_TO_VERB; k++) {
    const t = tokens[k]!
    if (SUBJECT_VERBS.has(t.norm)) return k
    if (t.kind !== 'word' || !/^\p{Ll}/u.test(t.text) || roleData().skip.includes(t.norm)) return 0
  }
  return 0
}

const BREAKDOWN_REACH = 2
/**
 * The token range of a toll's breakdown right after it (`…, dont deux collaborateurs de l'Unrwa,`):
 * from `dont` to the end of its clause; empty when none follows.
 */
function breakdownOf(tokens: readonly Token[], next: number): [number, number] {
  let k = next
  if (tokens[k]?.text === ',') k++
  // past the toll's own words (`18 morts, dont deux …`: `dont` may be inside the statement)
  while (
    k < next + BREAKDOWN_REACH &&
    k < tokens.length &&
    tokens[k]!.norm !== 'dont' &&
    !isClauseBoundary(tokens[k]!)
  )
    k++
  if (tokens[k]?.norm !== 'dont') return [0, 0]
  let end = k + 1
  while (end < tokens.length && !isClauseBoundary(tokens[end]!)) end++
  return [k + 1, end]
}

let legalIndex: ReturnType<typeof phraseIndex> | undefined
/** Whether `en vertu de`, `conformément à` (roles.json `legal_basis`) ends right before the trigger or its article. */
function legalBasisBefore(tokens: readonly Token[], first: number): boolean {
  if (!legalIndex) legalIndex = phraseIndex(roleData().legal_basis)
  let k = first - 1
  if (k >= 0 && roleData().skip.includes(tokens[k]!.norm)) k--
  return k >= 0 && phraseEndingAt(tokens, k, legalIndex) > 0
}

const RELATIVES: ReadonlySet<string> = new Set(['qui', 'que', "qu'", 'dont', 'où'])
/**
 * Whether a word of habit (`régulièrement`, `fréquemment`) qualifies the trigger in its clause `[c0,
 * c1)`: not when a relative clause stands between (`un mode opératoire fréquemment utilisé par les
 * shebabs et qui rappelle l'attentat du 14 octobre`).
 */
function isHabitual(
  tokens: readonly Token[],
  c0: number,
  c1: number,
  t: TriggerMatch,
  habitual: readonly string[],
): boolean {
  for (let k = c0; k < c1; k++) {
    if (!habitual.includes(tokens[k]!.norm)) continue
    const [a, b] = k < t.first ? [k, t.first] : [t.next, k]
    let split = false
    for (let j = a + 1; j < b && !split; j++) split = RELATIVES.has(tokens[j]!.norm)
    if (!split) return true
  }
  return false
}

/** A past participle ending (`soutenu`, `soutenues`, `appuyé`). */
const PAST_PARTICIPLE = /\p{L}{2,}(?:é|ée|és|ées|u|ue|us|ues|i|ie|is|ies)$/u

/** A one-word participle trigger used as an adjective before `par`, no auxiliary before it. */
function isAdjectival(tokens: readonly Token[], t: TriggerMatch): boolean {
  if (t.next - t.first !== 1 || !PAST_PARTICIPLE.test(tokens[t.first]!.norm)) return false
  if (tokens[t.next]?.norm !== 'par') return false
  const prev = tokens[t.first - 1]
  if (!prev) return false
  const { passive_auxiliary: be, clitic_auxiliaries: have, passive_adverbs: adverbs } = roleData()
  let k = t.first - 1
  while (k >= 0 && adverbs.includes(tokens[k]!.norm)) k--
  const w = tokens[k]
  return w !== undefined && !be.includes(w.norm) && !have.includes(w.norm)
}

const OPENING_QUOTES: ReadonlySet<string> = new Set(['«', '"', '“'])
/** The token range `[open, close]` of the quotation an incise at `first` follows (`« … », a dit`). */
function quotedBefore(tokens: readonly Token[], first: number): [number, number] {
  let close = first - 1
  while (close >= 0 && !CLOSING_QUOTES.has(tokens[close]!.text)) close--
  let open = close - 1
  while (open >= 0 && !OPENING_QUOTES.has(tokens[open]!.text)) open--
  return open >= 0 ? [open, close] : [close, close]
}

const INVERTED = /^(?:a|ont|avait|avaient)(?:-t)?-(?:il|elle|ils|elles|on)$/u
const CLOSING_QUOTES: ReadonlySet<string> = new Set(['»', '"', '”'])
/** A verb in an incise right after a quotation (`», a soutenu le ministre`): it says who spoke. */
function isIncise(tokens: readonly Token[], first: number): boolean {
  let k = first - 1
  // `», a soutenu`, `», a-t-elle soutenu`
  if (k >= 0 && (roleData().clitic_auxiliaries.includes(tokens[k]!.norm) || INVERTED.test(tokens[k]!.norm)))
    k--
  return tokens[k]?.text === ',' && CLOSING_QUOTES.has(tokens[k - 1]?.text ?? '')
}

/** Trigger lemmas that only say people died (`tués`), not how. */
const DEATH_LEMMAS: ReadonlySet<string> = new Set(['tuer'])
/** How many sentences after one naming an accident its deaths are still the accident's. */
const CAUSE_REACH = 2

/**
 * A sentence summing a long conflict (`… plus de 20.000 morts depuis près de dix ans`, `le conflit
 * anglophone a déjà causé plus de 3500 morts`).
 */
function isCumulative(tokens: readonly Token[]): boolean {
  const { cumulative: units, conflicts } = roleData()
  for (let k = 0; k < tokens.length; k++) {
    if (conflicts.includes(tokens[k]!.norm)) return true
    if (tokens[k]!.norm === 'depuis')
      for (let j = k + 1; j < Math.min(tokens.length, k + 5); j++)
        if (units.includes(tokens[j]!.norm)) return true
  }
  return false
}

/** The trigger of an event a death toll alone tells: its word of death. */
function inferredTrigger(tokens: readonly Token[], toll: FatalityStatement, type: string): TriggerMatch {
  const first = tokenAt(tokens, toll.anchorStart)
  return {
    type,
    lemma: tokens[first]?.norm ?? '',
    first,
    next: tokenAt(tokens, toll.anchorEnd),
    start: toll.anchorStart,
    end: toll.anchorEnd,
    confidence: INFERRED_CONFIDENCE,
    negated: false,
    anaphoric: false,
    definite: false,
    unreal: false,
  }
}

/** How many sentences after a violent event a sentence about its victim (`La victime s'appelait …`) may follow. */
const VICTIM_REACH = 2

/** The victim noun opening a sentence about the victim of an event of type `type` told before. */
function victimTrigger(tokens: readonly Token[], type: string): TriggerMatch {
  const w = tokens[1]!
  return {
    type,
    lemma: w.norm,
    first: 1,
    next: 2,
    start: w.start,
    end: w.end,
    confidence: INFERRED_CONFIDENCE,
    negated: false,
    anaphoric: false,
    definite: true,
    unreal: false,
  }
}

/** Several tolls of one event: distinct groups add up (`12 soldats … 3 civils`), else the largest. */
function combineTolls(tolls: readonly FatalityStatement[]): {
  count: number | null
  qualifier: Qualifier | null
  who: string | null
} {
  const [first, ...rest] = tolls
  if (!first) return { count: null, qualifier: null, who: null }
  let { count, qualifier, who } = first
  for (const t of rest) {
    const distinct = who !== null && t.who !== null && who !== t.who
    if (distinct && count !== null && t.count !== null) {
      count += t.count
      who = `${who} et ${t.who}`
    } else if (t.count !== null && (count === null || t.count > count)) {
      count = t.count
      qualifier = t.qualifier
      who = t.who ?? who
    }
    if (count !== null && qualifier === 'indefinite') qualifier = 'at_least'
  }
  return { count, qualifier, who }
}

/**
 * Whether a quotation starting at `start` opens a clause: at the sentence's start or after
 * punctuation, its opening mark aside (`: « Nous condamnons… »`, not `son « soutien »`).
 */
function opensClause(tokens: readonly Token[], start: number): boolean {
  let k = tokenAt(tokens, start) - 1
  // past the opening mark(s)
  while (k >= 0 && tokens[k]!.kind === 'punct' && QUOTE_MARKS.has(tokens[k]!.text)) k--
  return k < 0 || tokens[k]!.kind === 'punct'
}
const QUOTE_MARKS: ReadonlySet<string> = new Set(['«', '"', '“', '„', "'", '‘'])

/** The quotation with a speaker that holds a trigger, if any. */
function speakerQuote(quotes: readonly QuoteDraft[], t: TriggerMatch): QuoteDraft | null {
  for (const q of quotes) if (q.speaker_entity_id && q.start <= t.start && t.end <= q.end) return q
  return null
}

/**
 * An accusation aimed at an act the sentence names next (`s'est plaint … du retrait de la force
 * française Barkhane`, `a condamné l'attaque du JNIM`): those who did it are whom it accuses. Only an
 * act named by a noun after an article or a possessive, the next event of the sentence after the
 * accusation's trigger. Rewrites the readings from index `from` on.
 */
function aimAccusations(readings: Reading[], from: number): void {
  for (let i = from; i < readings.length; i++) {
    const acc = readings[i]!
    if (typeInfo(acc.event_type).code !== 'ACCUSE') continue
    let aimed: Reading | null = null
    for (let j = from; j < readings.length; j++) {
      const o = readings[j]!
      if (o.trigger_start < acc.trigger_end) continue
      if (aimed === null || o.trigger_start < aimed.trigger_start) aimed = o
    }
    if (!aimed || !(aimed.definite || aimed.anaphoric) || SPEECH_REPORT.has(aimed.event_type)) continue
    if (typeInfo(aimed.event_type).code === 'ACCUSE') continue
    const doers = aimed.actors.filter((id) => !acc.actors.includes(id) && !acc.targets.includes(id))
    if (doers.length === 0) continue
    readings[i] = { ...acc, targets: [...doers, ...acc.targets] }
  }
}

/** The day of the week named nearest the trigger in its sentence (`a visé vendredi`), if any. */
function weekdayNearest(tokens: readonly Token[], t: TriggerMatch): string | null {
  let best: string | null = null
  let gap = Number.POSITIVE_INFINITY
  for (let k = 0; k < tokens.length; k++) {
    if (!WEEKDAYS.has(tokens[k]!.norm)) continue
    const d = k < t.first ? t.first - k : k - t.next + 1
    if (d < gap) {
      best = tokens[k]!.norm
      gap = d
    }
  }
  return best
}

let shiftIndex: ReadonlyMap<string, readonly (readonly string[])[]> | undefined
/** Whether the sentence moves away in time from what was told before (`Quelques heures plus tôt`). */
function timeShifted(tokens: readonly Token[]): boolean {
  if (!shiftIndex) shiftIndex = phraseIndex(roleData().time_shifts)
  for (let k = 0; k < tokens.length; k++) if (phraseAt(tokens, k, shiftIndex) > 0) return true
  return false
}

const isInteger = (n: number | null): n is number => n !== null && Number.isSafeInteger(n)

/** What every trigger of one sentence is read against. */
interface SentenceScope {
  readonly input: ExtractInput
  readonly soFar: Extracted
  readonly typeOf: ReadonlyMap<string, string>
  readonly facts: ReadonlyMap<string, EntityFacts>
  readonly countryOf: ReadonlyMap<string, string>
  readonly trail: PersonTrail
  readonly sentence: Span
  readonly sentenceNo: number
  readonly tokens: readonly Token[]
  readonly roles: readonly RoleMention[]
  readonly triggers: readonly TriggerMatch[]
  readonly physical: ReadonlyMap<TriggerMatch, boolean>
  readonly town: ReadonlyMap<TriggerMatch, boolean>
  readonly equipment: readonly RoleMention[]
  readonly expressions: ReturnType<typeof expressionsIn>
  readonly sayers: readonly number[]
  readonly shifted: boolean
}

type EventTypeInfo = ReturnType<typeof typeInfo>

/** Where a trigger happened, among the places of its sentence. */
function placeOf(
  sc: SentenceScope,
  t: TriggerMatch,
  info: EventTypeInfo,
  c0: number,
  c1: number,
): RoleMention | null {
  const { roles, triggers, physical, town } = sc
  // the receiver of a delivery or of support named after `à` (`livré au Mali`) is no place
  const dative = roleData().dative_types.includes(t.type)
  const owned = roles.filter((r) => {
    if (dative && r.type === 'country' && r.locative !== null && DATIVE.has(r.locative)) return false
    const mine = r.token >= c0 && r.token < c1 && r.locative !== null && !isOblique(r.locative)
    // a place after a word that only says where (`dans la région de Mopti`) goes to the nearest
    // event that can have a place, wherever it stands
    const whereOnly = r.locative !== null && !isOblique(r.locative)
    // an addressee after `à` follows its verb: an event that cannot have the place competes for
    // it only when it stands before it (`ses condoléances à Bamako`)
    const rivals =
      mine || whereOnly
        ? triggers.filter((o) => o === t || canBePlace(r, physical.get(o)!, town.get(o)))
        : triggers.filter((o) => o === t || o.end <= r.start || canBePlace(r, physical.get(o)!, town.get(o)))
    return owns(t, rivals, r)
  })
  return chooseLocation(owned, info.physical, t.start, town.get(t))
}

/** Who takes part in a trigger's event, as its clause and the sentence frame them. */
function participantsOf(
  sc: SentenceScope,
  f: Found,
  info: EventTypeInfo,
  exclude: ReadonlySet<string>,
  c0: number,
  c1: number,
): Participants {
  const t = f.trigger
  const { soFar, facts, trail, tokens, roles, triggers } = sc
  const isNoun = t.first > 0 && roleData().skip.includes(tokens[t.first - 1]!.norm)
  const framed = chooseParticipants(
    tokens,
    roles,
    t.first,
    t.next,
    exclude,
    isPassive(tokens, t.first),
    // a noun trigger (`le départ des forces françaises`) has its actor after it too
    SPEECH_TYPES.has(t.type) || (t.first > 0 && roleData().skip.includes(tokens[t.first - 1]!.norm)),
    nounFrame(tokens[t.first]!.norm, tokens[t.first - 1]?.norm),
    // the other side named in an apposition is a meeting's or a call's, not an attack's
    !info.violent,
    // a noun trigger after another event's verb in its clause (`a condamné l'attaque`): its own
    // subject stands after that verb, if anywhere
    // (not after `annonce`, which its subject's own act follows, nor after a possessive: `a
    // annoncé son retrait`)
    isNoun && !POSSESSIVE.has(tokens[t.first - 1]!.norm)
      ? Math.max(
          0,
          ...triggers
            .filter(
              (o) =>
                o.next <= t.first &&
                o.next > c0 &&
                !SPEECH_REPORT.has(o.type) &&
                // a verb, not another noun (`la poursuite du soutien … par des livraisons`)
                !(
                  o.first > 0 &&
                  (roleData().skip.includes(tokens[o.first - 1]!.norm) ||
                    roleData().definite.includes(tokens[o.first - 1]!.norm))
                ),
            )
            .map((o) => o.next),
        )
      : 0,
  )
  // a joint event's two sides named after `entre` (`des affrontements entre X et Y`)
  const chosen =
    (roleData().joint_types.includes(t.type) ? betweenSides(tokens, roles, t.next, exclude) : null) ?? framed
  // a noun trigger that is its clause's subject (`une frappe aérienne a atteint le domicile d'un
  // responsable du mouvement Houthi`): what follows its verb undergoes it
  if (isNoun && INDEFINITE.has(tokens[t.first - 1]!.norm)) {
    const verb = subjectVerbAfter(tokens, t.next, c1)
    if (verb > 0) {
      const objects = new Set(roles.filter((r) => r.token > verb).map((r) => r.entity_id))
      const moved = chosen.actors.filter((id) => objects.has(id))
      if (moved.length > 0) {
        chosen.actors.splice(0, chosen.actors.length, ...chosen.actors.filter((id) => !objects.has(id)))
        chosen.targets.push(...moved.filter((id) => !chosen.targets.includes(id)))
      }
    }
  }
  // an act done by saying it, inside a quotation that names no subject of its own before it: the
  // quotation's speaker does it (`« Je voudrais … exprimer mes condoléances », a déclaré Déby`)
  const quote = roleData().speech_act_types.includes(t.type) ? speakerQuote(soFar.quotes, t) : null
  // (a quotation inside a clause, `son « soutien tous azimuts »`, is the clause subject's words)
  if (quote?.speaker_entity_id && facts.has(quote.speaker_entity_id) && opensClause(tokens, quote.start)) {
    const subject = roles.some(
      (r) => r.start >= quote.start && r.end <= t.start && !r.oblique && !r.source && !r.adjective,
    )
    if (!subject) {
      const inQuote = (id: string) =>
        roles.some((r) => r.entity_id === id && r.start >= quote.start && r.end <= quote.end)
      chosen.targets.push(...chosen.actors.filter((id) => inQuote(id) && !chosen.targets.includes(id)))
      chosen.actors.splice(0, chosen.actors.length, quote.speaker_entity_id)
      const k = chosen.targets.indexOf(quote.speaker_entity_id)
      if (k >= 0) chosen.targets.splice(k, 1)
    }
  }
  // an accusation in an incise after a quotation (`« La décision du Mali … est précipitée », a
  // fustigé la diplomatie ukrainienne`): who the quotation names is what it is aimed at
  if (roleData().speech_act_types.includes(t.type) && isIncise(tokens, t.first)) {
    const [q0, q1] = quotedBefore(tokens, t.first)
    for (const r of roles)
      if (
        r.token > q0 &&
        r.token < q1 &&
        r.type !== 'place' &&
        !r.source &&
        !chosen.actors.includes(r.entity_id) &&
        !chosen.targets.includes(r.entity_id)
      )
        chosen.targets.push(r.entity_id)
  }
  // a pronoun standing for a person named before (`il y avait été convoqué`, `l'a condamné`)
  const pronoun = pronounOf(tokens, c0, t.first, roles)
  const who = pronoun ? trail.antecedent(pronoun) : null
  if (pronoun && who && !exclude.has(who)) {
    const drop = (list: string[]) => {
      const k = list.indexOf(who)
      if (k >= 0) list.splice(k, 1)
    }
    if (pronoun.kind === 'subject' && !isPassive(tokens, t.first)) {
      // the subject acts: whoever else was read as acting was a guess
      drop(chosen.targets)
      chosen.actors.splice(0, chosen.actors.length, who)
    } else {
      drop(chosen.actors)
      if (!chosen.targets.includes(who)) chosen.targets.unshift(who)
    }
  }
  // the person a quotation addresses by name (`« Hissène Habré, la Chambre vous condamne »`)
  const addressee = addresseeOf(tokens, t.first, roles)
  if (addressee && !exclude.has(addressee.entity_id)) {
    const id = addressee.entity_id
    const k = chosen.actors.indexOf(id)
    if (k >= 0) chosen.actors.splice(k, 1)
    if (!chosen.targets.includes(id)) chosen.targets.unshift(id)
  }
  // the object of a relative clause (`la Cedeao qu'ils accusent d'être inféodée à Paris`)
  const object = relativeObject(tokens, t.first, roles)
  if (object && !exclude.has(object.entity_id)) {
    const k = chosen.actors.indexOf(object.entity_id)
    if (k >= 0) chosen.actors.splice(k, 1)
    const j = chosen.targets.indexOf(object.entity_id)
    if (j >= 0) chosen.targets.splice(j, 1)
    chosen.targets.unshift(object.entity_id)
  }
  // who it struck, named after an identifier (`un homme, identifié comme un combattant du
  // Hezbollah`; in a sentence about its victim, anywhere: `La victime s'appelait Ali Koussan`)
  if (info.violent)
    for (const id of identifiedVictims(tokens, roles, f.inferred && opensOnVictim(tokens) ? 0 : t.next)) {
      if (exclude.has(id)) continue
      const k = chosen.actors.indexOf(id)
      if (k >= 0) chosen.actors.splice(k, 1)
      if (!chosen.targets.includes(id)) chosen.targets.push(id)
    }
  // a nationality said of a person who undergoes the act (`l'ex-président tchadien Hissène Habré`)
  // undergoes it with them; it does not act
  for (const r of roles) {
    if (!r.adjective || r.type !== 'country' || !chosen.actors.includes(r.entity_id)) continue
    const after = tokenAt(tokens, r.end)
    const person = roles.find((o) => o.token === after && o.type === 'person')
    if (!person || !chosen.targets.includes(person.entity_id)) continue
    chosen.actors.splice(chosen.actors.indexOf(r.entity_id), 1)
    if (!chosen.targets.includes(r.entity_id)) chosen.targets.push(r.entity_id)
  }
  // a place that locates another noun of the clause (`s'opposer à toute intervention militaire au
  // Niger`, `a condamné l'attaque au Mali`) is where that is, not a participant of this event
  if (!info.physical) {
    const locating = roles.filter((r) => locatesNoun(tokens, r, t.next))
    for (const r of locating) {
      const k = chosen.targets.indexOf(r.entity_id)
      if (k >= 0 && !roles.some((o) => o.entity_id === r.entity_id && !locating.includes(o)))
        chosen.targets.splice(k, 1)
    }
  }
  // the group a trigger names is its actor (`incendiée par des manifestants`, `les kamikazes`)
  const named = roles.find((r) => r.type === 'group' && r.start <= t.start && t.end <= r.end)
  if (named && !chosen.actors.includes(named.entity_id) && !isVictim(facts.get(named.entity_id)!.name))
    chosen.actors.unshift(named.entity_id)
  return chosen
}

/** The sides settled: places out of the participants, countries for their towns, victims as targets. */
function settleSides(
  sc: SentenceScope,
  f: Found,
  info: EventTypeInfo,
  chosen: Participants,
  start: RoleMention | null,
  exclude: ReadonlySet<string>,
  c0: number,
  c1: number,
): { actors: string[]; targets: string[]; others: string[]; place: RoleMention | null } {
  const t = f.trigger
  let place = start
  const { soFar, typeOf, facts, countryOf, tokens, roles } = sc
  // an event that happens at a place has a town as its location, never as a participant
  // (`l'attaque contre Kati`): the first one read as a target becomes the place if it has none
  let targets = chosen.targets
  if (info.physical) {
    const towns = targets.filter((id) => typeOf.get(id) === 'place')
    if (!place && towns.length > 0) place = roles.find((r) => r.entity_id === towns[0]) ?? null
    // `l'attaque contre la localité de Darul Jamal`: a place said as a place is where it happened
    if (!place)
      place = roles.find((r) => r.geographic && r.type === 'place' && r.token >= c0 && r.token < c1) ?? null
    targets = targets.filter((id) => typeOf.get(id) !== 'place')
    // a place struck from another country (`une attaque des Houthis contre l'aéroport d'Abou Dhabi,
    // aux Emirats arabes unis`): with nobody else struck, its country is
    const code = place ? facts.get(place.entity_id)?.country_code : undefined
    const country =
      place && typeOf.get(place.entity_id) === 'country' ? place.entity_id : countryOf.get(code ?? '')
    const acting = chosen.actors.map((id) => facts.get(id)?.country_code)
    if (
      info.violent &&
      country &&
      targets.length === 0 &&
      acting.length > 0 &&
      acting.every((c) => c && c !== code)
    )
      targets = [country]
  }
  let actors = chosen.actors.filter((id) => id !== place?.entity_id)
  // a capital that acts speaks for its country (`Moscou dément`): the country acts too
  for (const id of [...actors]) {
    const f = facts.get(id)
    const country = f?.type === 'place' && f.country_code ? countryOf.get(f.country_code) : undefined
    if (country && !actors.includes(country) && !targets.includes(country)) actors = [...actors, country]
  }
  // and one that undergoes an act speaks for its country too (`le soutien de Paris au plan proposé
  // par Rabat`: Morocco) — not one that says where (`à Gaza`, `à New York`) or completes a noun
  // (`la bataille de Tinzaouatène`)
  for (const id of [...targets]) {
    if (roles.some((r) => r.entity_id === id && (r.locative !== null || FROM_WORDS.has(r.governor)))) continue
    const f = facts.get(id)
    const country = f?.type === 'place' && f.country_code ? countryOf.get(f.country_code) : undefined
    if (country && !actors.includes(country) && !targets.includes(country)) targets = [...targets, country]
  }
  // what a force withdraws from is the country it leaves (`réduire sa présence militaire au Mali`)
  if (place && roleData().source_types.includes(t.type) && typeOf.get(place.entity_id) === 'country')
    if (!targets.includes(place.entity_id) && !actors.includes(place.entity_id))
      targets = [...targets, place.entity_id]
  // a two-sided event whose clause names one side: the sentence's other participants may be the
  // other (used only when no mention of the event names one: see `eventOf`)
  let others: string[] = []
  if (targets.length === 0 && actors.length > 0 && roleData().joint_types.includes(t.type)) {
    const taken = new Set([...actors, ...exclude])
    // inside a quotation, only those the quotation names (not its speaker, nor whom it was told to)
    const quoted = soFar.quotes.find((q) => q.start <= t.start && t.end <= q.end)
    const named = roles.filter(
      (r) =>
        (r.type === 'person' || r.type === 'organization' || r.type === 'country') &&
        !r.source &&
        !r.geographic &&
        !taken.has(r.entity_id) &&
        (!quoted || (r.start >= quoted.start && r.end <= quoted.end)),
    )
    others = [...new Set(named.map((r) => r.entity_id))]
  }
  // a hospital or a school is struck by violence, it takes part in nothing else
  if (!info.violent) {
    const facility = (id: string) => typeOf.get(id) === 'group' && isFacility(facts.get(id)!.name)
    actors = actors.filter((id) => !facility(id))
    targets = targets.filter((id) => !facility(id))
  }
  // civilians and the like suffer an attack, they never carry it out; nor do those its toll
  // counts (`7 soldats ont trouvé la mort au cours des attaques`)
  if (info.violent) {
    const counted = new Set(
      roles
        .filter((r) => f.tolls.some((toll) => toll.start <= r.start && r.end <= toll.anchorStart))
        .map((r) => r.entity_id),
    )
    // `dans le rang des forces armées togolaises`, `parmi les civils`
    for (const r of roles) if (roleData().victim_governors.includes(r.governor)) counted.add(r.entity_id)
    // `18 morts, dont deux collaborateurs de l'Unrwa`: those the toll breaks down are its dead
    const brokenDown = new Set<string>()
    for (const toll of f.tolls) {
      const [d0, d1] = breakdownOf(tokens, tokenAt(tokens, toll.anchorEnd))
      for (const r of roles)
        if (r.token >= d0 && r.token < d1 && r.type !== 'place' && !exclude.has(r.entity_id)) {
          counted.add(r.entity_id)
          brokenDown.add(r.entity_id)
        }
    }
    const victim = (id: string) =>
      counted.has(id) || (typeOf.get(id) === 'group' && isVictim(facts.get(id)!.name))
    // (the dead a breakdown names are targets even where the clause did not read them as any)
    const victims = [...new Set([...actors.filter(victim), ...brokenDown])]
    if (victims.length > 0) {
      actors = actors.filter((id) => !victim(id))
      targets = [...victims.filter((id) => !targets.includes(id)), ...targets]
    }
  }
  // the host of a visit is the country it took place in (`Lavrov, en visite à Bamako`)
  if (place && roleData().host_types.includes(t.type)) {
    const host = countryOf.get(facts.get(place.entity_id)?.country_code ?? '')
    const own = new Set(actors.map((id) => facts.get(id)?.country_code))
    if (host && !own.has(facts.get(host)?.country_code) && !targets.includes(host))
      targets = [...targets, host]
  }
  return { actors, targets, others, place }
}

/** One trigger read into an event mention, or null when it tells no event. */
function readTrigger(sc: SentenceScope, f: Found): Reading | null {
  const t = f.trigger
  const info = typeInfo(t.type)
  const {
    input,
    typeOf,
    facts,
    sentenceNo,
    tokens,
    roles,
    triggers,
    equipment,
    expressions,
    sayers,
    shifted,
    sentence: s,
  } = sc
  // a place goes to the nearest trigger; but one in the trigger's own clause, after a word that
  // only ever says where (`près de`, not `à`, which also marks an addressee), is not lost to a
  // trigger that could not have it: `tués … près de Djibo, ont indiqué des sources`
  const [c0, c1] = clauseOf(sc.tokens, t.first, t.next)
  const start = placeOf(sc, t, info, c0, c1)
  const exclude = new Set(start ? [start.entity_id] : [])
  // who reports a violent event after it (`…, a annoncé le gouverneur X`) takes no part in it;
  // nor does one who says it before (`M. Tedros a averti que … en raison d'intenses combats`)
  if (info.violent) {
    const speech = triggers.find((o) => o.first >= t.next && SPEECH_REPORT.has(o.type))
    if (speech) for (const r of roles) if (r.token >= speech.first) exclude.add(r.entity_id)
    // (or who condemns it before: `L'ONU a dénoncé le recours du régime aux barils d'explosifs, une
    // arme qui tue`)
    for (const said of [saidBefore(tokens, t.first), ...sayers.filter((k) => k < t.first)]) {
      if (said <= 0) continue
      const [s0] = clauseOf(tokens, said, said + 1)
      for (const r of roles) if (r.token >= s0 && r.token < said) exclude.add(r.entity_id)
    }
  }
  // a vehicle or a building stopped (`le véhicule a été arrêté`) is no arrest
  if (t.type === 'arrest' && (tokens[t.first]!.norm === 'été' || isPassive(tokens, t.first))) {
    const subject = roles.filter((r) => r.token >= c0 && r.token < t.first).pop()
    if (subject?.type === 'group' && isFacility(facts.get(subject.entity_id)!.name)) return null
  }
  const chosen = participantsOf(sc, f, info, exclude, c0, c1)
  const sides = settleSides(sc, f, info, chosen, start, exclude, c0, c1)
  const { actors, targets, others } = sides
  let place = sides.place
  // a date that completes another noun (`la présidentielle de 2024`) dates that, not the event;
  // one right after the trigger noun does (`l'attaque de mardi`)
  // (`dans l'après-midi de ce dimanche`, after a word of time, still dates it)
  // a mention that refers back (`cet accord`, `cette attaque`) is dated and placed only by its own
  // complement (`cette attaque de mardi`, `cette attaque à Kati`): the rest of its sentence tells
  // something else (`les règles de cet accord seront fixées lors de la COP22 … du 7 au 18 novembre`)
  const complement = (start: number) => {
    const k = tokenAt(tokens, start)
    return k >= t.next && k - t.next <= ANAPHOR_COMPLEMENT
  }
  if (t.anaphoric && place && !complement(place.start)) place = null
  const own = expressions.filter((e) => {
    const k = tokenAt(tokens, e.start)
    const head = tokens[k - 2]?.norm ?? ''
    if (t.anaphoric && !complement(e.start)) return false
    // a clause on another noun after the trigger (`son coup de force contre le président X dont le
    // troisième mandat, obtenu en octobre 2020, …`) dates what it tells of that noun
    for (let j = t.next + 1; j < k; j++)
      if (roleData().possessive_relatives.includes(tokens[j]!.norm)) return false
    return !(FROM_WORDS.has(tokens[k - 1]?.norm ?? '') && k - 2 !== t.next - 1 && !timeNouns().has(head))
  })
  // a statement reports the event: the date it gives is the event's too (`a déclaré ce jeudi le
  // ministre, en visite à Moscou`)
  const rivals = triggers.filter((o) => o === t || !SPEECH_REPORT.has(o.type))
  // an earlier event the sentence starts from (`à la suite de l'attaque`) is no news of the day
  const prior = isPrior(tokens, t.first)
  const when = dateEvent(t, rivals, own, input.published, prior)
  const toll = combineTolls(f.tolls)
  const delivered =
    t.type === 'delivery'
      ? deliveredAt(
          tokens,
          t.first,
          equipment.map((e) => e.start),
        )
      : null
  return {
    event_type: t.type,
    trigger: input.text.slice(t.start, t.end),
    trigger_start: t.start,
    trigger_end: t.end,
    anaphoric: t.anaphoric,
    definite: t.definite,
    date: when.date,
    date_precision: when.date_precision,
    date_source: when.date_source,
    news: sentenceNo < LEAD_SENTENCES && !isPluperfect(tokens, t.first, t.next) && !prior,
    background: isPluperfect(tokens, t.first, t.next),
    places_seen: [...new Set(roles.filter((r) => r.type === 'place').map((r) => r.entity_id))],
    summary: f.tolls.length > 0 && tokens.some((w) => roleData().toll_summaries.includes(w.norm)),
    recount: f.tolls.length > 0 && tokens.some((w) => roleData().recount.includes(w.norm)),
    day:
      when.date_source === 'expression'
        ? null
        : (weekdayNearest(tokens, t) ?? (shifted ? `${SHIFTED}${s.start}` : null)),
    location_entity_id: place?.entity_id ?? null,
    actors,
    targets: targets.filter((id) => typeOf.get(id) !== 'equipment'),
    other_side: others,
    equipment: info.violent || t.type === 'delivery' ? [...new Set(equipment.map((e) => e.entity_id))] : [],
    fatalities: isInteger(toll.count) ? toll.count : null,
    fatalities_qualifier: toll.qualifier,
    fatalities_who: toll.who,
    quantity: delivered?.quantity ?? null,
    quantity_qualifier: delivered ? delivered.qualifier : null,
    quantity_unit: delivered?.unit ?? null,
    quantity_what: delivered?.what ?? null,
    evidence: input.text.slice(s.start, s.end),
    start: s.start,
    end: s.end,
    method: f.inferred ? 'inference' : 'pattern',
    confidence: t.confidence,
  }
}

export const extractEvents: Extractor = (input: ExtractInput, soFar: Extracted) => {
  const typeOf = new Map(soFar.entities.map((e) => [e.entity_id, e.type as string]))
  const mentions = [...soFar.mentions].sort((a, b) => a.start - b.start)
  const facts = new Map<string, EntityFacts>(soFar.entities.map((e) => [e.entity_id, e]))
  const countryOf = new Map<string, string>()
  for (const e of soFar.entities)
    if (e.type === 'country' && e.country_code && !countryOf.has(e.country_code))
      countryOf.set(e.country_code, e.entity_id)
  const readings: Reading[] = []
  const groupFound: GroupMention[] = []
  let m0 = 0
  let sentenceNo = -1
  const trail = new PersonTrail()
  // sentences since the last one naming a cause of death that is no violence (`crash`, `naufrage`)
  let sinceCause = CAUSE_REACH + 1
  let lastViolent: { readonly type: string; readonly sentence: number } | null = null
  for (const s of input.sentences) {
    sentenceNo++
    while (m0 < mentions.length && mentions[m0]!.start < s.start) m0++
    const tokens = tokenize(input.text, s.start, s.end)
    // a related-article headline (`Lire aussi :`) or a caption reports no event of this article, nor
    // does a subheading (`Appels au calme`: a few words, no final punctuation)
    if (phraseAt(tokens, 0, unreported()) > 0 || isSubheading(tokens)) continue
    const inSentence: typeof mentions = []
    for (let k = m0; k < mentions.length && mentions[k]!.start < s.end; k++)
      if (mentions[k]!.end <= s.end) inSentence.push(mentions[k]!)
    trail.push(
      inSentence
        .filter((m) => typeOf.get(m.entity_id) === 'person')
        .map((m) => ({ id: m.entity_id, start: m.start })),
    )
    const sayers: number[] = []
    if (mentionsNonViolentCause(tokens)) sinceCause = 0
    else sinceCause++
    const found = eventsOfSentence(tokens, inSentence, sayers, sinceCause <= CAUSE_REACH)
    // a sentence about the victim of the violence just told (`La victime s'appelait Ali Koussan`)
    if (
      lastViolent &&
      sentenceNo - lastViolent.sentence <= VICTIM_REACH &&
      !found.some((f) => typeInfo(f.trigger.type).violent) &&
      opensOnVictim(tokens) &&
      identifiesFrom(tokens, 2)
    )
      found.unshift({ trigger: victimTrigger(tokens, lastViolent.type), inferred: true, tolls: [] })
    if (found.length === 0) continue
    // the participants the text does not name (`des hommes armés`) stand beside the named ones
    const groups = findGroups(
      input.text,
      tokens,
      inSentence.map((m) => {
        const e = facts.get(m.entity_id)
        return {
          start: m.start,
          end: m.end,
          surface: m.surface,
          country_code: e?.country_code ?? null,
          isCountry: e?.type === 'country',
        }
      }),
    )
    for (const g of groups) {
      typeOf.set(g.entity.entity_id, 'group')
      facts.set(g.entity.entity_id, g.entity)
      groupFound.push(g)
    }
    // and the places the gazetteer does not know (`la localité de Pont-Sondé`)
    const places = findUnnamedPlaces(input.text, tokens, inSentence)
    for (const p of places) {
      typeOf.set(p.entity.entity_id, 'place')
      facts.set(p.entity.entity_id, p.entity)
      groupFound.push(p)
    }
    const extra = [...groups, ...places]
    const withGroups =
      extra.length === 0
        ? inSentence
        : [...inSentence, ...extra.map((g) => g.mention)].sort((a, b) => a.start - b.start)
    const roles = roleMentions(tokens, withGroups, (id) => typeOf.get(id))
    const expressions = expressionsIn(s, soFar.temporal_expressions)
    const triggers = found.map((f) => f.trigger)
    const physical = new Map(triggers.map((o) => [o, typeInfo(o.type).physical]))
    // a signing or a sentence happens somewhere: a town after `à` is its place
    const town = new Map(triggers.map((o) => [o, roleData().town_types.includes(o.type)]))
    const equipment = roles.filter((r) => r.type === 'equipment')
    const sentenceReadings = readings.length
    const shifted = timeShifted(tokens)
    const scope: SentenceScope = {
      input,
      soFar,
      typeOf,
      facts,
      countryOf,
      trail,
      sentence: s,
      sentenceNo,
      tokens,
      roles,
      triggers,
      physical,
      town,
      equipment,
      expressions,
      sayers,
      shifted,
    }
    for (const f of found) {
      const r = readTrigger(scope, f)
      if (r) readings.push(r)
    }
    aimAccusations(readings, sentenceReadings)
    for (let k = sentenceReadings; k < readings.length; k++)
      if (typeInfo(readings[k]!.event_type).violent)
        lastViolent = { type: readings[k]!.event_type, sentence: sentenceNo }
  }
  const published = input.published
    ? { max: input.published.max, value: input.published.value, precision: input.published.precision }
    : null
  const known = (id: string) => facts.get(id)
  const events = groupReadings(readings, known).map((g) => eventOf(g, known, published))
  // a group or an unnamed place is kept where an event or one of its mentions uses it: a mention may
  // be placed where its event is not (`la localité de Pont-Sondé` in one sentence, Kharkiv in another)
  const used = new Set(
    events.flatMap((e) => [
      ...e.actor_entity_ids,
      ...e.target_entity_ids,
      ...(e.location_entity_id ? [e.location_entity_id] : []),
      ...e.mentions.flatMap((m) => (m.location_entity_id ? [m.location_entity_id] : [])),
    ]),
  )
  const kept = groupFound.filter((g) => used.has(g.entity.entity_id))
  const entities = [...new Map(kept.map((g) => [g.entity.entity_id, g.entity])).values()]
  return { events, entities, mentions: kept.map((g) => g.mention) }
}
