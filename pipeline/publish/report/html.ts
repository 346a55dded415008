/**
 * The report page: one HTML file with its CSS and every chart inlined as SVG. No script, no font, no
 * image or stylesheet is fetched, so it opens offline, from an archive, or attached to an email.
 */
import type { DatasetMetadata } from '../../metadata/dataset.js'
import { byKey, type DatasetStats, ranked, UNMAPPED_SHOWN } from '../stats.js'
import type { Chart } from './charts.js'

export const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

const CSS = `
body{font-family:"DejaVu Sans",Helvetica,Arial,sans-serif;color:#222;margin:0;background:#fafafa}
main{max-width:1180px;margin:0 auto;padding:24px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:17px;margin:0 0 4px}
p.lead{color:#555;margin:0 0 18px}
.grid{display:flex;flex-wrap:wrap;gap:18px}
figure.chart{background:#fff;border:1px solid #ddd;border-radius:6px;margin:0;padding:14px;flex:1 1 540px;min-width:0;overflow-x:auto}
figure.chart figcaption{font-size:12px;color:#555;margin-bottom:8px}
figure.chart p.footer{font-size:12px;color:#555;margin:8px 0 0}
figure.wide{flex-basis:100%}
figure.chart svg{display:block;max-width:100%;height:auto}
.nodata{border:1px dashed #bbb;border-radius:4px;color:#777;padding:28px;text-align:center;font-style:italic}
table{border-collapse:collapse;font-size:13px}td,th{border-bottom:1px solid #e3e3e3;padding:3px 10px 3px 0;text-align:left}
td.n{text-align:right;font-variant-numeric:tabular-nums}
section.facts{display:flex;flex-wrap:wrap;gap:28px;background:#fff;border:1px solid #ddd;border-radius:6px;padding:14px;margin-bottom:18px}
`

const table = (head: readonly string[], rows: readonly (readonly (string | number)[])[]) =>
  `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map(
      (r) =>
        `<tr>${r.map((c) => (typeof c === 'number' ? `<td class="n">${c}</td>` : `<td>${esc(c)}</td>`)).join('')}</tr>`,
    )
    .join('')}</tbody></table>`

function figure(c: Chart, wide = false): string {
  const body =
    c.svg ?? `<div class="nodata">${esc(c.empty ?? 'No data: this build has no rows for this chart.')}</div>`
  const footer = c.footer ? `<p class="footer">${esc(c.footer)}</p>` : ''
  return `<figure class="chart${wide ? ' wide' : ''}" id="chart-${c.id}" data-chart="${c.id}" data-empty="${c.svg === null}"><h2>${esc(c.title)}</h2><figcaption>${esc(c.note)}</figcaption>${body}${footer}</figure>`
}

export interface PageInput {
  readonly dataset: Pick<DatasetMetadata, 'title' | 'version' | 'description'>
  readonly stats: DatasetStats
  readonly charts: readonly Chart[]
  readonly map: {
    readonly svg: string | null
    /** Places drawn as circles, countries shaded. */
    readonly points: number
    readonly countries: number
    /** Places and countries mentioned that the map cannot draw (no coordinates or outline). */
    /** The first places and countries not on the map, most mentioned first, of `unplacedCount`. */
    readonly unplaced: readonly { readonly name: string; readonly type: string; readonly mentions: number }[]
    readonly unplacedCount: number
  }
}

export function reportPage({ dataset, stats: s, charts, map }: PageInput): string {
  const { title, version } = dataset
  const range = s.dateRange ? `${s.dateRange.from} to ${s.dateRange.to}` : 'no dated article'
  const facts =
    `<section class="facts"><div><h2>Rows</h2>${table(
      ['table', 'rows'],
      [...Object.entries(s.rows), ['rejects (inputs)', s.rejects] as const],
    )}</div>` +
    `<div><h2>Coverage</h2>${table(
      ['', ''],
      [
        ['publication dates', range],
        ['words in article texts', s.words],
        [
          'languages',
          byKey(s.languages)
            .map(([k, n]) => `${k} (${n})`)
            .join(', ') || '—',
        ],
        ['real events (clusters across documents)', s.eventClusters],
        ['fatalities stated in events (each real event once)', s.fatalities],
      ],
    )}</div>` +
    `<div><h2>Outlets</h2>${table(['outlet', 'articles'], ranked(s.outlets))}</div></section>`
  const [timeline, ...rest] = charts
  const shown = UNMAPPED_SHOWN
  const unplaced =
    map.unplacedCount === 0
      ? 'Every place and country mentioned is on the map.'
      : `Not on the map (no coordinates or outline): ${map.unplaced
          .slice(0, shown)
          .map((u) => `${u.name} (${u.type}, ${u.mentions})`)
          .join(', ')}${map.unplacedCount > shown ? `, and ${map.unplacedCount - shown} more` : ''}.`
  const mapChart: Chart = {
    id: 'map',
    title: 'Places mentioned',
    note: `${map.points} place(s) with coordinates (entities.latitude/longitude; circle area ∝ mentions) and ${map.countries} countr${map.countries === 1 ? 'y' : 'ies'} shaded by mentions; the frame fits them. Hover for names and counts. Outlines: Natural Earth 1:110m via world-atlas.`,
    svg: map.svg,
    footer: unplaced,
  }
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(title)} ${esc(version)} — dataset report</title>
<style>${CSS.trim()}</style>
</head>
<body>
<main>
<h1>${esc(title)}</h1>
<p class="lead">Version ${esc(version)}. ${esc(dataset.description)}</p>
<p class="lead">What this build of the dataset holds, computed from the published tables (data/*.jsonl, rejects.jsonl). Static page: every chart is an inline SVG drawn at build time with Vega-Lite and d3-geo.</p>
${facts}
<div class="grid">
${timeline ? figure(timeline, true) : ''}
${figure(mapChart)}
${rest.map((c) => figure(c)).join('\n')}
</div>
</main>
</body>
</html>
`
}
