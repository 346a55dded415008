/**
 * The charts of the report, each a Vega-Lite spec over a few aggregated rows (never the raw tables), so
 * the page stays small whatever the corpus size. A chart with no rows is not drawn: the page says so.
 */
import type * as vl from 'vega-lite'
import { byKey, type DatasetStats, ranked, TOP_ENTITIES } from '../stats.js'
import { renderVegaLite } from './svg.js'

export interface Chart {
  readonly id: string
  readonly title: string
  readonly note: string
  /** The SVG, or null when there is nothing to draw. */
  readonly svg: string | null
  /** What the page says instead of an empty chart. */
  readonly empty?: string
  /** A line under the chart (what it leaves out). */
  readonly footer?: string
}

const TOP = TOP_ENTITIES
const WIDTH = 560

/** Every month from the first to the last key, so that the time axis has no silent gaps. */
export function monthsBetween(keys: readonly string[]): string[] {
  const sorted = [...keys].sort()
  const first = sorted[0]
  const last = sorted.at(-1)
  if (first === undefined || last === undefined) return []
  const out: string[] = []
  let [y, m] = first.split('-').map(Number) as [number, number]
  const [ly, lm] = last.split('-').map(Number) as [number, number]
  // at most 100 years of months: a stray date (e.g. a typo year) must not blow the chart up
  while ((y < ly || (y === ly && m <= lm)) && out.length < 1200) {
    out.push(`${y}-${String(m).padStart(2, '0')}`)
    m++
    if (m > 12) {
      m = 1
      y++
    }
  }
  return out
}

async function timeline(s: DatasetStats): Promise<Chart> {
  const months = monthsBetween([...s.articlesByMonth.keys(), ...s.eventsByMonth.keys()])
  const values = months.flatMap((month) => [
    { month, series: 'articles', n: s.articlesByMonth.get(month) ?? 0 },
    { month, series: 'events', n: s.eventsByMonth.get(month) ?? 0 },
  ])
  const apart = s.articlesYearOnly + s.articlesUndated
  const note = `Articles by the month of publication (top) and events by the month they happened (bottom), each on its own scale, over the same months.${
    apart > 0 ? ` ${apart} article(s) dated to the year only or undated are not shown.` : ''
  }`
  const width = Math.max(WIDTH, Math.min(1100, months.length * 18))
  // two rows, one y axis each: events outnumber articles, and one scale would flatten the articles
  const row = (series: string, title: string, color: string, last: boolean) => ({
    width,
    height: 110,
    transform: [{ filter: { field: 'series', equal: series } }],
    mark: { type: 'bar' as const, color },
    encoding: {
      x: {
        field: 'month',
        type: 'ordinal' as const,
        title: last ? 'month' : null,
        scale: { domain: months },
        axis: last ? { labelAngle: -45, labelOverlap: 'greedy' as const } : { labels: false, ticks: false },
      },
      y: { field: 'n', type: 'quantitative' as const, title, axis: { tickMinStep: 1 } },
      tooltip: [{ field: 'month' }, { field: 'n', title }],
    },
  })
  const spec: vl.TopLevelSpec = {
    data: { values },
    spacing: 6,
    vconcat: [row('articles', 'articles', '#3b6ea5', false), row('events', 'events', '#d9822b', true)],
  }
  return {
    id: 'timeline',
    title: 'Timeline of articles and events',
    note,
    svg: months.length > 0 ? await renderVegaLite(spec, 'timeline') : null,
  }
}

async function bars(
  id: string,
  title: string,
  note: string,
  rows: readonly (readonly [string, number])[],
  axis: { label: string; count: string },
  color = '#3b6ea5',
): Promise<Chart> {
  const values = rows.map(([label, n]) => ({ label, n }))
  const spec: vl.TopLevelSpec = {
    width: WIDTH - 220,
    height: { step: 18 },
    data: { values },
    mark: { type: 'bar', color },
    encoding: {
      y: { field: 'label', type: 'nominal', title: axis.label, sort: null },
      x: { field: 'n', type: 'quantitative', title: axis.count, axis: { tickMinStep: 1 } },
      tooltip: [
        { field: 'label', title: axis.label },
        { field: 'n', title: axis.count },
      ],
    },
  }
  return {
    id,
    title,
    note,
    svg:
      values.length > 0
        ? await renderVegaLite(
            spec,
            id,
            rows.map(([label]) => label),
          )
        : null,
  }
}

const topEntities = (s: DatasetStats, type: string): [string, number][] =>
  (s.topEntities.get(type) ?? []).map((e) => [e.name, e.n_mentions])

export async function charts(s: DatasetStats): Promise<Chart[]> {
  const mentions = { label: 'entity', count: 'mentions' }
  return [
    await timeline(s),
    await bars(
      'people',
      'Most-mentioned people',
      `The ${TOP} people with the most mentions (entities.n_mentions).`,
      topEntities(s, 'person'),
      mentions,
    ),
    await bars(
      'organizations',
      'Most-mentioned organisations',
      `The ${TOP} organisations with the most mentions.`,
      topEntities(s, 'organization'),
      mentions,
      '#5a8f5a',
    ),
    await bars(
      'countries',
      'Most-mentioned countries',
      `The ${TOP} countries with the most mentions.`,
      topEntities(s, 'country'),
      mentions,
      '#8c5aa5',
    ),
    await bars(
      'event-types',
      'Events by type',
      'Number of events of each type of the event ontology.',
      ranked(s.eventsByType),
      { label: 'event type', count: 'events' },
      '#d9822b',
    ),
    await bars(
      'speakers',
      'Quotes by speaker',
      `The ${TOP} speakers quoted most often.${
        s.unattributedQuotes > 0 ? ` ${s.unattributedQuotes} quote(s) without an attributed speaker.` : ''
      }`,
      ranked(s.quotesBySpeaker).slice(0, TOP),
      { label: 'speaker', count: 'quotes' },
      '#a55a5a',
    ),
    {
      ...(await bars(
        'rejects',
        'Rejected inputs',
        'Inputs that did not become a document, by stage and reason (details in rejects.jsonl).',
        byKey(s.rejectsByReason),
        { label: 'stage: reason', count: 'inputs' },
        '#777777',
      )),
      empty: 'No input was rejected: every input became a document or a duplicate.',
    },
  ]
}
