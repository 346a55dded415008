/**
 * The map of places mentioned, fitted to the data: country outlines of the whole world from world-atlas
 * (Natural Earth 1:110m, TopoJSON, bundled: no network) projected with d3-geo (Natural Earth projection,
 * centred on what is drawn), the countries mentioned shaded by their mentions (ISO 3166 alpha-2 →
 * numeric codes from `reference/geo/`), and one circle per place with coordinates, its area
 * proportional to its mentions. The frame is the bounding region of the mentioned countries and placed
 * places, padded, so a corpus about Haiti or Lebanon is drawn where it is. Places and countries that
 * cannot be drawn (no coordinates, no outline) are listed under the map, never dropped silently.
 * Plain SVG drawn at build time: the page needs no script; coordinates are rounded to a tenth of a pixel.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { type GeoPermissibleObjects, geoCentroid, geoNaturalEarth1, geoPath } from 'd3-geo'
import type { Feature, FeatureCollection, Geometry } from 'geojson'
import { feature } from 'topojson-client'
import type { GeometryCollection, Topology } from 'topojson-specification'
import { repoFile } from '../../util/paths.js'
import { byMentions, type DatasetStats, type EntityFacts } from '../stats.js'

const WIDTH = 620
const MIN_HEIGHT = 260
const MAX_HEIGHT = 640
/** Degrees added around each place, so that one town is shown with its region. */
const PAD = 8
const LABELS = 14

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
const r1 = (x: number) => Math.round(x * 10) / 10

type Country = Feature<Geometry, { name?: string }>
let atlas: Country[] | undefined
function countries(): Country[] {
  if (!atlas) {
    const require = createRequire(import.meta.url)
    const topo = require('world-atlas/countries-110m.json') as Topology<{
      countries: GeometryCollection<{ name?: string }>
    }>
    atlas = (feature(topo, topo.objects.countries) as FeatureCollection<Geometry, { name?: string }>).features
  }
  return atlas
}

let numeric: Readonly<Record<string, string>> | undefined
/** The world-atlas id (ISO 3166-1 numeric) of an alpha-2 country code. */
function numericCode(alpha2: string): string | undefined {
  numeric ??= (
    JSON.parse(readFileSync(repoFile('pipeline/reference/geo/iso-3166-numeric.json'), 'utf8')) as {
      codes: Record<string, string>
    }
  ).codes
  return numeric[alpha2]
}

export interface MapPlan {
  /** Places with coordinates, most mentioned first. */
  readonly points: readonly EntityFacts[]
  /** Countries mentioned that have an outline, with it. */
  readonly shaded: readonly { readonly entity: EntityFacts; readonly outline: Country }[]
  /**
   * Places and countries mentioned that cannot be drawn, most mentioned first: the first ones (at least
   * `UNMAPPED_SHOWN` when there are as many), of `unplacedCount` in all.
   */
  readonly unplaced: readonly EntityFacts[]
  readonly unplacedCount: number
}

/**
 * What the map can and cannot draw of the entities mentioned: `entities`, the places and countries it may
 * draw (`DatasetStats.mappable`), and the first of the places without coordinates with their number.
 */
export function planMap(
  entities: readonly EntityFacts[],
  unmapped: DatasetStats['unmappedPlaces'] = { first: [], count: 0 },
): MapPlan {
  const byId = new Map<string, Country>()
  for (const c of countries()) if (c.id !== undefined) byId.set(String(c.id), c)
  const points: EntityFacts[] = []
  const shaded: { entity: EntityFacts; outline: Country }[] = []
  const unplaced: EntityFacts[] = []
  for (const e of [...entities].filter((x) => x.n_mentions > 0).sort(byMentions)) {
    if (e.type !== 'place' && e.type !== 'country') continue
    if (e.latitude !== null && e.longitude !== null) points.push(e)
    else {
      const code = e.type === 'country' && e.country_code ? numericCode(e.country_code) : undefined
      const outline = code !== undefined ? byId.get(code) : undefined
      if (outline) shaded.push({ entity: e, outline })
      else unplaced.push(e)
    }
  }
  const unplacedCount = unplaced.length + unmapped.count
  unplaced.push(...unmapped.first)
  unplaced.sort(byMentions)
  return { points, shaded, unplaced, unplacedCount }
}

/** Entities that can be placed on the map (as a circle or a shaded country). */
export const placeable = (entities: readonly EntityFacts[]): EntityFacts[] => {
  const p = planMap(entities)
  return [...p.points, ...p.shaded.map((s) => s.entity)]
}

/** The region to frame: every shaded country and every place with a margin around it. */
function frame(plan: MapPlan): GeoPermissibleObjects {
  const boxes = plan.points.map(
    (e): Feature => ({
      type: 'Feature',
      properties: {},
      geometry: {
        type: 'MultiPoint',
        coordinates: [-PAD, 0, PAD].flatMap((dx) =>
          [-PAD, 0, PAD].map((dy) => [e.longitude! + dx, Math.max(-89, Math.min(89, e.latitude! + dy))]),
        ),
      },
    }),
  )
  return { type: 'FeatureCollection', features: [...boxes, ...plan.shaded.map((s) => s.outline)] }
}

/**
 * The longitude to centre the map on: the mean direction of what is drawn, weighted by mentions (a
 * circular mean, so that places on both sides of the antimeridian average to it, not to Greenwich).
 */
function centreLongitude(plan: MapPlan): number {
  let x = 0
  let y = 0
  const add = (lon: number, w: number) => {
    x += w * Math.cos((lon * Math.PI) / 180)
    y += w * Math.sin((lon * Math.PI) / 180)
  }
  for (const e of plan.points) add(e.longitude!, e.n_mentions)
  for (const s of plan.shaded) add(geoCentroid(s.outline)[0], s.entity.n_mentions)
  return x === 0 && y === 0 ? 0 : Math.round((Math.atan2(y, x) * 180) / Math.PI)
}

export function placesMap(entities: readonly EntityFacts[]): { svg: string; height: number } | null {
  const plan = planMap(entities)
  if (plan.points.length + plan.shaded.length === 0) return null
  const region = frame(plan)
  const centre = centreLongitude(plan)
  // the height follows the region's shape (a wide region gives a low map), within bounds
  const probe = geoNaturalEarth1()
    .rotate([-centre, 0])
    .fitWidth(WIDTH - 16, region)
  const [[, y0], [, y1]] = geoPath(probe).bounds(region)
  const height = Math.round(Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, y1 - y0 + 16)))
  const proj = geoNaturalEarth1()
    .rotate([-centre, 0])
    .fitExtent(
      [
        [8, 8],
        [WIDTH - 8, height - 8],
      ],
      region,
    )
    .clipExtent([
      [0, 0],
      [WIDTH, height],
    ])
  const path = geoPath(proj).digits(1)
  const maxCountry = plan.shaded.reduce((m, s) => Math.max(m, s.entity.n_mentions), 1)
  const shadedIds = new Map(plan.shaded.map((s) => [String(s.outline.id), s.entity]))
  const outline = countries()
    .map((f) => {
      const d = path(f)
      if (!d) return ''
      const e = shadedIds.get(String(f.id))
      if (!e) return `<path d="${d}"/>`
      // the country's name as the data gives it (the labels of the map are the entities' names)
      const opacity = r1(0.15 + 0.65 * Math.sqrt(e.n_mentions / maxCountry))
      return `<path class="country" d="${d}" fill="#8c5aa5" fill-opacity="${opacity}"><title>${esc(e.name)} (country): ${e.n_mentions} mention(s) in ${e.n_documents} document(s)</title></path>`
    })
    .filter((p) => p !== '')
    .join('')
  const max = plan.points[0]?.n_mentions ?? 1
  const marks: string[] = []
  const labels: string[] = []
  plan.points.forEach((e, i) => {
    const xy = proj([e.longitude!, e.latitude!])
    if (!xy) return
    const [x, y] = [r1(xy[0]), r1(xy[1])]
    const r = r1(3 + 13 * Math.sqrt(e.n_mentions / max))
    marks.push(
      `<circle class="place" cx="${x}" cy="${y}" r="${r}"><title>${esc(e.name)} (${e.type}): ${e.n_mentions} mention(s) in ${e.n_documents} document(s)</title></circle>`,
    )
    if (i < LABELS)
      labels.push(
        `<text x="${r1(x + r + 2)}" y="${r1(y + 4)}"><title>${esc(e.name)}</title>${esc(e.name)}</text>`,
      )
  })
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" class="map" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="Map of the places mentioned">` +
    `<rect width="${WIDTH}" height="${height}" fill="#eef4f8"/>` +
    `<g fill="#f4f1ea" stroke="#9a9a9a" stroke-width="0.6">${outline}</g>` +
    `<g fill="#d9822b" fill-opacity="0.65" stroke="#7a3f0b" stroke-width="0.8">${marks.join('')}</g>` +
    `<g font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="11" fill="#222" stroke="#fff" stroke-width="3" paint-order="stroke">${labels.join('')}</g>` +
    '</svg>'
  return { svg, height }
}
