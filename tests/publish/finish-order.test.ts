/**
 * The finish of a build (`DatasetWriter.finish`) runs in the receiving thread for seconds on a large
 * corpus: it indexes and clusters the events, then writes them. The Parquet pool's threads get their next
 * conversion only when that thread hears that the last one ended, so the finish must queue the tables that
 * are complete first and let the event loop turn while it writes the events; else the pool idles until
 * the events are written (20,000 bench articles at two jobs: the other tables were converted only after).
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { EventsRow } from '../../pipeline/_generated/tables.js'
import { DatasetWriter } from '../../pipeline/publish/dataset-writer.js'
import { spoolEvents } from '../../pipeline/publish/event-spool.js'
import { atomicRun } from '../../pipeline/publish/output.js'
import { runFacts, tempDir } from '../helpers.js'
import { twoReportsTables } from './two-reports.js'

describe('the finish of a build', () => {
  it('queues the complete tables first and lets the event loop turn while it writes the events', async () => {
    const table = await twoReportsTables('finish-built')
    const doc = table('documents')[0]!
    const event = { ...table('events')[0]!, event_cluster: null, event_cluster_size: null }
    const docs = 40
    const perDoc = 250

    const out = join(tempDir('finish-out'), 'out')
    const seen: { events: number; turns: number; files: number }[] = []
    let turns = 0
    let turning = true
    const turn = () => {
      turns++
      if (turning) setImmediate(turn)
    }
    await atomicRun(
      out,
      { protect: [], force: false },
      async (dir, parquet, hashes) => {
        const w = new DatasetWriter(dir, parquet, 0, hashes, ['jsonl', 'parquet'])
        for (let d = 0; d < docs; d++) {
          const docId = `${doc.doc_id as string}_${d}`
          const events = Array.from(
            { length: perDoc },
            (_, k) => ({ ...event, doc_id: docId, event_id: `evt_${d}_${k}` }) as unknown as EventsRow,
          )
          const rows = {
            documents: { ...doc, doc_id: docId },
            mentions: [],
            quotes: [],
            temporal_expressions: [],
            events: [],
            event_mentions: [],
          }
          w.addDocument(rows as never, [], spoolEvents(doc.published as string | null, events))
        }
        w.onEventsWritten = (events) => seen.push({ events, turns, files: parquet.files })
        setImmediate(turn)
        const counts = await w.finish(runFacts(docs))
        turning = false
        return counts
      },
      2,
    )
    const first = seen[0]!
    const last = seen.at(-1)!
    expect(first.events).toBe(0)
    expect(last.events).toBe(docs * perDoc)
    // every table but the events was queued for Parquet before the first event was written: the five
    // complete at once with their by-year partitions, then the entity table
    expect(first.files).toBeGreaterThanOrEqual(6)
    // the loop turned while the events were written (a synchronous loop leaves `turns` as it was)
    expect(last.turns).toBeGreaterThan(first.turns + 2)
  })
})
