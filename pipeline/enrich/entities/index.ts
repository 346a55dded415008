/**
 * Entity recognition and linking for one document (issue 3): gazetteer names, country adjectives,
 * ministries, unknown names with evidence, then coreference. Pure: the same text always gives the
 * same rows. Spans are UTF-16 offsets into `input.text`; `document.ts` converts them.
 *
 * Order matters and is deliberate:
 * 1. gazetteer and ministry matches, longest first (`Golfe de Guinée` over `Guinée`);
 * 2. surnames of gazetteer people named in full (`M. Diop` after `Abdoulaye Diop`), before the
 *    unknown-name rule can mistake `M. Diop` for a new person;
 * 3. unknown names (title, first name, apposition), short ones folded into a longer one;
 * 4. surnames of those new people, role phrases, and a bare `le ministère`.
 */
import type { EntityDraft, Extractor, MentionDraft } from '../extract.js'
import { CONFIDENCE } from './confidence.js'
import {
  type DocPerson,
  type Found,
  ministryMentions,
  roleMentions,
  surnameMentions,
  surnamesOf,
} from './coreference.js'
import { entityDraft, type Gazetteer, gazetteer } from './gazetteer.js'
import { ministries, ministryName } from './institutions.js'
import { type Candidate, gazetteerCandidates, selectLongest } from './matcher.js'
import { aliasKeys, foldKey, isCapitalized, joinableBetween, tokenize } from './normalize.js'
import { openOrganizations } from './organizations-open.js'
import { firstNameSet, openPlaces } from './places-open.js'
import { afterFacility, unknownNames } from './unknown-names.js'

export { CONFIDENCE }

type Method = MentionDraft['method']

interface Hit {
  readonly start: number
  readonly end: number
  readonly entity: EntityDraft
  readonly method: Method
  readonly confidence: number
}

export interface EntitiesResult {
  readonly entities: EntityDraft[]
  readonly mentions: MentionDraft[]
}

const byIdOf = new WeakMap<Gazetteer, ReadonlyMap<string, Gazetteer['entities'][number]>>()
/** The gazetteer's entities by id, built once per gazetteer (not once per document). */
function entitiesById(g: Gazetteer): ReadonlyMap<string, Gazetteer['entities'][number]> {
  let m = byIdOf.get(g)
  if (!m) {
    m = new Map(g.entities.map((e) => [e.draft.entity_id, e]))
    byIdOf.set(g, m)
  }
  return m
}

/** Kinds of listed places that no settlement noun introduces (`le village Bakou` is not Baku). */
const BIG_PLACES: ReadonlySet<string> = new Set(['capital', 'city', 'region'])
const FROM_WORDS: ReadonlySet<string> = new Set(['de', 'd'])

export function findEntities(text: string, g: Gazetteer = gazetteer()): EntitiesResult {
  const tokens = tokenize(text)
  const covered = new Uint8Array(tokens.length)
  const cover = (from: number, to: number) => covered.fill(1, from, to)
  const hits: Hit[] = []

  // 1. Gazetteer names and ministries.
  const cands: Candidate[] = gazetteerCandidates(text, tokens, g)
  const phrases = ministries(text, tokens, g)
  for (const m of phrases) if (m.candidate) cands.push(m.candidate)
  // A name built by pattern that only adds lowercase words to a listed organisation's name
  // (`Forces de soutien rapide paramilitaires`) is that organisation.
  const listedOrgEnds = new Map<number, number>()
  for (const c of cands)
    if (c.entity >= 0 && g.entities[c.entity]!.draft.type === 'organization')
      listedOrgEnds.set(c.from, Math.max(listedOrgEnds.get(c.from) ?? 0, c.to))
  for (const c of openOrganizations(text, tokens, g)) {
    const listedEnd = listedOrgEnds.get(c.from)
    if (
      listedEnd !== undefined &&
      listedEnd < c.to &&
      tokens.slice(listedEnd, c.to).every((t) => !/\p{Lu}/u.test(t.raw))
    )
      continue
    cands.push(c)
  }
  const firstNames = firstNameSet(g)
  for (const sel of selectLongest(cands, tokens.length, g)) {
    let c = sel
    const entity = c.built
      ? entityDraft(
          'organization',
          c.built.name,
          c.method === 'pattern' && c.entity < 0 ? 'inferred' : 'gazetteer',
          {
            country_code: c.built.country,
          },
        )
      : g.entities[c.entity]!.draft
    // A listed person's surname after a first name: `Mamady Doumbouya` (the same man, spelt
    // otherwise) extends the mention; `Brigitte Macron` (another initial) is someone else.
    const prev = tokens[c.from - 1]
    if (
      entity.type === 'person' &&
      c.to - c.from === 1 &&
      prev &&
      isCapitalized(prev.raw) &&
      firstNames.has(prev.key) &&
      joinableBetween(text, prev.end, c.start) &&
      !text.slice(prev.end, c.start).includes('\n')
    ) {
      if (prev.key.charAt(0) !== foldKey(entity.name).charAt(0)) continue
      c = { ...c, from: c.from - 1, start: prev.start }
    }
    cover(c.from, c.to)
    // `aéroport international Président Modibo Keïta`: a facility, not the man.
    if (entity.type === 'person' && afterFacility(text, tokens, c.from, g)) continue
    // `… 11.11.2021, Sputnik France`, `© AFP`: a credit line names no organisation.
    if (c.entity >= 0 && g.entities[c.entity]!.media === true && creditLine(text, c.start, c.end)) continue
    // `au village Bakou`: a village that bears a capital's or a city's name is not that city; it is
    // an unlisted place named with its noun (`Bakou (village)`), so that it never shares the city's id
    if (c.entity >= 0 && entity.type === 'place' && BIG_PLACES.has(g.entities[c.entity]!.kind ?? '')) {
      const heads = g.rules.settlement_heads
      const before = tokens[c.from - 1]
      const head = before && FROM_WORDS.has(before.key) ? tokens[c.from - 2] : before
      if (head && heads.includes(head.key)) {
        const name = `${text.slice(c.start, c.end)} (${head.raw.toLowerCase()})`
        hits.push({
          start: c.start,
          end: c.end,
          entity: entityDraft('place', name, 'inferred'),
          method: 'pattern',
          confidence: c.confidence,
        })
        continue
      }
    }
    hits.push({ start: c.start, end: c.end, entity, method: c.method, confidence: c.confidence })
  }

  // 2. Common surnames of gazetteer people the document names in full.
  const byId = entitiesById(g)
  const people = new Map<string, DocPerson>()
  for (const h of hits) {
    if (h.entity.type !== 'person' || people.has(h.entity.entity_id)) continue
    const ge = byId.get(h.entity.entity_id)
    people.set(h.entity.entity_id, {
      entity: h.entity,
      surnames: ge?.surname ? [ge.surname] : [],
      roles: ge?.roles ?? [],
    })
  }
  const addFound = (list: readonly Found[], method: Method) => {
    for (const f of list) {
      cover(f.from, f.to)
      hits.push({ start: f.start, end: f.end, entity: f.entity, method, confidence: f.confidence })
    }
  }
  addFound(surnameMentions(text, tokens, covered, [...people.values()]), 'coreference')

  // 2a. A ministry named without its country (`le ministère de l'Intérieur`) belongs to the country
  // the document is mostly about, when one stands out; else it is left to coreference.
  const main = mainCountry(hits)
  for (const m of phrases) {
    if (main === null || !m.bare || covered.subarray(m.bare.from, m.bare.to).some((x) => x === 1)) continue
    const c = g.entities[main]!
    const name = ministryName(m.bare.portfolio, c.adjective, c.draft.name)
    cover(m.bare.from, m.bare.to)
    hits.push({
      start: tokens[m.bare.from]!.start,
      end: tokens[m.bare.to - 1]!.end,
      entity: entityDraft('organization', name, 'inferred', { country_code: c.draft.country_code }),
      method: 'pattern',
      confidence: CONFIDENCE.corefInstitution,
    })
  }

  // 2b. Places outside the curated lists: GeoNames towns, regions, names in a place's frame.
  const docCountries = new Set(
    hits
      .filter((h) => (h.entity.type === 'country' || h.entity.type === 'place') && h.entity.country_code)
      .map((h) => h.entity.country_code!),
  )
  for (const p of openPlaces(text, tokens, covered, docCountries, g)) {
    cover(p.from, p.to)
    hits.push({ start: p.start, end: p.end, entity: p.entity, method: 'inference', confidence: p.confidence })
  }

  // 3. Unknown names. A one-word name (`M. Sangaré`) that ends a longer one found in the same
  // document (`Moussa Sangaré`) is that person.
  const unknown = unknownNames(text, tokens, covered, g)
  const particles = new Set(g.rules.particles)
  const longNames = new Map<string, EntityDraft[]>()
  const drafts = new Map<string, EntityDraft>()
  for (const u of unknown) {
    const d = entityDraft(u.type, u.name, 'inferred')
    drafts.set(`${u.start}`, d)
    if (u.type === 'person')
      for (const s of surnamesOf(u.name, particles)) {
        const key = aliasKeys(s).join(' ')
        const list = longNames.get(key) ?? []
        if (!list.some((x) => x.entity_id === d.entity_id)) list.push(d)
        longNames.set(key, list)
      }
  }
  for (const u of unknown) {
    cover(u.from, u.to)
    const own = drafts.get(`${u.start}`)!
    const longer = u.type === 'person' ? longNames.get(aliasKeys(u.name).join(' ')) : undefined
    if (longer && longer.length === 1 && longer[0]!.entity_id !== own.entity_id) {
      hits.push({
        start: u.start,
        end: u.end,
        entity: longer[0]!,
        method: 'coreference',
        confidence: u.confidence,
      })
      continue
    }
    hits.push({ start: u.start, end: u.end, entity: own, method: 'inference', confidence: u.confidence })
    if (u.type === 'person' && !people.has(own.entity_id))
      people.set(own.entity_id, { entity: own, surnames: surnamesOf(u.name, particles), roles: [] })
  }

  // 4. Coreference: surnames of the new people, role phrases, `le ministère`.
  addFound(
    surnameMentions(
      text,
      tokens,
      covered,
      [...people.values()].filter((p) => p.entity.source === 'inferred'),
    ),
    'coreference',
  )
  for (const f of roleMentions(text, tokens, [...people.values()], g))
    hits.push({
      start: f.start,
      end: f.end,
      entity: f.entity,
      method: 'coreference',
      confidence: f.confidence,
    })
  const ministriesInDoc = [
    ...new Map(
      hits.filter((h) => h.method === 'pattern').map((h) => [h.entity.entity_id, h.entity] as const),
    ).values(),
  ]
  addFound(ministryMentions(text, tokens, covered, ministriesInDoc, g), 'coreference')

  return rows(text, hits)
}

/**
 * Whether the outlet named at [start, end) signs the text rather than being named by it: it ends its
 * line after a date, a comma-separated by-line, `©`, `Photo`, `Crédit` or `Par`.
 */
export function creditLine(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1
  const nl = text.indexOf('\n', end)
  const before = text.slice(lineStart, start)
  const after = text.slice(end, nl < 0 ? text.length : nl)
  if (/(?:©|\b(?:photo|crédit|credit|copyright)\b)[^.]{0,40}$/iu.test(before)) return true
  if (!/^[\s).,;:–—-]*$/.test(after)) return false
  return /(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\b\d{4}|^\s*par|^\s*\(?)\s*[,:(/–—-]?\s*$/iu.test(before)
}

/** Gazetteer index of the country most often named (at least twice, and more than any other). */
function mainCountry(hits: readonly Hit[], g: Gazetteer = gazetteer()): number | null {
  const counts = new Map<string, number>()
  for (const h of hits)
    if (h.entity.type === 'country') counts.set(h.entity.entity_id, (counts.get(h.entity.entity_id) ?? 0) + 1)
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
  const [first, second] = ranked
  if (!first || first[1] < 2 || (second && second[1] === first[1])) return null
  const index = g.entities.findIndex((e) => e.draft.entity_id === first[0])
  return index >= 0 ? index : null
}

function rows(text: string, hits: readonly Hit[]): EntitiesResult {
  const entities = new Map<string, EntityDraft>()
  const seen = new Set<string>()
  const mentions: MentionDraft[] = []
  const sorted = [...hits].sort(
    (a, b) =>
      a.start - b.start ||
      a.end - b.end ||
      (a.entity.entity_id < b.entity.entity_id ? -1 : a.entity.entity_id > b.entity.entity_id ? 1 : 0),
  )
  for (const h of sorted) {
    const key = `${h.start}:${h.end}:${h.entity.entity_id}`
    if (seen.has(key)) continue
    seen.add(key)
    entities.set(h.entity.entity_id, h.entity)
    mentions.push({
      entity_id: h.entity.entity_id,
      surface: text.slice(h.start, h.end),
      start: h.start,
      end: h.end,
      method: h.method,
      confidence: h.confidence,
    })
  }
  const list = [...entities.values()].sort((a, b) => (a.entity_id < b.entity_id ? -1 : 1))
  return { entities: list, mentions }
}

/** The pipeline's entity extractor: see `findEntities`. */
export const extractEntities: Extractor = (input) => {
  const { entities, mentions } = findEntities(input.text)
  return { entities, mentions, messages: [] }
}
