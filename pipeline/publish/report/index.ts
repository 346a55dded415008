/** `report.html`: the dataset at a glance, written into an output folder from its own published files. */
import { writeFileSync } from 'node:fs'
import type { DatasetMetadata } from '../../metadata/dataset.js'
import { FILES, inside } from '../layout.js'
import { collectStats, type DatasetStats } from '../stats.js'
import { charts } from './charts.js'
import { reportPage } from './html.js'
import { placesMap, planMap } from './map.js'

/** Writes the report of a folder, from figures gathered while it was written or else read from its files. */
export async function writeReport(
  dir: string,
  dataset: DatasetMetadata,
  given?: DatasetStats,
): Promise<void> {
  const stats = given ?? (await collectStats(dir))
  const plan = planMap(stats.mappable, stats.unmappedPlaces)
  const page = reportPage({
    dataset,
    stats,
    charts: await charts(stats),
    map: {
      svg: placesMap(stats.mappable)?.svg ?? null,
      points: plan.points.length,
      countries: plan.shaded.length,
      unplaced: plan.unplaced.map((e) => ({ name: e.name, type: e.type, mentions: e.n_mentions })),
      unplacedCount: plan.unplacedCount,
    },
  })
  writeFileSync(inside(dir, FILES.report), page)
}
