/**
 * The run's Parquet conversions: on worker threads, side by side, the same bytes as in this thread;
 * scratch Arrow files removed once converted; a failed conversion raised, never a hung run.
 */
import { copyFileSync, existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ParquetJobs } from '../../pipeline/publish/parquet-jobs.js'
import { TableWriter } from '../../pipeline/publish/table-writer.js'
import { repo, tempDir } from '../helpers.js'

/** The committed dataset's rows of a table, written to an Arrow file in `dir`. */
async function arrowOf(table: 'documents' | 'mentions', dir: string): Promise<string> {
  const rows = readFileSync(join(repo, 'dist', 'data', `${table}.jsonl`), 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>)
  const arrow = join(dir, `${table}.arrow`)
  const w = new TableWriter(table, {
    csv: join(dir, `${table}.csv`),
    jsonl: join(dir, `${table}.jsonl`),
    arrow,
  })
  w.append(rows as never)
  await w.close()
  return arrow
}

describe('ParquetJobs', () => {
  it('converts on two threads to the bytes one thread gives, and removes scratch files', async () => {
    const dir = tempDir('parquet-jobs')
    const sources = [await arrowOf('documents', dir), await arrowOf('mentions', dir)]
    const one = new ParquetJobs(1)
    for (const a of sources) one.add({ arrow: a, parquet: `${a}.one.parquet`, removeArrow: false })
    await one.done()
    // scratch copies, converted on two threads and removed
    const two = new ParquetJobs(2)
    for (const a of sources) {
      copyFileSync(a, `${a}.scratch`)
      two.add({ arrow: `${a}.scratch`, parquet: `${a}.two.parquet`, removeArrow: true })
    }
    await two.done()
    for (const a of sources) {
      expect(readFileSync(`${a}.two.parquet`).equals(readFileSync(`${a}.one.parquet`))).toBe(true)
      expect(readFileSync(`${a}.one.parquet`).subarray(0, 4).toString()).toBe('PAR1')
      expect(existsSync(`${a}.scratch`)).toBe(false)
      expect(existsSync(a)).toBe(true)
    }
  })

  it('raises a failed conversion from done(), on threads or not', async () => {
    const dir = tempDir('parquet-jobs-fail')
    const good = await arrowOf('documents', dir)
    for (const threads of [1, 2]) {
      const jobs = new ParquetJobs(threads)
      jobs.add({ arrow: good, parquet: join(dir, `ok-${threads}.parquet`), removeArrow: false })
      jobs.add({
        arrow: join(dir, 'missing.arrow'),
        parquet: join(dir, `bad-${threads}.parquet`),
        removeArrow: false,
      })
      await expect(jobs.done()).rejects.toThrow(/missing\.arrow|ENOENT/)
    }
  })
})
