/**
 * A failed write of an Arrow file (a full disk) reaches the caller as an error naming the file and its
 * code, from `write` or `close`; never as an uncaught error event that kills the run with a stack trace.
 * `/dev/full` (Linux) answers every write with ENOSPC.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ArrowFileSink } from '../../pipeline/publish/arrow-file-sink.js'
import { RecordBatcher, TableWriter } from '../../pipeline/publish/table-writer.js'
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
