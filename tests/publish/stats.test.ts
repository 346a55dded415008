/**
 * The dataset's figures count real events once: rows of several documents that report one event share
 * an `event_cluster`, and the fatality total takes each cluster's toll once (a sum over rows counted an
 * attack told by ten outlets ten times).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { EntitiesRow, EventsRow } from '../../pipeline/_generated/tables.js'
import { collectStats, StatsCollector, TOP_ENTITIES, UNMAPPED_SHOWN } from '../../pipeline/publish/stats.js'
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

describe('stats: the entities the report needs, in memory bounded whatever the corpus', () => {
  const entity = (k: number, over: Partial<EntitiesRow> = {}): EntitiesRow => ({
    entity_id: `ent_${String(k).padStart(6, '0')}`,
    name: `Nom ${k}`,
    type: 'person',
    country_code: null,
    wikidata_id: null,
    geonames_id: null,
    latitude: null,
    longitude: null,
    source: 'inferred',
    n_documents: 1,
    n_mentions: 1 + (k % 97),
    ...over,
  })

  it('keeps every mappable place, the first unmapped places with their number, and short top lists', () => {
    const s = new StatsCollector()
    const N = 20_000
    for (let k = 0; k < N; k++) {
      const kind = k % 4
      if (kind === 0) s.add('entities', entity(k))
      else if (kind === 1)
        s.add('entities', entity(k, { type: 'place' })) // no coordinates
      else if (kind === 2 && k < 400)
        s.add('entities', entity(k, { type: 'place', latitude: 12, longitude: -8, country_code: 'ML' }))
      else s.add('entities', entity(k, { type: 'organization', n_mentions: 0 }))
    }
    // two persons with one name: the one with more mentions is listed, once
    s.add('entities', entity(N, { name: 'Homonyme', n_mentions: 500 }))
    s.add('entities', entity(N + 1, { name: 'Homonyme', n_mentions: 400 }))
    const r = s.result()
    expect(r.rows.entities).toBe(N + 2)
    expect(r.entitiesByType.get('person')).toBe(N / 4 + 2)
    expect(r.entitiesWithCoordinates).toBe(100)
    // the map: the 100 places with coordinates; the 5,000 without, 40 of them named
    expect(r.mappable).toHaveLength(100)
    expect(r.unmappedPlaces.count).toBe(N / 4)
    expect(r.unmappedPlaces.first).toHaveLength(UNMAPPED_SHOWN)
    const most = r.unmappedPlaces.first.map((e) => e.n_mentions)
    expect(most).toEqual([...most].sort((a, b) => b - a))
    expect(most[0]).toBe(97)
    // top lists: TOP_ENTITIES each, most mentioned first, a name once; none of the unmentioned
    const people = r.topEntities.get('person')!
    expect(people).toHaveLength(TOP_ENTITIES)
    expect(people[0]).toMatchObject({ name: 'Homonyme', n_mentions: 500 })
    expect(people.filter((e) => e.name === 'Homonyme')).toHaveLength(1)
    expect(people[1]!.n_mentions).toBe(97)
    expect(r.topEntities.get('organization') ?? []).toEqual([])
  })
})
