/**
 * One event per real-world event of a document: the sentences that tell the same event (the lead,
 * `cette attaque`, the toll three paragraphs down, the phone call told in three sentences) are its
 * mentions. Mentions are read left to right; each joins an earlier event of its PLOVER category
 * (same code, modes not different, both at a place or neither: a visit and the meeting it held are
 * one event, a phone call and a meeting are two) with which nothing disagrees:
 *   - dates: every two date expressions must fall in one another (`mars 2024` and `le 5 mars 2024`);
 *   - places: the same place, or a place and the country it lies in;
 *   - participants: when both name actors, they share one, or one's actors are the other's targets;
 * and something must tie them (see `agrees`). Among the events it may join, the one sharing most
 * participants wins, the latest on a tie.
 * Two different tolls separate mentions, unless the later one refers back (`l'attaque a fait 12 morts`).
 * A mention that refers back (`cette attaque`) with no earlier event of its category makes no event:
 * what it refers to was not told in the text (a headline, an earlier article).
 * The event keeps the most precise date, the most specific place and the largest toll of its
 * mentions, and says which mention each came from.
 */

import { parseIsoPartial, periodBounds } from '../../dates/calendar.js'
import type { Precision } from '../../types.js'
import type { EventDraft, EventMentionDraft } from '../extract.js'
import type { Qualifier } from './quantities.js'
import { roleData, typeInfo } from './reference.js'
import { MAX_ACTORS } from './roles.js'

/** First and last day of an ISO date at its precision; null for a malformed one. */
export function calendarBounds(date: string): [string, string] | null {
  const d = parseIsoPartial(date)
  return d ? periodBounds(d) : null
}

/** What one sentence says of one event. `start`/`end` span the sentence (UTF-16). */
export interface Reading {
  readonly event_type: string
  readonly trigger: string
  readonly trigger_start: number
  readonly trigger_end: number
  readonly anaphoric: boolean
  /** After a definite article or possessive (`l'attaque`, `sa visite`): may name an event already told. */
  readonly definite: boolean
  readonly date: string | null
  readonly date_precision: Precision | null
  readonly date_source: 'expression' | 'published' | null
  /** Its sentence reports a count by a source (`selon`, `fait état de`, `une autre source affirme`). */
  readonly recount?: boolean
  /** Told as the news of the article (present or passé composé, in its lead), not as background. */
  readonly news?: boolean
  /** Every place its sentence names (`au village Bakou situé à 20 km de Sibut`: both). */
  readonly places_seen?: readonly string[]
  /** Its sentence gives the toll as such (`le bilan`, roles.json `toll_summaries`). */
  readonly summary?: boolean
  /**
   * Where no expression dates it, the day it is told on: the day of the week its sentence names nearest
   * its trigger (the article's date does not resolve `vendredi`), else, for a sentence that moves away
   * in time from what was told before (`Quelques heures plus tôt, …`), a moment of its own (`+` and the
   * sentence's start). Violence on another day is another event.
   */
  readonly day?: string | null
  /** Told in the pluperfect (`qui avait fait 358 morts`): an earlier event, or background. */
  readonly background?: boolean
  readonly location_entity_id: string | null
  readonly actors: readonly string[]
  readonly targets: readonly string[]
  /** Of a two-sided event with no target: the sentence's other participants, the other side if no mention names one. */
  readonly other_side?: readonly string[]
  readonly equipment: readonly string[]
  readonly fatalities: number | null
  readonly fatalities_qualifier: Qualifier | null
  readonly fatalities_who: string | null
  readonly quantity: number | null
  readonly quantity_qualifier: Qualifier | null
  readonly quantity_unit: string | null
  readonly quantity_what: string | null
  readonly evidence: string
  readonly start: number
  readonly end: number
  readonly method: 'pattern' | 'inference'
  readonly confidence: number
}

/** How `Reading.day` starts for a sentence that moves away in time. */
export const SHIFTED = '+'

/** What the merge needs to know of an entity. */
export interface EntityFacts {
  readonly type: string
  readonly name: string
  readonly country_code: string | null
  readonly latitude: number | null
  readonly longitude: number | null
}

export interface PublishedBound {
  /** Last day of the publication date's period: the event happened before. */
  readonly max: string
  /** The publication date at its precision: the date of the news the article reports. */
  readonly value?: string
  readonly precision?: Precision
}

const RANK: Readonly<Record<Precision, number>> = { day: 3, month: 2, year: 1 }

/** Two ISO dates at any precision are compatible when one lies within the other. */
export const datesAgree = (a: string, b: string): boolean => a.startsWith(b) || b.startsWith(a)

/** Two places are compatible when equal, or one is a country the other lies in. */
export function placesAgree(a: string, b: string, facts: (id: string) => EntityFacts | undefined): boolean {
  if (a === b) return true
  const fa = facts(a)
  const fb = facts(b)
  if (!fa || !fb) return false
  // a place nothing is known of (`le quartier de Chaar`) may lie within one that is known
  if ((fa.country_code === null) !== (fb.country_code === null))
    return fa.type === 'place' && fb.type === 'place'
  if (fa.country_code === null || fa.country_code !== fb.country_code) return false
  return fa.type === 'country' || fb.type === 'country'
}

/** `typeInfo`, looked up once a type (it searches the ontology's list). */
const infos = new Map<string, ReturnType<typeof typeInfo>>()
const info = (type: string): ReturnType<typeof typeInfo> => {
  let i = infos.get(type)
  if (!i) {
    i = typeInfo(type)
    infos.set(type, i)
  }
  return i
}

const codeOf = (type: string): string => info(type).code ?? `type:${type}`

/**
 * What `agrees` and `overlap` read of a group of readings, kept up to date as readings join: a
 * reading is compared with each distinct value of the group once, not with each of its readings, so a
 * long article whose event is told thousands of times costs what its distinct dates, places and tolls
 * cost.
 */
export class GroupSummary {
  readonly readings: Reading[] = []
  readonly code: string
  private readonly physicals = new Set<boolean>()
  /** Whether a reading is the article's news (told in its lead). */
  news = false
  /** Modes other than null. */
  private readonly modes = new Set<string>()
  /** Dates of the readings dated by an expression. */
  readonly dates = new Set<string>()
  readonly places = new Set<string>()
  /** Every place the readings' sentences name, where the event was or not. */
  readonly placesSeen = new Set<string>()
  /** The days the readings are told on (`Reading.day`). */
  readonly days = new Set<string>()
  /** The sentence starts of the readings. */
  readonly starts = new Set<number>()
  readonly tolls = new Set<number>()
  readonly actors = new Set<string>()
  readonly everyone = new Set<string>()
  /** Each target, with the sentence starts of the readings that name it. */
  private readonly targetStarts = new Map<string, Set<number>>()

  constructor(first: Reading) {
    this.code = codeOf(first.event_type)
    this.add(first)
  }

  add(g: Reading): void {
    this.readings.push(g)
    const t = info(g.event_type)
    this.physicals.add(t.physical)
    if (g.news === true) this.news = true
    if (t.mode !== null) this.modes.add(t.mode)
    if (g.date_source === 'expression') this.dates.add(g.date!)
    if (g.location_entity_id) this.places.add(g.location_entity_id)
    if (g.day) this.days.add(g.day)
    for (const p of g.places_seen ?? []) this.placesSeen.add(p)
    this.starts.add(g.start)
    if (g.fatalities !== null) this.tolls.add(g.fatalities)
    for (const a of g.actors) {
      // a toll alone names its counter more often than its author: not an actor to agree with
      if (g.method !== 'inference') this.actors.add(a)
      this.everyone.add(a)
    }
    for (const x of g.targets) {
      this.everyone.add(x)
      const starts = this.targetStarts.get(x)
      if (starts) starts.add(g.start)
      else this.targetStarts.set(x, new Set([g.start]))
    }
  }

  /** Whether a country the group's readings name as a target is the country of entity `x`. */
  meetsCountryOf(x: string, facts: (id: string) => EntityFacts | undefined): boolean {
    const code = facts(x)?.country_code
    if (!code) return false
    for (const t of this.targetStarts.keys()) {
      const f = facts(t)
      if (f?.type === 'country' && f.country_code === code) return true
    }
    return false
  }

  /** Whether a reading outside the sentence starting at `start` names `x` as a target. */
  targetElsewhere(x: string, start: number): boolean {
    const starts = this.targetStarts.get(x)
    return starts !== undefined && (starts.size > 1 || !starts.has(start))
  }

  /** Whether every reading's type is of `physical` and of `mode` (or of none). */
  sameKind(physical: boolean, mode: string | null): boolean {
    for (const p of this.physicals) if (p !== physical) return false
    if (mode !== null) for (const m of this.modes) if (m !== mode) return false
    return true
  }
}

/**
 * Whether a new reading may be a mention of the event told so far by `group`: same category, modes
 * not different, nothing disagreeing (dates, places, actors), and something tying them — a
 * reference back (`cette attaque`, `l'attaque`), a toll with no trigger of its own, a shared
 * participant, the same date or place given by both, or, for violent events, no new date or place.
 */
export function agrees(
  group: readonly Reading[] | GroupSummary,
  r: Reading,
  facts: (id: string) => EntityFacts | undefined,
): boolean {
  const s = group instanceof GroupSummary ? group : summarize(group)
  if (s.code !== codeOf(r.event_type)) return false
  const { mode, physical, violent } = info(r.event_type)
  // a phone call is not the meeting: one happens at a place, the other not
  if (!s.sameKind(physical, mode)) return false
  let tied = r.anaphoric || r.definite || r.method === 'inference'
  // violence told on another day of the week, or after `plus tôt`, is another act of violence
  if (violent && r.day && !s.days.has(r.day)) {
    if (s.days.size > 0) return false
    if (r.day.startsWith(SHIFTED) && !r.anaphoric && !r.definite) return false
  }
  if (r.date_source === 'expression' && s.dates.size > 0) {
    for (const d of s.dates) if (!datesAgree(d, r.date!)) return false
    tied = true
  }
  if (r.location_entity_id && s.places.size > 0) {
    for (const p of s.places)
      if (!placesAgree(p, r.location_entity_id, facts) && !nearby(s, r, p)) return false
    tied = true
  }
  // two tolls that differ are two events, unless the second refers back (`le bilan de l'attaque`)
  // or is a toll alone, another source's count (`une source médicale avait fait état de 67 morts`)
  // — or is told as another source's count (`une autre source affirme qu'au moins 82 … tués`)
  if (r.fatalities !== null && !r.anaphoric && !r.definite && r.method !== 'inference' && !r.recount)
    for (const t of s.tolls) if (t !== r.fatalities) return false
  // a toll alone in the pluperfect (`qui avait fait 358 morts`) is an earlier event's — not an earlier
  // count of this one (`une source médicale avait auparavant fait état de 67 morts`)
  if (r.fatalities !== null && r.method === 'inference' && r.background && !r.recount && s.tolls.size > 0)
    for (const t of s.tolls) if (t !== r.fatalities) return false
  // an article on a violent event tells it again and again (`tués`, `le massacre`, `des combats`): a
  // violent mention joins unless it brings a date or a place the event lacks (another attack told
  // in passing: `lors de l'expédition de Moura`)
  if (!tied && violent) {
    const newDate = r.date_source === 'expression' && s.dates.size === 0
    const newPlace = r.location_entity_id !== null && s.places.size === 0
    tied = !newDate && !newPlace
  }
  const shared = [...r.actors, ...r.targets].some((x) => s.everyone.has(x))
  if (!tied && !shared) return false
  // a group the text does not name (`des soldats`) never sets two events apart
  const named = (id: string) => facts(id)?.type !== 'group'
  const actors = r.actors.filter(named)
  // a toll alone names its counter more often than its author (`X a fait état de 20 morts`): its
  // actors never set it apart
  if (r.anaphoric || r.method === 'inference' || actors.length === 0 || ![...s.actors].some(named))
    return true
  if (actors.some((a) => s.actors.has(a))) return true
  // one's actor the other's target: the two sides of a joint event (a meeting, a call); but an act
  // the other way round, its target on the other's acting side (`X a félicité Y`, then `Y a présenté
  // ses condoléances au président de X`), is another event
  if (!roleData().joint_types.includes(r.event_type) && reversed(s, actors, r.targets, facts)) return false
  // targets read in r's own sentence may be r's participants misread: they never tie r to the group
  if (actors.some((a) => s.targetElsewhere(a, r.start)) || r.targets.some((t) => s.actors.has(t))) return true
  // a visit's or a meeting's other side named by one of its people (`en visite à Moscou … Lors des
  // négociations avec son homologue russe Sergueï Lavrov`): an actor of the country the group meets
  return roleData().counterpart_types.includes(r.event_type) && actors.some((a) => s.meetsCountryOf(a, facts))
}

/**
 * Whether a reading's roles are the group's the other way round: each of its (named) actors is the
 * group's target, and one of its targets is, or is of the country of, one of the group's actors.
 */
function reversed(
  s: GroupSummary,
  actors: readonly string[],
  targets: readonly string[],
  facts: (id: string) => EntityFacts | undefined,
): boolean {
  if (!actors.every((a) => s.everyone.has(a) && !s.actors.has(a))) return false
  const actingCountries = new Set<string>()
  for (const a of s.actors) {
    const c = facts(a)?.country_code
    if (c) actingCountries.add(c)
  }
  return targets.some((t) => {
    const c = facts(t)?.country_code
    return s.actors.has(t) || (c !== null && c !== undefined && actingCountries.has(c))
  })
}

/**
 * Whether two places of a violent event may be one event's, told apart only by how near they are:
 * each sentence placing it at one names the other (`tués au village Bakou situé à 20 km de Sibut`,
 * then `tués près de Sibut`).
 */
function nearby(s: GroupSummary, r: Reading, p: string): boolean {
  if (!info(r.event_type).violent || s.starts.has(r.start)) return false
  return s.placesSeen.has(r.location_entity_id!) || (r.places_seen ?? []).includes(p)
}

function summarize(group: readonly Reading[]): GroupSummary {
  const s = new GroupSummary(group[0]!)
  for (let k = 1; k < group.length; k++) s.add(group[k]!)
  return s
}

/** How many participants of `r` the group already has. */
function overlap(s: GroupSummary, r: Reading): number {
  return new Set([...r.actors, ...r.targets].filter((x) => s.everyone.has(x))).size
}

/**
 * Groups the readings of a document (in text order) into events: each joins, among the events it
 * agrees with, the one sharing most of its participants, the latest on a tie. Only the events of the
 * reading's category are looked at (no other can agree).
 */
export function groupReadings(
  readings: readonly Reading[],
  facts: (id: string) => EntityFacts | undefined,
): Reading[][] {
  const groups: GroupSummary[] = []
  const byCode = new Map<string, GroupSummary[]>()
  for (const r of readings) {
    const same = byCode.get(codeOf(r.event_type)) ?? []
    let best: GroupSummary | null = null
    let bestOverlap = -1
    // a mention with no date or place of its own goes, among equals, to the article's news (told in
    // its lead) before an event told in passing
    const unanchored = r.date_source !== 'expression' && r.location_entity_id === null
    const rank = (g: GroupSummary) => overlap(g, r) * 2 + (unanchored && g.news ? 1 : 0)
    for (let g = same.length - 1; g >= 0; g--) {
      if (!agrees(same[g]!, r, facts)) continue
      const o = rank(same[g]!)
      if (o > bestOverlap) {
        best = same[g]!
        bestOverlap = o
      }
    }
    if (best) best.add(r)
    else if (!r.anaphoric) {
      const g = new GroupSummary(r)
      groups.push(g)
      const list = byCode.get(g.code)
      if (list) list.push(g)
      else byCode.set(g.code, [g])
    }
  }
  return groups.map((g) => g.readings)
}

const uniq = (xs: Iterable<string>): string[] => [...new Set(xs)]

/** The event of a group of readings: the best of each attribute and where it came from. */
export function eventOf(
  group: readonly Reading[],
  facts: (id: string) => EntityFacts | undefined,
  published: PublishedBound | null,
): EventDraft {
  const first = group[0]!
  const type = info(first.event_type)
  // date: the most precise expression; ties go to the earlier mention
  let dateFrom: number | null = null
  group.forEach((r, k) => {
    if (r.date_source !== 'expression' || r.date_precision === null) return
    const best = dateFrom === null ? null : group[dateFrom]!
    if (!best || RANK[r.date_precision] > RANK[best.date_precision!]) dateFrom = k
  })
  // place: a place before a country; ties go to the earlier mention
  let locationFrom: number | null = null
  group.forEach((r, k) => {
    if (!r.location_entity_id) return
    const rank = (id: string) => (facts(id)?.type === 'country' ? 0 : 1)
    const best = locationFrom === null ? null : group[locationFrom]!.location_entity_id!
    if (best === null || rank(r.location_entity_id) > rank(best)) locationFrom = k
  })
  // toll: the largest stated number, else the first indefinite one — a source's other count only
  // when no mention states the toll itself
  // — and a count given as the toll (`le dernier bilan fait état de 29 morts`) before the count of
  // some of the dead (`deux combattants sont morts`)
  let tollFrom: number | null = null
  const summed = group.some((r) => r.fatalities !== null && r.summary === true)
  const own = group.some(
    (r) => r.fatalities_qualifier !== null && !r.recount && (!summed || r.summary === true),
  )
  group.forEach((r, k) => {
    if (r.fatalities_qualifier === null || (own && r.recount) || (summed && r.summary !== true)) return
    const best = tollFrom === null ? null : group[tollFrom]!
    if (!best || (r.fatalities !== null && (best.fatalities === null || r.fatalities > best.fatalities)))
      tollFrom = k
  })
  const dated = dateFrom === null ? null : group[dateFrom]!
  // no sentence dates it: the news the article reports (its lead, not in the pluperfect) happened
  // on the publication date, at its precision — as ACLED dates a report
  const ofTheDay = !dated && published?.value !== undefined && group.some((r) => r.news === true)
  const toll = tollFrom === null ? null : group[tollFrom]!
  const location = locationFrom === null ? null : group[locationFrom]!.location_entity_id
  const where = location ? facts(location) : undefined
  const bounds = dated ? calendarBounds(dated.date!) : null
  // the actors a toll alone gives only where no mention with a trigger names any
  const triggered = group.filter((r) => r.method !== 'inference' && r.actors.length > 0)
  const actors = uniq((triggered.length > 0 ? triggered : group).flatMap((r) => r.actors))
    .filter((id) => id !== location)
    .slice(0, MAX_ACTORS)
  // the place is no participant — save the country a force leaves (roles.json `source_types`), and a
  // country struck by violence from another (`une attaque des Houthis … aux Emirats arabes unis`)
  const foreign =
    info(first.event_type).violent &&
    actors.length > 0 &&
    actors.every((id) => {
      const c = facts(id)?.country_code
      return c != null && c !== where?.country_code
    })
  const leaves =
    location !== null &&
    where?.type === 'country' &&
    (roleData().source_types.includes(first.event_type) || foreign)
  const taken = new Set([...actors, ...(location && !leaves ? [location] : [])])
  let targets = uniq(group.flatMap((r) => r.targets)).filter((id) => !taken.has(id))
  if (targets.length === 0)
    targets = uniq(group.flatMap((r) => r.other_side ?? [])).filter((id) => !taken.has(id))
  const delivered = group.find((r) => r.quantity_qualifier !== null)
  const mentions: EventMentionDraft[] = group.map((r) => ({
    event_type: r.event_type,
    trigger: r.trigger,
    trigger_start: r.trigger_start,
    trigger_end: r.trigger_end,
    anaphoric: r.anaphoric,
    date: r.date_source === 'expression' ? r.date : null,
    date_precision: r.date_source === 'expression' ? r.date_precision : null,
    location_entity_id: r.location_entity_id,
    fatalities: r.fatalities,
    evidence: r.evidence,
    start: r.start,
    end: r.end,
    method: r.anaphoric ? 'coreference' : r.method,
    confidence: r.confidence,
  }))
  return {
    event_type: first.event_type,
    event_code: type.code,
    event_mode: type.mode,
    cameo_code: type.cameo,
    trigger: first.trigger,
    trigger_start: first.trigger_start,
    trigger_end: first.trigger_end,
    date: dated ? dated.date : ofTheDay ? published!.value! : null,
    date_precision: dated ? dated.date_precision : ofTheDay ? published!.precision! : null,
    date_source: dated ? 'expression' : ofTheDay ? 'published' : null,
    date_min: bounds ? bounds[0] : null,
    date_max: bounds ? bounds[1] : (published?.max ?? null),
    location_entity_id: location,
    location_name: where?.name ?? null,
    location_country_code: where?.country_code ?? null,
    location_latitude: where?.latitude ?? null,
    location_longitude: where?.longitude ?? null,
    actor_entity_ids: actors,
    target_entity_ids: targets,
    equipment_entity_ids: uniq(group.flatMap((r) => r.equipment)),
    fatalities: toll?.fatalities ?? null,
    fatalities_qualifier: toll?.fatalities_qualifier ?? null,
    fatalities_who: toll?.fatalities_who ?? null,
    quantity: delivered?.quantity ?? null,
    quantity_qualifier: delivered?.quantity_qualifier ?? null,
    quantity_unit: delivered?.quantity_unit ?? null,
    quantity_what: delivered?.quantity_what ?? null,
    evidence: first.evidence,
    start: first.start,
    end: first.end,
    method: first.method,
    confidence: Math.max(...group.map((r) => r.confidence)),
    mentions,
    date_from: dateFrom,
    location_from: locationFrom,
    fatalities_from: tollFrom,
  }
}
