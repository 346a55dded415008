/**
 * Workers run with a capped heap (`WORKER_HEAP_MB`), so that their lazily collected heaps do not grow
 * to a gigabyte each; an input larger than such a heap holds is done in the main thread from the start,
 * in both passes, so no worker runs out of heap (which can abort the whole process: nodejs/node#47224).
 * With a cap that a long article exceeds, the dataset is byte for byte the one-job build.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { longArticle } from '../../bench/make-long-article.js'
import { build } from '../../pipeline/run.js'
import { seedNames, seedsDir, tempDir } from '../helpers.js'

describe('worker heap', () => {
  it('does the article too long for a worker in the main thread: same dataset as one job', async () => {
    const root = tempDir('worker-heap')
    const input = join(root, 'in')
    mkdirSync(input)
    const names = seedNames()
    for (const name of names) copyFileSync(join(seedsDir, name), join(input, name))
    // about 1.5 MB of text: some 180 MB of working memory beside a worker's 70 MB of reference data
    writeFileSync(join(input, 'long.txt'), longArticle(seedsDir, 1_500_000))
    const one = await build({ input, out: join(root, 'one'), jobs: 1 })
    const two = await build({ input, out: join(root, 'two'), jobs: 2, workerHeapMb: 100 })
    expect(one).toMatchObject({ inlineBySize: 0, retriedInline: 0 })
    // the long article, once in each pass; the seeds go to the workers
    expect(two).toMatchObject({ inlineBySize: 2, retriedInline: 0 })
    expect(two.documents).toBe(one.documents)
    expect(two.documents + two.rejected + two.duplicates).toBe(names.length + 1)
    expect(readFileSync(join(root, 'two', 'SHA256SUMS'), 'utf8')).toBe(
      readFileSync(join(root, 'one', 'SHA256SUMS'), 'utf8'),
    )
    expect(readdirSync(join(root, 'two', 'data')).length).toBeGreaterThan(0)
  }, 300_000)
})
