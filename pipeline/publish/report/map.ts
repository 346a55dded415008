/**
 * The map of places mentioned: country outlines of Africa, Europe and the Middle East from world-atlas
 * (Natural Earth 1:110m, TopoJSON, bundled: no network) projected with d3-geo, and one circle per entity
 * with coordinates, its area proportional to its mentions. Drawn as plain SVG at build time, so the page
 * needs no script; coordinates are rounded to a tenth of a pixel, which keeps the bytes small and stable.
 */
import { createRequire } from 'node:module'
import { type GeoPermissibleObjects, geoAzimuthalEqualArea, geoBounds, geoPath } from 'd3-geo'
import type { FeatureCollection, Geometry } from 'geojson'
import { feature } from 'topojson-client'
import type { GeometryCollection, Topology } from 'topojson-specification'
import type { EntityFacts } from '../stats.js'

const WIDTH = 620
const HEIGHT = 640
/** The region drawn: West Africa and the Sahel to Russia's west, where the corpus's places lie. */
const LON: readonly [number, number] = [-22, 58]
const LAT: readonly [number, number] = [-36, 68]
const LABELS = 14

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
const r1 = (x: number) => Math.round(x * 10) / 10

function countries(): FeatureCollection<Geometry, { name?: string }> {
  const require = createRequire(import.meta.url)
  const topo = require('world-atlas/countries-110m.json') as Topology<{
    countries: GeometryCollection<{ name?: string }>
  }>
  return feature(topo, topo.objects.countries) as FeatureCollection<Geometry, { name?: string }>
}

function projection() {
  const frame: GeoPermissibleObjects = {
    type: 'MultiPoint',
    coordinates: [LON[0], (LON[0] + LON[1]) / 2, LON[1]].flatMap((lon) =>
      [LAT[0], (LAT[0] + LAT[1]) / 2, LAT[1]].map((lat) => [lon, lat]),
    ),
  }
  return geoAzimuthalEqualArea()
    .rotate([-(LON[0] + LON[1]) / 2, -(LAT[0] + LAT[1]) / 2])
    .fitExtent(
      [
        [8, 8],
        [WIDTH - 8, HEIGHT - 8],
      ],
      frame,
    )
    .clipExtent([
      [0, 0],
      [WIDTH, HEIGHT],
    ])
}

/** Entities that can be placed on the map. */
export const placeable = (entities: readonly EntityFacts[]): EntityFacts[] =>
  entities.filter((e) => e.latitude !== null && e.longitude !== null && e.n_mentions > 0)

export function placesMap(entities: readonly EntityFacts[]): string {
  const proj = projection()
  const path = geoPath(proj).digits(1)
  const outline = countries()
    .features.filter((f) => {
      // keep countries whose bounding box meets the region (Russia's wraps the antimeridian: keep it)
      const [[w, s], [e, n]] = geoBounds(f)
      return n >= LAT[0] - 10 && s <= LAT[1] + 10 && (w > e || (e >= LON[0] - 20 && w <= LON[1] + 20))
    })
    .map((f) => {
      const d = path(f)
      return d ? `<path d="${d}"><title>${esc(f.properties.name ?? '')}</title></path>` : ''
    })
    .filter((p) => p !== '')
    .join('')
  const points = placeable(entities).sort(
    (a, b) =>
      b.n_mentions - a.n_mentions || (a.entity_id < b.entity_id ? -1 : a.entity_id > b.entity_id ? 1 : 0),
  )
  const max = points[0]?.n_mentions ?? 1
  const marks: string[] = []
  const labels: string[] = []
  points.forEach((e, i) => {
    const xy = proj([e.longitude!, e.latitude!])
    if (!xy || xy[0] < 0 || xy[0] > WIDTH || xy[1] < 0 || xy[1] > HEIGHT) return
    const [x, y] = [r1(xy[0]), r1(xy[1])]
    const r = r1(3 + 13 * Math.sqrt(e.n_mentions / max))
    marks.push(
      `<circle class="place" cx="${x}" cy="${y}" r="${r}"><title>${esc(e.name)} (${e.type}): ${e.n_mentions} mention(s) in ${e.n_documents} document(s)</title></circle>`,
    )
    if (i < LABELS) labels.push(`<text x="${r1(x + r + 2)}" y="${r1(y + 4)}">${esc(e.name)}</text>`)
  })
  // largest circles first, so that small ones stay visible on top
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="map" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="Map of the places mentioned">` +
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#eef4f8"/>` +
    `<g fill="#f4f1ea" stroke="#9a9a9a" stroke-width="0.6">${outline}</g>` +
    `<g fill="#d9822b" fill-opacity="0.65" stroke="#7a3f0b" stroke-width="0.8">${marks.join('')}</g>` +
    `<g font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="11" fill="#222" stroke="#fff" stroke-width="3" paint-order="stroke">${labels.join('')}</g>` +
    '</svg>'
  )
}
