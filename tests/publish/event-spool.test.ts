/**
 * A document's events reach the dataset writer as spool lines written by the worker
 * (`publish/event-spool.ts`). The dataset must be the one written from the event rows themselves: as
 * they are, with a correction to an event, and with a correction that files the document under another
 * year.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { EventsRow } from '../../pipeline/_generated/tables.js'
import { type Correction, Corrections } from '../../pipeline/corrections/corrections.js'
import { DatasetWriter } from '../../pipeline/publish/dataset-writer.js'
import { eventsOf, spoolEvents } from '../../pipeline/publish/event-spool.js'
import { yearOf } from '../../pipeline/publish/layout.js'
import { atomicRun } from '../../pipeline/publish/output.js'
import { runFacts, tempDir } from '../helpers.js'
import { twoReportsTables } from './two-reports.js'

describe('the event spool lines of a document', () => {
  it('give back the rows they were written from, under the document’s year', () => {
    const row = {
      event_id: 'evt_1',
      doc_id: 'doc_a',
      evidence: 'Un « convoi » attaqué près de Kidal.',
      actor_entity_ids: ['ent_1'],
      fatalities: 12,
    } as unknown as EventsRow
    const s = spoolEvents('2023-05-02', [row, row])
    expect(s.year).toBe('2023')
    expect(s.rows).toHaveLength(2)
    expect(s.keys).toHaveLength(2)
    expect(eventsOf(s)).toEqual([row, row])
    expect(yearOf(null)).toBe('__HIVE_DEFAULT_PARTITION__')
    expect(spoolEvents(null, [row]).year).toBe('__HIVE_DEFAULT_PARTITION__')
  })

  it('write the dataset the rows write, with and without corrections', async () => {
    const table = await twoReportsTables('spool-built')
    const docs = table('documents')
    const entities = table('entities')
    const of = (name: string, id: unknown) => table(name).filter((r) => r.doc_id === id)
    const eventsOfDoc = (id: unknown) =>
      of('events', id).map((e) => ({
        ...e,
        event_cluster: null,
        event_cluster_size: null,
      })) as unknown as EventsRow[]
    const firstEvent = table('events')[0]!
    const eventDoc = docs.find((d) => d.doc_id === firstEvent.doc_id)!
    expect(eventDoc.published).not.toBeNull()

    /** The dataset written from the rows, the events given as rows or as spool lines; its checksums. */
    const write = async (name: string, corrections: Correction[], spooled: boolean) => {
      const out = join(tempDir(name), 'out')
      await atomicRun(out, { protect: [], force: false }, async (dir, parquet, hashes) => {
        const w = new DatasetWriter(dir, parquet, 0, hashes, ['jsonl', 'parquet'])
        w.corrections = new Corrections(corrections)
        for (const d of docs) {
          const events = eventsOfDoc(d.doc_id)
          const rows = {
            documents: d,
            mentions: of('mentions', d.doc_id),
            quotes: of('quotes', d.doc_id),
            temporal_expressions: of('temporal_expressions', d.doc_id),
            events: spooled ? [] : events,
            event_mentions: of('event_mentions', d.doc_id),
          }
          w.addDocument(
            rows as never,
            entities as never,
            spooled ? spoolEvents(d.published as string | null, events) : undefined,
          )
        }
        await w.finish(runFacts(docs.length))
        return {}
      })
      return { out, sums: readFileSync(join(out, 'SHA256SUMS'), 'utf8') }
    }
    const correction = (c: Partial<Correction>): Correction =>
      ({ line: 2, given: '', reason: 'checked by hand', source: 'test', ...c }) as Correction

    const cases: [string, Correction[]][] = [
      ['none', []],
      [
        'an event',
        [correction({ table: 'events', id: firstEvent.event_id as string, field: 'fatalities', value: 77 })],
      ],
      [
        'the year',
        [
          correction({
            table: 'documents',
            id: eventDoc.doc_id as string,
            field: 'published',
            value: '1999-01-02',
          }),
        ],
      ],
    ]
    for (const [name, list] of cases) {
      const fromRows = await write(`spool-rows-${name}`, list, false)
      const fromLines = await write(`spool-lines-${name}`, list, true)
      expect(fromLines.sums, name).toBe(fromRows.sums)
      const events = readFileSync(join(fromLines.out, 'data', 'events.jsonl'), 'utf8')
      if (name === 'an event') expect(events).toContain('"fatalities":77')
      if (name === 'the year')
        expect(existsSync(join(fromLines.out, 'data', 'by-year', 'events', 'published_year=1999'))).toBe(true)
    }
  }, 120_000)
})
