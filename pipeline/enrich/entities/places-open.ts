/**
 * Places outside the curated gazetteer: GeoNames towns (`towns.tsv`), ISO 3166-2 regions
 * (`regions.json`) and names that only their frame makes places (`dans la localité de Masongo`).
 *
 * A listed town or region is taken when the text gives it a place's frame (a locative `à`, `près
 * de`, `au sud de`, a place noun: `ville de`, `localité de`, `région du`, `province de`…) or, without
 * a frame, when its name is not also a French word or a first name, it is not the first word of a
 * sentence, and either it is large (100,000 people or more) or it lies in a country the document
 * names. A name in no list is a place only after a place noun or a locative preposition. Lookups are
 * map-based: one lookup per candidate length at each capitalised token, whatever the list sizes.
 */
import { readFileSync } from 'node:fs'
import { repoFile } from '../../util/paths.js'
import type { EntityDraft } from '../extract.js'
import { entityDraft, type Gazetteer, gazetteer } from './gazetteer.js'
import { aliasKeys, foldKey, isCapitalized, joinableBetween, joinableGap, type Token } from './normalize.js'

export interface Town {
  readonly id: number
  readonly country: string
  readonly population: number
  readonly latitude: number
  readonly longitude: number
}

interface TownName {
  readonly town: Town
  /** The name is also a French word or a first name: a place only in a frame. */
  readonly frameOnly: boolean
}

interface RegionName {
  readonly name: string
  readonly country: string | null
  readonly frameOnly: boolean
}

/** Towns by comparison key; the entries of a key are made when it is looked up. */
export interface TownLookup {
  has(key: string): boolean
  get(key: string): readonly TownName[] | undefined
}

/**
 * The 135,000 towns in columns (typed arrays), their keys in one map to row numbers: a few objects
 * instead of three per town, so every process holds tens of megabytes less and the garbage collector
 * has that much less to trace. A key's value is `row * 2 + frameOnly`, or a list of them.
 */
class TownTable implements TownLookup {
  private readonly ids: Int32Array
  private readonly populations: Float64Array
  private readonly latitudes: Float64Array
  private readonly longitudes: Float64Array
  private readonly countries: string[] = []
  private readonly keys = new Map<string, number | number[]>()
  private rows = 0

  constructor(capacity: number) {
    this.ids = new Int32Array(capacity)
    this.populations = new Float64Array(capacity)
    this.latitudes = new Float64Array(capacity)
    this.longitudes = new Float64Array(capacity)
  }

  addRow(id: number, country: string, population: number, latitude: number, longitude: number): number {
    const r = this.rows++
    this.ids[r] = id
    this.countries.push(country)
    this.populations[r] = population
    this.latitudes[r] = latitude
    this.longitudes[r] = longitude
    return r
  }

  addKey(key: string, row: number, frameOnly: boolean): void {
    const v = row * 2 + (frameOnly ? 1 : 0)
    const had = this.keys.get(key)
    if (had === undefined) this.keys.set(key, v)
    else if (typeof had === 'number') this.keys.set(key, [had, v])
    else had.push(v)
  }

  has(key: string): boolean {
    return this.keys.has(key)
  }

  get(key: string): readonly TownName[] | undefined {
    const v = this.keys.get(key)
    if (v === undefined) return undefined
    return typeof v === 'number' ? [this.entry(v)] : v.map((x) => this.entry(x))
  }

  private entry(v: number): TownName {
    const r = v >> 1
    return {
      town: {
        id: this.ids[r]!,
        country: this.countries[r]!,
        population: this.populations[r]!,
        latitude: this.latitudes[r]!,
        longitude: this.longitudes[r]!,
      },
      frameOnly: (v & 1) === 1,
    }
  }
}

export interface PlaceIndex {
  readonly towns: TownLookup
  readonly regions: ReadonlyMap<string, readonly RegionName[]>
  /** Longest name, in tokens. */
  readonly depth: number
}

let cached: PlaceIndex | undefined
/** The town and region index, read once per process. */
export function placeIndex(): PlaceIndex {
  if (cached) return cached
  let depth = 1
  const tsv = readFileSync(repoFile('pipeline/reference/gazetteer/towns.tsv'), 'utf8')
  const lines = tsv.split('\n')
  const towns = new TownTable(lines.length)
  const country = new Map<string, string>()
  for (const line of lines) {
    if (line === '' || line.startsWith('#')) continue
    const [id, cc, pop, lat, lon, , keys] = line.split('\t')
    // one string per country code, shared by its towns
    let c = country.get(cc!)
    if (c === undefined) {
      c = cc!
      country.set(c, c)
    }
    const row = towns.addRow(Number(id), c, Number(pop), Number(lat), Number(lon))
    // Keys are precomputed by the build script: `articleKey(foldKey(word))` joined by spaces.
    for (const raw of keys!.split('|')) {
      const frameOnly = raw.startsWith('~')
      const k = frameOnly ? raw.slice(1) : raw
      let words = 1
      for (let i = k.indexOf(' '); i >= 0; i = k.indexOf(' ', i + 1)) words++
      if (words > depth) depth = words
      towns.addKey(k, row, frameOnly)
    }
  }
  const regions = new Map<string, RegionName[]>()
  const data = JSON.parse(readFileSync(repoFile('pipeline/reference/gazetteer/regions.json'), 'utf8')) as {
    entries: Array<{ name: string; country: string | null; aliases: string[]; frame_only: string[] }>
  }
  for (const e of data.entries) {
    const frame = new Set(e.frame_only)
    for (const n of [e.name, ...e.aliases]) {
      const keys = aliasKeys(n).map(articleKey)
      if (keys.length === 0) continue
      depth = Math.max(depth, keys.length)
      const k = keys.join(' ')
      const item = { name: e.name, country: e.country, frameOnly: frame.has(n) }
      const list = regions.get(k)
      if (list) list.push(item)
      else regions.set(k, [item])
    }
  }
  cached = { towns, regions, depth: Math.min(depth, 6) }
  return cached
}

/** Nouns that make the capitalised name after them (and `de`/`du`/`d'`) a place. */
const PLACE_NOUNS = new Set(
  [
    'ville',
    'villes',
    'localite',
    'localites',
    'village',
    'villages',
    'commune',
    'communes',
    'quartier',
    'quartiers',
    'canton',
    'cantons',
    'chefferie',
    'groupement',
    'territoire',
    'prefecture',
    'sous-prefecture',
    'province',
    'region',
    'departement',
    'district',
    'cercle',
    'arrondissement',
    'caza',
    'wilaya',
    'gouvernorat',
    'oblast',
    'colline',
    'bourgade',
    'hameau',
    'agglomeration',
    'municipalite',
    'secteur',
    'cite',
    'etat',
    'camp',
    'chef-lieu',
    'capitale',
    'ile',
    'plaine',
    'vallee',
  ].map(foldKey),
)
/** Region nouns: a region's name after them wins over a town of the same name. */
const REGION_NOUNS = new Set(['province', 'region', 'etat', 'oblast', 'gouvernorat', 'wilaya', 'departement'])
const OF = new Set(['de', 'du', 'des', 'd'])
/** `au sud de`, `près de`, `non loin de`, `en direction de`, `aux environs de`. */
const DIRECTION = new Set([
  'nord',
  'sud',
  'est',
  'ouest',
  'nord-est',
  'nord-ouest',
  'sud-est',
  'sud-ouest',
  'pres',
  'loin',
  'direction',
  'environs',
  'entree',
  'sortie',
  'large',
  'periphérie',
  'peripherie',
  'banlieue',
])
/** Particles inside a place's name: `Deir al-Balah`, `Aïta el-Chaab`, `Village-de-Dieu`. */
const NAME_PARTICLES = new Set([
  'al',
  'el',
  'ed',
  'ez',
  'es',
  'ad',
  'ach',
  'ash',
  'de',
  'du',
  'des',
  'la',
  'le',
  'sur',
  'da',
  'do',
  'dos',
  'das',
  'di',
  'ben',
  'bin',
  'ibn',
  'ould',
])
/**
 * Spellings of the Arabic article, read as one in place names (`Deir al-Balah` = `Deir el-Balah`):
 * `arabic_articles` of name-rules.json, which the gazetteer build script reads too.
 */
let articles: ReadonlySet<string> | undefined
function articleKey(k: string): string {
  if (!articles) articles = new Set(gazetteer().rules.arabic_articles)
  return articles.has(k) ? 'al' : k
}
/** Place nouns followed directly by the name: `la colline Butani`, `au lieu-dit Kikaikom`, `l'axe Kumbo-Tatum`. */
const DIRECT_NOUNS = new Set(['colline', 'lieu-dit', 'axe', 'localite', 'village'])

export type Frame = 'noun' | 'region' | 'locative' | null

/** The frame of the name starting at token `i`, read on the words before it. */
export function frameBefore(text: string, tokens: readonly Token[], i: number): Frame {
  const prev = tokens[i - 1]
  if (!prev) return null
  const gap = text.slice(prev.end, tokens[i]!.start)
  if (!joinableGap(gap)) return null
  // `à Kidal`, `À Gao` (not `a`: the verb).
  if (prev.raw === 'à' || prev.raw === 'À') return 'locative'
  if (prev.key === 'vers' || prev.key === 'depuis' || prev.key === 'jusqu') return 'locative'
  const before = tokens[i - 2]
  const prevHyphenated =
    before && text.slice(before.end, prev.start) === '-' ? `${before.key}-${prev.key}` : prev.key
  if (DIRECT_NOUNS.has(prevHyphenated) && !isCapitalized(prev.raw)) return 'noun'
  if (!OF.has(prev.key)) return null
  const noun = tokens[i - 2]
  if (!noun || !joinableBetween(text, noun.end, prev.start)) return null
  // `région de l'Extrême-Nord`, `province du Cabo Delgado`.
  const key = noun.key
  const hyphenated =
    i >= 3 && text.slice(tokens[i - 3]!.end, noun.start) === '-' ? `${tokens[i - 3]!.key}-${noun.key}` : ''
  if (REGION_NOUNS.has(key)) return 'region'
  if (PLACE_NOUNS.has(key) || PLACE_NOUNS.has(hyphenated) || key === 'originaire') return 'noun'
  if (DIRECTION.has(key) || DIRECTION.has(hyphenated)) return 'locative'
  return null
}

/** `la`/`l'` between a frame and the name: `région de l'Extrême-Nord`, `au nord de la Syrie`. */
function frameAt(text: string, tokens: readonly Token[], i: number): Frame {
  const direct = frameBefore(text, tokens, i)
  if (direct) return direct
  const prev = tokens[i - 1]
  if (prev && (prev.key === 'l' || prev.key === 'la') && joinableBetween(text, prev.end, tokens[i]!.start))
    return frameBefore(text, tokens, i - 1)
  return null
}

/** The word starts a sentence (or a line): its capital is no evidence. */
export function sentenceInitial(text: string, tokens: readonly Token[], i: number): boolean {
  const prev = tokens[i - 1]
  const from = prev ? prev.end : 0
  const gap = text.slice(from, tokens[i]!.start)
  return !prev || /[.!?:;\n«"“]/.test(gap)
}

export interface OpenPlace {
  readonly from: number
  readonly to: number
  readonly start: number
  readonly end: number
  readonly entity: EntityDraft
  readonly confidence: number
}

interface Lex {
  readonly stop: ReadonlySet<string>
  readonly first: ReadonlySet<string>
  /** Heads of organisations, facilities and titles: `Institut`, `Direction`, `Hôpital`. */
  readonly notPlace: ReadonlySet<string>
}

/** A capitalised name run (with place particles) starting at token `i`: index after its last token. */
function nameRun(text: string, tokens: readonly Token[], covered: Uint8Array, i: number, L: Lex): number {
  let j = i + 1
  while (j < tokens.length && j - i < 5) {
    const gap = text.slice(tokens[j - 1]!.end, tokens[j]!.start)
    if (!joinableGap(gap) || gap.includes('\n')) break
    const t = tokens[j]!
    if (covered[j] === 0 && isCapitalized(t.raw) && (!L.stop.has(t.key) || gap === '-')) {
      j++
      continue
    }
    const next = tokens[j + 1]
    if (
      NAME_PARTICLES.has(t.raw) &&
      next &&
      covered[j + 1] === 0 &&
      joinableBetween(text, t.end, next.start) &&
      isCapitalized(next.raw) &&
      !L.stop.has(next.key)
    ) {
      j += 2
      continue
    }
    break
  }
  return j
}

const ALL_CAPS = /^[\p{Lu}\p{N}]+$/u

function townDraft(
  surface: string,
  names: readonly TownName[],
  docCountries: ReadonlySet<string>,
): EntityDraft {
  const sorted = [...names].sort(
    (a, b) =>
      Number(docCountries.has(b.town.country)) - Number(docCountries.has(a.town.country)) ||
      b.town.population - a.town.population ||
      a.town.id - b.town.id,
  )
  const best = sorted[0]!.town
  const sameCountry = sorted.filter((n) => n.town.country === best.country)
  const others = sorted.filter((n) => n.town.country !== best.country)
  const countryCertain =
    docCountries.has(best.country) ||
    others.length === 0 ||
    best.population >= 10 * Math.max(1, others[0]!.town.population)
  const certain =
    countryCertain &&
    (sameCountry.length === 1 || best.population >= 10 * Math.max(1, sameCountry[1]!.town.population))
  return entityDraft('place', surface, 'inferred', {
    country_code: countryCertain ? best.country : null,
    geonames_id: certain ? best.id : null,
    latitude: certain ? best.latitude : null,
    longitude: certain ? best.longitude : null,
  })
}

/** Canonical form of a place name as written: spaces normalised; all capitals turned to a title. */
function placeName(surface: string): string {
  const s = surface.replace(/\s+/g, ' ')
  if (!ALL_CAPS.test(s.replace(/[\s'’-]/g, ''))) return s
  return s.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase())
}

const lexes = new WeakMap<Gazetteer, Lex>()
/** The word sets of a gazetteer's rules, built once per gazetteer (not once per document). */
function lexOf(g: Gazetteer): Lex {
  let L = lexes.get(g)
  if (!L) {
    L = {
      stop: new Set(g.rules.stopwords.flatMap(aliasKeys)),
      first: firstNameSet(g),
      notPlace: new Set(
        [
          ...g.rules.organization_nouns,
          ...g.rules.facility_words,
          ...g.rules.titles,
          ...g.rules.organization_heads,
        ].flatMap(aliasKeys),
      ),
    }
    lexes.set(g, L)
  }
  return L
}

export const OPEN_PLACE_CONFIDENCE = { listed: 0.75, listedFramed: 0.8, framed: 0.6 } as const

/**
 * Places of the text outside the curated gazetteer. `covered` marks tokens already taken by the
 * gazetteer; `docCountries` the countries the document names.
 */
export function openPlaces(
  text: string,
  tokens: readonly Token[],
  covered: Uint8Array,
  docCountries: ReadonlySet<string>,
  g: Gazetteer = gazetteer(),
): OpenPlace[] {
  const idx = placeIndex()
  const L = lexOf(g)
  const out: OpenPlace[] = []
  // After a frame, a list keeps the frame: `à Apakolu et à Masongo`, `les localités de Masongo, Apamayaya, Apakolu`.
  let listFrame: Frame = null
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    // A stopword opens a name only when a hyphen ties it to the next word: `Nord-Ouest`, `Extrême-Nord`.
    const tied = tokens[i + 1] !== undefined && text.slice(t.end, tokens[i + 1]!.start) === '-'
    if (covered[i] === 1 || !isCapitalized(t.raw) || (L.stop.has(t.key) && !tied)) {
      if (!(t.key === 'et' || t.key === 'a')) listFrame = null
      continue
    }
    const own = frameAt(text, tokens, i)
    const prevGap = i > 0 ? text.slice(tokens[i - 1]!.end, t.start) : ''
    const frame: Frame =
      own ?? (listFrame && (/^\s*,\s*$/.test(prevGap) || tokens[i - 1]?.key === 'et') ? listFrame : null)
    const runEnd = nameRun(text, tokens, covered, i, L)
    // Part of a longer capitalised run that starts before: `Saliou Ndong`.
    const prev = tokens[i - 1]
    if (
      prev &&
      covered[i - 1] === 0 &&
      isCapitalized(prev.raw) &&
      joinableGap(prevGap) &&
      !L.stop.has(prev.key)
    ) {
      i = runEnd - 1
      continue
    }
    // `Mocímboa da Praia` where `Praia` alone is a listed capital: a longer name than we can type.
    const after = tokens[runEnd]
    const afterNext = tokens[runEnd + 1]
    if (
      after &&
      afterNext &&
      NAME_PARTICLES.has(after.raw) &&
      !OF.has(after.key) &&
      after.key !== 'la' &&
      after.key !== 'le' &&
      isCapitalized(afterNext.raw) &&
      joinableBetween(text, tokens[runEnd - 1]!.end, after.start) &&
      joinableBetween(text, after.end, afterNext.start)
    ) {
      i = runEnd - 1
      continue
    }
    const found = lookup(tokens, covered, i, runEnd, idx)
    const initial = sentenceInitial(text, tokens, i)
    let hit: OpenPlace | null = null
    if (found && found.to === runEnd) {
      const surface = text.slice(t.start, tokens[found.to - 1]!.end)
      const name = placeName(surface)
      const regionOk = (r: RegionName) =>
        !r.frameOnly ||
        frame === 'region' ||
        frame === 'noun' ||
        (found.to - i >= 2 && r.country !== null && docCountries.has(r.country))
      const region = found.regions.find(regionOk)
      const towns = found.towns.filter((n) => !n.frameOnly || frame !== null)
      const bigOrNear = towns.some(
        (n) =>
          n.town.population >= 100_000 || (docCountries.has(n.town.country) && n.town.population >= 5_000),
      )
      const firstName = found.to - i === 1 && L.first.has(t.key)
      if (region && (frame === 'region' || towns.length === 0 || (frame === null && !bigOrNear))) {
        if (frame !== null || !initial || !region.frameOnly)
          hit = {
            from: i,
            to: found.to,
            start: t.start,
            end: tokens[found.to - 1]!.end,
            entity: entityDraft('place', name, 'inferred', { country_code: region.country }),
            confidence: frame ? OPEN_PLACE_CONFIDENCE.listedFramed : OPEN_PLACE_CONFIDENCE.listed,
          }
      } else if (towns.length > 0 && (frame !== null || (!initial && !firstName && bigOrNear))) {
        const pool = frame !== null ? towns : towns.filter((n) => !n.frameOnly)
        hit = {
          from: i,
          to: found.to,
          start: t.start,
          end: tokens[found.to - 1]!.end,
          entity: townDraft(name, pool, docCountries),
          confidence: frame ? OPEN_PLACE_CONFIDENCE.listedFramed : OPEN_PLACE_CONFIDENCE.listed,
        }
      }
    }
    if (!hit && frame !== null && !ALL_CAPS.test(t.raw) && !L.first.has(t.key) && !L.notPlace.has(t.key)) {
      const end = tokens[runEnd - 1]!.end
      const next = tokens[runEnd]
      // `à Babagana Zulum`, `à Jeune Afrique`: after a bare `à`, only a one-word name (hyphens and
      // particles aside) that no capitalised word follows; never a first name or an institution's head.
      const followedByName = next && isCapitalized(next.raw) && joinableBetween(text, end, next.start)
      let spaced = false
      for (let k = i + 1; k < runEnd; k++)
        spaced ||=
          /\s/.test(text.slice(tokens[k - 1]!.end, tokens[k]!.start)) && isCapitalized(tokens[k]!.raw)
      if (!followedByName && (frame !== 'locative' || !spaced))
        hit = {
          from: i,
          to: runEnd,
          start: t.start,
          end,
          entity: entityDraft('place', placeName(text.slice(t.start, end)), 'inferred'),
          confidence: OPEN_PLACE_CONFIDENCE.framed,
        }
    }
    if (hit) {
      out.push(hit)
      listFrame = frame
      i = hit.to - 1
    } else {
      listFrame = null
      i = runEnd - 1
    }
  }
  return out
}

function lookup(
  tokens: readonly Token[],
  covered: Uint8Array,
  i: number,
  runEnd: number,
  idx: PlaceIndex,
): { to: number; towns: readonly TownName[]; regions: readonly RegionName[] } | null {
  let key = ''
  let best: { to: number; towns: readonly TownName[]; regions: readonly RegionName[] } | null = null
  for (let j = i; j < runEnd && j - i < idx.depth; j++) {
    if (covered[j] === 1) break
    const k = articleKey(tokens[j]!.key)
    key = j === i ? k : `${key} ${k}`
    const town = idx.towns.has(key)
    const regions = idx.regions.get(key)
    if ((town || regions) && isCapitalized(tokens[j]!.raw))
      best = { to: j + 1, towns: (town ? idx.towns.get(key) : undefined) ?? [], regions: regions ?? [] }
  }
  return best
}

let firsts: ReadonlySet<string> | undefined
/** Folded first names: the curated ones of name-rules.json and the generated first-names.json. */
export function firstNameSet(g: Gazetteer = gazetteer()): ReadonlySet<string> {
  if (firsts) return firsts
  const data = JSON.parse(
    readFileSync(repoFile('pipeline/reference/gazetteer/first-names.json'), 'utf8'),
  ) as {
    names: string[]
  }
  const stop = new Set(g.rules.stopwords.map(foldKey))
  firsts = new Set([...g.rules.first_names, ...data.names].map(foldKey).filter((n) => !stop.has(n)))
  return firsts
}
