/**
 * What the speaker rules read about one document, computed once: tokens, the entity mentions found
 * by the entity extractor (sorted), and the people the text introduces with a description
 * (`son homologue russe Sergueï Lavrov`, `M. Diop`), with the nationality and role that description
 * gives them — the facts that let `le chef de la diplomatie russe` be matched with Lavrov.
 */

import { firstAt } from '../../util/first-at.js'
import type { Gender, Lexicon } from './lexicon.js'
import { readNounPhrase, roleAt } from './noun-phrase.js'
import { isCapitalized, nameKey, type Token, tokenize } from './text.js'

/** The parts of the entity extractor's rows that speaker resolution uses. */
export interface EntityRef {
  readonly entity_id: string
  readonly name: string
  readonly type: string
  readonly country_code?: string | null
}
export interface MentionRef {
  readonly entity_id: string
  readonly start: number
  readonly end: number
}

export interface Person {
  readonly start: number
  readonly end: number
  /** Canonical name when an entity covers the name, else the name as written. */
  readonly name: string
  readonly entityId: string | null
  readonly country: string | null
  readonly roleClass: string | null
  readonly gender: Gender
  /** The description that introduced the person (`porte parole du gouverneur du nord kivu`), as a key. */
  readonly desc: string | null
  /** Named inside a quotation: not someone the narration can refer back to with `il`. */
  readonly inQuote: boolean
  /** Named after a preposition (`contre le président X`, `avec Y`): an object, not a subject. */
  readonly object: boolean
}

export interface DocContext {
  readonly text: string
  readonly tokens: readonly Token[]
  readonly lex: Lexicon
  readonly mentions: readonly MentionRef[]
  readonly entities: ReadonlyMap<string, EntityRef>
  readonly persons: readonly Person[]
  /** Quoted spans (marks included), sorted. */
  readonly quoted: readonly { readonly start: number; readonly end: number }[]
  /** Indexes over the above, so that each look-up costs what is near it, not the whole document. */
  readonly index: DocIndex
}

/**
 * Built once a document: a long article has tens of thousands of mentions and people, and a look-up
 * per cue that walked them all made the quotes extractor quadratic in the text's length.
 */
export interface DocIndex {
  /** Longest mention (UTF-16 units): no mention starting further back than this reaches an offset. */
  readonly maxMention: number
  /** Person entities by the last word of their canonical name key, in entity order. */
  readonly personsByLast: ReadonlyMap<string, readonly EntityRef[]>
  /** Organisation entities by the first word of their name key, in order of first mention. */
  readonly orgsByHead: ReadonlyMap<string, readonly { e: EntityRef; key: readonly string[] }[]>
  /** Mentions of organisations by the first word of the key of their text, in text order. */
  readonly orgMentionsByFirst: ReadonlyMap<string, readonly MentionRef[]>
  /** `persons` by role class (null: none) and by country, in text order. */
  readonly personsByRole: ReadonlyMap<string | null, readonly Person[]>
  readonly personsByCountry: ReadonlyMap<string, readonly Person[]>
  /** `persons` by the last word of their name's key, and their names. */
  readonly personsByLastWord: ReadonlyMap<string, readonly Person[]>
  readonly personNames: ReadonlySet<string>
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

function mentionIndex(
  text: string,
  mentions: readonly MentionRef[],
  entities: ReadonlyMap<string, EntityRef>,
): Omit<DocIndex, PersonKeys> {
  let maxMention = 0
  for (const m of mentions) maxMention = Math.max(maxMention, m.end - m.start)
  const personsByLast = new Map<string, EntityRef[]>()
  for (const e of entities.values()) {
    const last = e.type === 'person' ? nameKey(e.name).split(' ').at(-1) : undefined
    if (last) push(personsByLast, last, e)
  }
  const orgsByHead = new Map<string, { e: EntityRef; key: string[] }[]>()
  const orgMentionsByFirst = new Map<string, MentionRef[]>()
  const seen = new Set<string>()
  for (const m of mentions) {
    const e = entities.get(m.entity_id)
    if (e?.type !== 'organization') continue
    push(orgMentionsByFirst, nameKey(text.slice(m.start, m.end)).split(' ')[0]!, m)
    if (seen.has(e.entity_id)) continue
    seen.add(e.entity_id)
    const key = nameKey(e.name).split(' ')
    push(orgsByHead, key[0]!, { e, key })
  }
  return { maxMention, personsByLast, orgsByHead, orgMentionsByFirst }
}

type PersonKeys = 'personsByRole' | 'personsByCountry' | 'personsByLastWord' | 'personNames'

function personIndex(persons: readonly Person[]): Pick<DocIndex, PersonKeys> {
  const personsByRole = new Map<string | null, Person[]>()
  const personsByCountry = new Map<string, Person[]>()
  const personsByLastWord = new Map<string, Person[]>()
  const personNames = new Set<string>()
  for (const p of persons) {
    push(personsByRole, p.roleClass, p)
    if (p.country !== null) push(personsByCountry, p.country, p)
    const last = nameKey(p.name).split(' ').at(-1)
    if (last !== undefined) push(personsByLastWord, last, p)
    personNames.add(p.name)
  }
  return { personsByRole, personsByCountry, personsByLastWord, personNames }
}

/** Index of the last item that starts before `offset` (-1 when none), in items sorted by start. */
export const lastBefore = (items: readonly { readonly start: number }[], offset: number): number =>
  firstAt(items, offset) - 1

export function docContext(
  text: string,
  lex: Lexicon,
  entities: readonly EntityRef[],
  mentions: readonly MentionRef[],
  quoted: readonly { readonly start: number; readonly end: number }[] = [],
): DocContext {
  const tokens = tokenize(text)
  const byId = new Map(entities.map((e) => [e.entity_id, e]))
  const sorted = [...mentions].filter((m) => byId.has(m.entity_id)).sort((a, b) => a.start - b.start)
  const base = mentionIndex(text, sorted, byId)
  const ctx = {
    text,
    tokens,
    lex,
    mentions: sorted,
    entities: byId,
    persons: [] as Person[],
    quoted,
    index: { ...base, ...personIndex([]) },
  }
  ctx.persons = findPersons(ctx)
  ctx.index = { ...base, ...personIndex(ctx.persons) }
  return ctx
}

/** Index of the first token starting at or after an offset. */
export const tokenAt: (tokens: readonly Token[], offset: number) => number = firstAt

/** Mentions overlapping [start, end), in text order. */
export function mentionsIn(ctx: DocContext, start: number, end: number): MentionRef[] {
  const out: MentionRef[] = []
  const ms = ctx.mentions
  for (let k = firstAt(ms, start - ctx.index.maxMention); k < ms.length && ms[k]!.start < end; k++)
    if (ms[k]!.end > start) out.push(ms[k]!)
  return out
}

export const entityOf = (ctx: DocContext, m: MentionRef): EntityRef | undefined =>
  ctx.entities.get(m.entity_id)

/** The person entity whose canonical name ends with the same word as `name` (`M. Lavrov` → Sergueï Lavrov). */
export function personEntityByName(ctx: DocContext, name: string): EntityRef | null {
  const last = nameKey(name).split(' ').at(-1)
  if (!last) return null
  const hits = ctx.index.personsByLast.get(last)
  return hits?.length === 1 ? hits[0]! : null
}

function findPersons(ctx: DocContext): Person[] {
  const { tokens, lex, text } = ctx
  const out: Person[] = []
  const add = (
    start: number,
    end: number,
    country: string | null,
    roleClass: string | null,
    gender: Gender,
    desc: string | null,
  ) => {
    const m = mentionsIn(ctx, start, end).find((x) => entityOf(ctx, x)?.type === 'person')
    const e = m ? entityOf(ctx, m) : undefined
    const written = text.slice(start, end)
    const byName = e ? null : personEntityByName(ctx, written)
    out.push({
      start,
      end,
      name: e?.name ?? byName?.name ?? written,
      entityId: e?.entity_id ?? byName?.entity_id ?? null,
      country,
      roleClass,
      gender,
      desc,
      inQuote: insideQuote(ctx.quoted, start),
      object: afterPreposition(ctx, start),
    })
  }
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    const isCivility = lex.civilities.has(t.lower) && isCapitalized(t)
    if (!isCivility && !roleAt(tokens, i, lex)) continue
    const from = i > 0 && lex.determiners.has(tokens[i - 1]!.lower) ? i - 1 : i
    const np = readNounPhrase(tokens, from, lex)
    if (!np) continue
    if (np.name) {
      const desc = nameKey(text.slice(np.start, np.name.start))
      add(np.name.start, np.name.end, np.country, np.headClass, np.gender, desc || null)
      continue
    }
    // `Le ministre des Affaires étrangères russe, Sergueï Lavrov`: the name after a comma; `le
    // porte-parole du gouverneur, le général Sylvain Ekenge`: after a second description.
    const comma = tokens[np.to]
    const next = tokens[np.to + 1]
    if (comma?.text === ',' && next && !isCapitalized(next)) {
      const second = readNounPhrase(tokens, np.to + 1, lex)
      if (second?.kind === 'role' && second.name)
        add(
          second.name.start,
          second.name.end,
          np.country ?? second.country,
          np.headClass,
          np.gender,
          nameKey(text.slice(np.start, np.end)) || null,
        )
    }
    if (comma?.text === ',' && next && isCapitalized(next)) {
      const appos = readNounPhrase(tokens, np.to + 1, lex)
      if (appos?.kind === 'name' && appos.name)
        add(
          appos.name.start,
          appos.name.end,
          np.country,
          np.headClass,
          np.gender,
          nameKey(text.slice(np.start, np.end)) || null,
        )
    }
  }
  // People the entity extractor found that no description introduced: a person overlaps a mention
  // when one that starts before the mention's end ends after its start (`ends[k]`: the furthest end of
  // the `k + 1` first, by start); those added here come in text order.
  const described = [...out].sort((a, b) => a.start - b.start)
  const ends: number[] = []
  for (const p of described) ends.push(Math.max(p.end, ends.at(-1) ?? 0))
  let addedEnd = -1
  for (const m of ctx.mentions) {
    const e = entityOf(ctx, m)
    if (e?.type !== 'person') continue
    const k = firstAt(described, m.end) - 1
    if ((k >= 0 && ends[k]! > m.start) || addedEnd > m.start) continue
    addedEnd = Math.max(addedEnd, m.end)
    out.push({
      start: m.start,
      end: m.end,
      name: e.name,
      entityId: e.entity_id,
      country: e.country_code ?? null,
      roleClass: null,
      gender: null,
      desc: null,
      inQuote: insideQuote(ctx.quoted, m.start),
      object: afterPreposition(ctx, m.start),
    })
  }
  return out.sort((a, b) => a.start - b.start)
}

export function insideQuote(quoted: readonly { start: number; end: number }[], pos: number): boolean {
  let lo = 0
  let hi = quoted.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (quoted[mid]!.end <= pos) lo = mid + 1
    else hi = mid
  }
  const q = quoted[lo]
  return q !== undefined && q.start <= pos && pos < q.end
}

/** Prepositions that make the person after them an object (`contre`, `avec`, `à son homologue`). */
const OBJECT_PREPOSITIONS = new Set([
  'contre',
  'avec',
  'à',
  'au',
  'aux',
  'par',
  'pour',
  'sur',
  'chez',
  'envers',
  'entre',
  'vers',
  'de',
  'du',
  'des',
  "d'",
  'auprès',
  'face',
  'sans',
])

/** Walks back over the person's description (`le président centrafricain`) to the word before it. */
function afterPreposition(ctx: { tokens: readonly Token[]; lex: Lexicon }, start: number): boolean {
  const { tokens, lex } = ctx
  let i = tokenAt(tokens, start) - 1
  for (let n = 0; i >= 0 && n < 8; i--, n++) {
    const t = tokens[i]!
    if (t.kind !== 'word') return false
    const describes =
      lex.determiners.has(t.lower) ||
      lex.roles.has(t.lower) ||
      lex.nationalities.has(t.lower) ||
      isCapitalized(t)
    if (!describes) return OBJECT_PREPOSITIONS.has(t.lower)
  }
  return false
}
