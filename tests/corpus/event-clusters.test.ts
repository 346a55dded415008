import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { EventsRow } from '../../pipeline/_generated/tables.js'
import {
  EventClusterIndex,
  type EventKey,
  eventKeyLine,
  eventKeyOf,
} from '../../pipeline/corpus/event-clusters.js'
import { DatasetWriter } from '../../pipeline/publish/dataset-writer.js'
import { SCRATCH } from '../../pipeline/publish/layout.js'
import { atomicRun } from '../../pipeline/publish/output.js'
import { build } from '../../pipeline/run.js'
import { stableId } from '../../pipeline/util/hash.js'
import { repo, runFacts, tempDir } from '../helpers.js'

const key = (over: Partial<EventKey>): EventKey => ({
  event_id: 'evt_0',
  doc_id: 'doc_a',
  event_type: 'attack',
  event_code: 'ASSAULT',
  event_mode: null,
  date_min: '2024-09-08',
  date_max: '2024-09-08',
  location_entity_id: 'djibo',
  actor_entity_ids: [],
  target_entity_ids: [],
  fatalities: 20,
  ...over,
})

const facts = (id: string) =>
  ({
    djibo: { type: 'place', country_code: 'BF' },
    arbinda: { type: 'place', country_code: 'BF' },
    bf: { type: 'country', country_code: 'BF' },
  })[id]

const clustersOf = (keys: readonly EventKey[]) => {
  const index = new EventClusterIndex()
  for (const k of keys) index.add(k)
  return index.clusters(facts)
}

describe('the same event across documents', () => {
  it('links two reports of one attack: same day, same place, tolls close', () => {
    const c = clustersOf([
      key({ event_id: 'evt_1' }),
      key({
        event_id: 'evt_2',
        doc_id: 'doc_b',
        fatalities: 22,
        date_min: '2024-09-01',
        date_max: '2024-09-30',
      }),
    ])
    expect(c.get('evt_1')).toEqual(c.get('evt_2'))
    expect(c.get('evt_1')?.size).toBe(2)
  })

  it('links a town and its country, never two towns, other days, other categories or far tolls', () => {
    expect(
      clustersOf([
        key({ event_id: 'evt_1' }),
        key({ event_id: 'evt_2', doc_id: 'doc_b', location_entity_id: 'bf' }),
      ]).size,
    ).toBe(2)
    const apart = (over: Partial<EventKey>) =>
      clustersOf([key({ event_id: 'evt_1' }), key({ event_id: 'evt_2', doc_id: 'doc_b', ...over })]).size
    expect(apart({ location_entity_id: 'arbinda' })).toBe(0)
    expect(apart({ date_min: '2024-09-20', date_max: '2024-09-20' })).toBe(0)
    expect(apart({ event_code: 'PROTEST', event_type: 'protest' })).toBe(0)
    expect(apart({ fatalities: 100 })).toBe(0)
    // the same document's events are never linked to each other
    expect(apart({ doc_id: 'doc_a' })).toBe(0)
    // a year is no date window
    expect(apart({ date_min: '2024-01-01', date_max: '2024-12-31' })).toBe(0)
  })

  it('needs a shared participant when a place is missing', () => {
    const both = (a: Partial<EventKey>, b: Partial<EventKey>) =>
      clustersOf([key({ event_id: 'evt_1', ...a }), key({ event_id: 'evt_2', doc_id: 'doc_b', ...b })]).size
    expect(both({ location_entity_id: null }, { location_entity_id: null })).toBe(0)
    expect(
      both({ location_entity_id: null, actor_entity_ids: ['jnim'] }, { actor_entity_ids: ['jnim'] }),
    ).toBe(2)
  })

  it('does not depend on the order events come in', () => {
    const keys = [
      key({ event_id: 'evt_3', doc_id: 'doc_c' }),
      key({ event_id: 'evt_1' }),
      key({ event_id: 'evt_2', doc_id: 'doc_b' }),
    ]
    const a = clustersOf(keys)
    const b = clustersOf([...keys].reverse())
    expect([...a.entries()].sort()).toEqual([...b.entries()].sort())
    expect(new Set([...a.values()].map((c) => c.cluster)).size).toBe(1)
  })
})

describe('cluster assignment by the order events were added (how the dataset writer reads it)', () => {
  it('gives each added event its cluster, and null to an event alone or without a date', () => {
    const index = new EventClusterIndex()
    const keys = [
      key({ event_id: 'evt_9', doc_id: 'doc_z' }),
      key({ event_id: 'evt_5', doc_id: 'doc_y', date_min: null, date_max: null }),
      key({ event_id: 'evt_4', doc_id: 'doc_x', location_entity_id: 'arbinda' }),
      key({ event_id: 'evt_2', doc_id: 'doc_b' }),
    ]
    for (const k of keys) index.add(k)
    const a = index.assign(facts)
    expect(a.length).toBe(4)
    // evt_9 and evt_2 link (same day, place and toll); the cluster is named after the smaller id
    expect(a.at(0)).toEqual({ cluster: stableId('evc', 'evt_2'), size: 2 })
    expect(a.at(3)).toEqual(a.at(0))
    expect(a.at(1)).toBeNull()
    expect(a.at(2)).toBeNull()
    expect(index.clusters(facts)).toEqual(
      new Map([
        ['evt_9', a.at(0)],
        ['evt_2', a.at(0)],
      ]),
    )
  })
})

describe('the places clustering asks about (what the dataset writer keeps of the entity table)', () => {
  it('placeIds names the places of the events that can link, and facts of those alone cluster the same', () => {
    const index = new EventClusterIndex()
    // a town and its country link across documents through the facts of both
    index.add(key({ event_id: 'evt_1', doc_id: 'doc_a', location_entity_id: 'djibo' }))
    index.add(key({ event_id: 'evt_2', doc_id: 'doc_b', location_entity_id: 'bf' }))
    // an event without a date never links: its place is never asked about
    index.add(
      key({
        event_id: 'evt_3',
        doc_id: 'doc_c',
        location_entity_id: 'arbinda',
        date_min: null,
        date_max: null,
      }),
    )
    index.add(key({ event_id: 'evt_4', doc_id: 'doc_d', location_entity_id: null }))
    expect([...index.placeIds()].sort()).toEqual(['bf', 'djibo'])
    const asked = new Set<string>()
    const only = (id: string) => {
      asked.add(id)
      return index.placeIds().has(id) ? facts(id) : undefined
    }
    const a = index.assign(only)
    expect(a.at(0)).toEqual({ cluster: stableId('evc', 'evt_1'), size: 2 })
    expect(a.at(1)).toEqual(a.at(0))
    expect([...asked].every((id) => index.placeIds().has(id))).toBe(true)
    expect(index.clusters(only)).toEqual(index.clusters(facts))
  })
})

describe('two outlets report one attack', () => {
  it('gives their attack rows one cluster, the same with several jobs', async () => {
    const input = join(repo, 'tests/corpus/fixtures/two-reports')
    const rows = async (jobs: number) => {
      const out = join(tempDir('clusters'), 'out')
      await build({ input, out, jobs })
      return readFileSync(join(out, 'data', 'events.jsonl'), 'utf8')
    }
    const text = await rows(1)
    const attacks = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as EventsRow)
      .filter((e) => e.event_code === 'ASSAULT')
    expect(attacks).toHaveLength(2)
    expect(new Set(attacks.map((e) => e.doc_id)).size).toBe(2)
    expect(attacks[0]!.event_cluster).toBe(attacks[1]!.event_cluster)
    expect(attacks.map((e) => e.event_cluster_size)).toEqual([2, 2])
    expect(attacks.map((e) => e.location_name)).toEqual(['Djibo', 'Djibo'])
    expect(await rows(2)).toBe(text)
  }, 60_000)
})

describe('event ids kept as numbers', () => {
  // ids of the stableId form are held as two 32-bit numbers; others (these tests' short ids) as strings
  it('gives back every id as it came (leading zeros kept) and names a cluster after its smallest id as a string', () => {
    const ids = ['evt_fffffffff0000000', 'evt_00000000000000ff', 'evt_0000000100000000', 'evt_0']
    const c = clustersOf(ids.map((event_id, k) => key({ event_id, doc_id: `doc_${k}` })))
    expect([...c.keys()].sort()).toEqual([...ids].sort())
    // 'evt_0' is a prefix of the others: the smallest in string order
    for (const id of ids) expect(c.get(id)).toEqual({ cluster: stableId('evc', 'evt_0'), size: 4 })
    const regular = ids.slice(0, 3)
    const d = clustersOf(regular.map((event_id, k) => key({ event_id, doc_id: `doc_${k}` })))
    // the smaller high half wins although its low half is the larger
    for (const id of regular) expect(d.get(id)?.cluster).toBe(stableId('evc', 'evt_00000000000000ff'))
  })
})

describe('the key spool: keys written as documents come, the index built once they are all done', () => {
  const committed = (): EventsRow[] =>
    readFileSync(join(repo, 'dist', 'data', 'events.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as EventsRow)

  it('gives back every key of the committed events exactly, and the same clusters', () => {
    const rows = committed()
    expect(rows.length).toBeGreaterThan(20)
    const back = rows.map((r) => eventKeyOf(JSON.parse(eventKeyLine(r))))
    for (const [k, r] of rows.entries())
      expect(back[k]).toEqual({
        event_id: r.event_id,
        doc_id: r.doc_id,
        event_type: r.event_type,
        event_code: r.event_code,
        event_mode: r.event_mode,
        date_min: r.date_min,
        date_max: r.date_max,
        location_entity_id: r.location_entity_id,
        actor_entity_ids: r.actor_entity_ids,
        target_entity_ids: r.target_entity_ids,
        fatalities: r.fatalities,
      })
    const linked = [key({ event_id: 'evt_1' }), key({ event_id: 'evt_2', doc_id: 'doc_b', fatalities: null })]
    const again = linked.map((k) => eventKeyOf(JSON.parse(eventKeyLine(k))))
    expect(clustersOf(again)).toEqual(clustersOf(linked))
    expect(clustersOf(again).size).toBe(2)
  })

  it('refuses a line that is not a key, saying so', () => {
    const line = JSON.parse(eventKeyLine(key({}))) as unknown[]
    expect(() => eventKeyOf(line.slice(0, 10))).toThrow(/event key spool: not an event key/)
    expect(() => eventKeyOf({ event_id: 'evt_1' })).toThrow(/not an event key/)
    const badToll = [...line]
    badToll[10] = '20'
    expect(() => eventKeyOf(badToll)).toThrow(/not an event key/)
  })

  it('a writer fed a build’s rows document by document writes its events table again, clusters included', async () => {
    const input = join(repo, 'tests/corpus/fixtures/two-reports')
    const built = join(tempDir('keys-built'), 'out')
    await build({ input, out: built, formats: ['jsonl'] })
    const table = (name: string) =>
      readFileSync(join(built, 'data', `${name}.jsonl`), 'utf8')
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => JSON.parse(l) as Record<string, unknown>)
    const docs = table('documents')
    const entities = table('entities')
    const of = (name: string, id: unknown) => table(name).filter((r) => r.doc_id === id)
    const again = join(tempDir('keys-again'), 'out')
    let spooled = false
    await atomicRun(again, { protect: [], force: false }, async (dir, parquet, hashes) => {
      const w = new DatasetWriter(dir, parquet, 0, hashes, ['jsonl'])
      for (const d of docs)
        w.addDocument(
          {
            documents: d,
            mentions: of('mentions', d.doc_id),
            quotes: of('quotes', d.doc_id),
            temporal_expressions: of('temporal_expressions', d.doc_id),
            // the clusters the build found are dropped: the writer must find them again
            events: of('events', d.doc_id).map((e) => ({
              ...e,
              event_cluster: null,
              event_cluster_size: null,
            })),
            event_mentions: of('event_mentions', d.doc_id),
          } as never,
          entities as never,
        )
      spooled = existsSync(join(dir, SCRATCH.eventKeys))
      await w.finish(runFacts(docs.length))
      expect(existsSync(join(dir, SCRATCH.eventKeys))).toBe(false)
      return {}
    })
    expect(spooled).toBe(true)
    const events = readFileSync(join(again, 'data', 'events.jsonl'), 'utf8')
    expect(events).toBe(readFileSync(join(built, 'data', 'events.jsonl'), 'utf8'))
    expect(events).toContain('"event_cluster_size":2')
  }, 60_000)
})
