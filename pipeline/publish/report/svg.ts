/**
 * Vega-Lite specs rendered to static SVG in Node (vega's headless `renderer: 'none'`, no canvas: text is
 * measured by vega's own estimate, so the output does not depend on the fonts installed), then made safe
 * to inline several times in one HTML page.
 */
import * as vega from 'vega'
import * as vl from 'vega-lite'

/** The look shared by every chart of the report. */
export const CHART_CONFIG: vl.Config = {
  font: 'DejaVu Sans, Helvetica, Arial, sans-serif',
  view: { stroke: null },
  axis: { labelFontSize: 11, titleFontSize: 11, labelLimit: 220 },
  legend: { labelFontSize: 11, titleFontSize: 11, labelLimit: 320 },
  bar: { color: '#3b6ea5' },
}

/**
 * Give every `id` in an SVG a prefix of the chart's own and renumber it in order of appearance, so that
 * two charts inlined in one page never share an id (vega numbers clip paths and gradients with a
 * process-wide counter) and a rebuild in a long-lived process gives the same bytes.
 */
export function scopeIds(svg: string, prefix: string): string {
  const ids = new Map<string, string>()
  for (const m of svg.matchAll(/\sid="([^"]+)"/g)) {
    const id = m[1]!
    if (!ids.has(id)) ids.set(id, `${prefix}-${ids.size + 1}`)
  }
  if (ids.size === 0) return svg
  return svg.replace(/(\sid="|url\(#|href="#)([^")]+)/g, (all, head: string, id: string) => {
    const to = ids.get(id)
    return to === undefined ? all : `${head}${to}`
  })
}

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/**
 * Names and values on hover in a static SVG: every mark vega describes (`aria-label`) gets the same text
 * as a `<title>`, which browsers show as a tooltip; an axis label vega shortened (`Ministère russe des
 * Affa…`) gets the full label it stands for, from `labels`.
 */
export function addHoverTitles(svg: string, labels: readonly string[] = []): string {
  const marks = svg.replace(
    /<(path|rect|circle|line)(\s[^>]*?aria-label="([^"]*)"[^>]*?role="graphics-symbol"[^>]*?)\/>/g,
    '<$1$2><title>$3</title></$1>',
  )
  if (labels.length === 0) return marks
  const escaped = labels.map(esc)
  return marks.replace(/(<text\b[^>]*>)([^<]*)…<\/text>/g, (all, open: string, head: string) => {
    const full = escaped.find((l) => l.startsWith(head) && l !== `${head}…`)
    return full ? `${open}<title>${full}</title>${head}…</text>` : all
  })
}

export async function renderVegaLite(
  spec: vl.TopLevelSpec,
  id: string,
  labels: readonly string[] = [],
): Promise<string> {
  const compiled = vl.compile({
    ...spec,
    config: { ...CHART_CONFIG, ...(spec.config ?? {}) },
  } as vl.TopLevelSpec)
  const view = new vega.View(vega.parse(compiled.spec), { renderer: 'none', logLevel: vega.Warn })
  try {
    const svg = await view.toSVG()
    return scopeIds(addHoverTitles(svg, labels), id)
  } finally {
    view.finalize()
  }
}
