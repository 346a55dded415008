/**
 * Workers run with a capped heap (`WORKER_HEAP_MB`), so that their lazily collected heaps do not
 * grow to a gigabyte each; an article too long for it is done again in the main thread. With a cap
 * that a long article exceeds, the dataset is byte for byte the one-job build, and the retry is counted.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { longArticle } from '../../bench/make-long-article.js'
import { build } from '../../pipeline/run.js'
import { seedNames, seedsDir, tempDir } from '../helpers.js'

describe('worker heap', () => {
  it('retries in the main thread the batch whose worker ran out of heap: same dataset as one job', async () => {
    const root = tempDir('worker-heap')
    const input = join(root, 'in')
    mkdirSync(input)
    const names = seedNames()
    for (const name of names) copyFileSync(join(seedsDir, name), join(input, name))
    // about 1.5 MB of text: some 180 MB of working memory beside a worker's 70 MB of reference data
    writeFileSync(join(input, 'long.txt'), longArticle(seedsDir, 1_500_000))
    const one = await build({ input, out: join(root, 'one'), jobs: 1 })
    const two = await build({ input, out: join(root, 'two'), jobs: 2, workerHeapMb: 100 })
    expect(one.retriedInline).toBe(0)
    expect(two.retriedInline).toBeGreaterThanOrEqual(1)
    expect(two.documents).toBe(one.documents)
    expect(two.documents + two.rejected + two.duplicates).toBe(names.length + 1)
    expect(readFileSync(join(root, 'two', 'SHA256SUMS'), 'utf8')).toBe(
      readFileSync(join(root, 'one', 'SHA256SUMS'), 'utf8'),
    )
    expect(readdirSync(join(root, 'two', 'data')).length).toBeGreaterThan(0)
  }, 300_000)
})
