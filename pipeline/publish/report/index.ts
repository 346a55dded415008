/** `report.html`: the dataset at a glance, written into an output folder from its own published files. */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { collectStats } from '../stats.js'
import { charts } from './charts.js'
import { reportPage } from './html.js'
import { placeable, placesMap } from './map.js'

export const REPORT_FILE = 'report.html'

export async function writeReport(dir: string, version: string): Promise<void> {
  const stats = await collectStats(dir)
  const places = placeable(stats.entities).length
  const page = reportPage({
    version,
    stats,
    charts: await charts(stats),
    map: { svg: places > 0 ? placesMap(stats.entities) : null, places },
  })
  writeFileSync(join(dir, REPORT_FILE), page)
}
