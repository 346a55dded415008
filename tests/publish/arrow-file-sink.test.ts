/**
 * A failed write of an Arrow file (a full disk) reaches the caller as an error naming the file and its
 * code, from `write` or `close`; never as an uncaught error event that kills the run with a stack trace.
 * `/dev/full` (Linux) answers every write with ENOSPC.
 */
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { type RecordBatch, Table, tableToIPC } from 'apache-arrow'
import { describe, expect, it } from 'vitest'
import { ArrowFileSink } from '../../pipeline/publish/arrow-file-sink.js'
import { RecordBatcher, TableWriter } from '../../pipeline/publish/table-writer.js'
import { SINK_BYTES } from '../../pipeline/publish/text-sink.js'
import { tempDir } from '../hostile/fixtures.js'

const FULL = '/dev/full'

const entity = (k: number) => ({
  entity_id: `ent_${k.toString(16).padStart(16, '0')}`,
  name: `Entité ${k}`,
  type: 'person',
  n_documents: 1,
  n_mentions: 1,
})

describe.skipIf(!existsSync(FULL))('a full disk under an Arrow file', () => {
  it('close() rejects with ENOSPC and the file’s path', async () => {
    const sink = new ArrowFileSink(FULL)
    const b = new RecordBatcher('entities')
    b.append(entity(1))
    sink.write(b.flush())
    await expect(sink.close()).rejects.toMatchObject({
      code: 'ENOSPC',
      message: expect.stringMatching(/^writing \/dev\/full: .*ENOSPC/),
    })
  })

  it('a table writer stops at its next batch, and its close rejects', async () => {
    const dir = tempDir('arrow-full')
    const w = new TableWriter('entities', {
      csv: join(dir, 'entities.csv'),
      jsonl: join(dir, 'entities.jsonl'),
      arrow: FULL,
    })
    let thrown: unknown = null
    try {
      // batches are cut every 4,096 rows: the first one's failure is seen by a later one
      for (let k = 0; k < 50_000; k++) {
        w.appendRow(entity(k))
        if (k % 4096 === 0) await new Promise((r) => setImmediate(r))
      }
    } catch (e) {
      thrown = e
    }
    expect(thrown).toMatchObject({ code: 'ENOSPC' })
    await expect(w.close()).rejects.toMatchObject({ code: 'ENOSPC' })
  })
})

describe('an Arrow file written as its batches come', () => {
  it('has each batch on disk when write returns, without the event loop turning: nothing queues in memory', async () => {
    const dir = tempDir('arrow-sync')
    const path = join(dir, 'entities.arrow')
    const sink = new ArrowFileSink(path)
    const batches: RecordBatch[] = []
    // one batcher, as a table's: each batch's dictionaries extend the earlier ones
    const batcher = new RecordBatcher('entities')
    for (let b = 0; b < 8; b++) {
      for (let k = 0; k < 4096; k++) batcher.append(entity(b * 4096 + k))
      batches.push(batcher.flush())
    }
    let written = 0
    for (const batch of batches) {
      sink.write(batch)
      written += tableToIPC(new Table(batch), 'stream').byteLength
      // at most the sink's buffer is still in memory (no await since the first write)
      expect(statSync(path).size).toBeGreaterThan(written - SINK_BYTES - 64 * 1024)
    }
    expect(written).toBeGreaterThan(4 * SINK_BYTES)
    await sink.close()
    // the file apache-arrow's own writer makes of the same batches, byte for byte
    expect(readFileSync(path).equals(Buffer.from(tableToIPC(new Table(batches), 'file')))).toBe(true)
  })
})
