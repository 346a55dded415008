/**
 * `depeches stats <dist>`: the figures a researcher checks first on a built dataset, read from its
 * published files (JSON Lines, rejects, manifest): how many documents, over which dates and at what
 * precision, in which languages and outlets, how many rows per table, what was rejected and why, which
 * entities and events were found and how much of them is dated, placed and attributed.
 */
import { existsSync, readFileSync } from 'node:fs'
import { PipelineError } from '../errors.js'
import { DATA, FILES, inside } from '../publish/layout.js'
import { byKey, collectStats, type DatasetStats, ranked } from '../publish/stats.js'

const TOP = 8

export interface StatsFigures {
  readonly dataset: string
  readonly inputs: { seen: number; documents: number; duplicates: number; rejected: number } | null
  readonly published: { from: string; to: string } | null
  readonly documentsByPrecision: Record<string, number>
  readonly languages: Record<string, number>
  readonly outlets: Record<string, number>
  readonly rows: Record<string, number>
  readonly rejectsByReason: Record<string, number>
  readonly entitiesByType: Record<string, number>
  readonly placesWithCoordinates: number
  readonly eventsByType: Record<string, number>
  readonly eventsByDatePrecision: Record<string, number>
  readonly eventsWithPlace: number
  readonly eventsWithFatalities: number
  /** Distinct real events (`event_cluster` values). */
  readonly eventClusters: number
  /** People reported dead, each real event (cluster) counted once. */
  readonly fatalities: number
  readonly quotes: { total: number; attributed: number }
}

const obj = (pairs: readonly (readonly [string, number])[]) => Object.fromEntries(pairs)

export async function statsFigures(dir: string): Promise<StatsFigures> {
  if (!existsSync(inside(dir, FILES.manifest)) || !existsSync(inside(dir, DATA)))
    throw new PipelineError(
      'E_INPUT_MISSING',
      `${dir} is not a built dataset (no manifest.json or data/): give the --out folder of a build`,
    )
  const s: DatasetStats = await collectStats(dir)
  const manifest = JSON.parse(readFileSync(inside(dir, FILES.manifest), 'utf8')) as {
    inputs?: { seen: number; documents: number; duplicates: number; rejected: number }
  }
  const quotes = s.rows.quotes
  return {
    dataset: dir,
    inputs: manifest.inputs
      ? {
          seen: manifest.inputs.seen,
          documents: manifest.inputs.documents,
          duplicates: manifest.inputs.duplicates,
          rejected: manifest.inputs.rejected,
        }
      : null,
    published: s.dateRange,
    documentsByPrecision: obj(byKey(s.articlesByPrecision)),
    languages: obj(ranked(s.languages)),
    outlets: obj(ranked(s.outlets)),
    rows: { ...s.rows, rejects: s.rejects },
    rejectsByReason: obj(ranked(s.rejectsByReason)),
    entitiesByType: obj(ranked(s.entitiesByType)),
    placesWithCoordinates: s.entitiesWithCoordinates,
    eventsByType: obj(ranked(s.eventsByType)),
    eventsByDatePrecision: obj(byKey(s.eventsByPrecision)),
    eventsWithPlace: s.eventsWithPlace,
    eventsWithFatalities: s.eventsWithFatalities,
    eventClusters: s.eventClusters,
    fatalities: s.fatalities,
    quotes: { total: quotes, attributed: quotes - s.unattributedQuotes },
  }
}

const pct = (k: number, n: number) => (n === 0 ? '—' : `${Math.round((100 * k) / n)}%`)
const list = (m: Record<string, number>, top = TOP) => {
  const e = Object.entries(m)
  if (e.length === 0) return 'none'
  const shown = e
    .slice(0, top)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ')
  return e.length > top ? `${shown}, … (${e.length - top} more)` : shown
}

/** The figures as a few aligned lines for a terminal. */
export function formatStats(f: StatsFigures): string {
  const docs = f.rows.documents ?? 0
  const events = f.rows.events ?? 0
  const lines = [`dataset     ${f.dataset}`]
  if (f.inputs)
    lines.push(
      `inputs      ${f.inputs.seen} (= ${f.inputs.documents} documents + ${f.inputs.duplicates} duplicates + ${f.inputs.rejected} rejected)`,
    )
  lines.push(
    `documents   ${docs}, published ${f.published ? `${f.published.from} to ${f.published.to}` : '(no date)'}; date precision: ${list(f.documentsByPrecision)}`,
    `languages   ${list(f.languages)}`,
    `outlets     ${list(f.outlets)}`,
    `rows        ${list(f.rows, 99)}`,
    `rejects     ${f.rows.rejects ?? 0}${Object.keys(f.rejectsByReason).length > 0 ? `: ${list(f.rejectsByReason)}` : ''}`,
    `entities    ${f.rows.entities ?? 0}: ${list(f.entitiesByType)}; ${f.placesWithCoordinates} with coordinates`,
    `events      ${events} in ${f.eventClusters} real events (clusters across documents): ${list(f.eventsByType)}`,
    `            dated ${pct(events - (f.eventsByDatePrecision.undated ?? 0), events)} (${list(f.eventsByDatePrecision)}), placed ${pct(f.eventsWithPlace, events)}, with fatalities ${f.eventsWithFatalities} (${f.fatalities} dead, each real event counted once)`,
    `quotes      ${f.quotes.total}, ${f.quotes.attributed} with a speaker (${pct(f.quotes.attributed, f.quotes.total)})`,
  )
  return `${lines.join('\n')}\n`
}
