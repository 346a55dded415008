/**
 * The dataset's figures count real events once: rows of several documents that report one event share
 * an `event_cluster`, and the fatality total takes each cluster's toll once (a sum over rows counted an
 * attack told by ten outlets ten times).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { EventsRow } from '../../pipeline/_generated/tables.js'
import { collectStats, StatsCollector } from '../../pipeline/publish/stats.js'
import { repo } from '../helpers.js'

const event = (event_cluster: string, event_cluster_size: number, fatalities: number | null) =>
  ({
    event_cluster,
    event_cluster_size,
    fatalities,
    event_type: 'ATTACK',
    date: null,
    date_precision: null,
    location_entity_id: null,
  }) as unknown as EventsRow

describe('stats: real events and their tolls counted once', () => {
  it('a toll reported by three documents counts once; rows without a toll do not lower it', () => {
    const s = new StatsCollector()
    // one attack told by three outlets (one of them gives no toll), another alone, one without a toll
    for (const e of [
      event('evc_a', 3, 12),
      event('evc_a', 3, null),
      event('evc_a', 3, 12),
      event('evc_b', 1, 5),
      event('evc_c', 2, null),
      event('evc_c', 2, null),
    ])
      s.add('events', e)
    const r = s.result()
    expect(r.rows.events).toBe(6)
    expect(r.eventsWithFatalities).toBe(3)
    expect(r.eventClusters).toBe(3)
    expect(r.fatalities).toBe(17)
  })

  it('on the committed dataset: distinct clusters and the sum of one toll a cluster, read from the rows', async () => {
    const rows = readFileSync(join(repo, 'dist', 'data', 'events.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as EventsRow)
    const tolls = new Map<string, number>()
    for (const e of rows)
      if (e.fatalities !== null)
        tolls.set(e.event_cluster, Math.max(tolls.get(e.event_cluster) ?? 0, e.fatalities))
    const s = await collectStats(join(repo, 'dist'))
    expect(s.eventClusters).toBe(new Set(rows.map((e) => e.event_cluster)).size)
    expect(s.fatalities).toBe([...tolls.values()].reduce((a, b) => a + b, 0))
  })
})
