/**
 * `collectGarbage` runs a full collection in a process started without `--expose-gc`, and leaves no
 * `gc` global behind; a build collects every COLLECT_EVERY documents of pass 2, with one job or several, with or without a
 * progress callback (an optional call `f?.(++done)` once skipped the count with no callback, so a
 * quiet build collected after every document and ran four times slower).
 */
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { repo, seedsDir, tempDir } from '../helpers.js'

const calls = vi.hoisted(() => ({ n: 0 }))
vi.mock('../../pipeline/util/collect.js', () => ({
  collectGarbage: () => {
    calls.n++
    return true
  },
}))

describe('collectGarbage', () => {
  it('frees what nothing holds, in a process without --expose-gc, and exposes no gc', () => {
    const script = `
      import { collectGarbage } from ${JSON.stringify(join(repo, 'build/pipeline/util/collect.js'))}
      let junk = Array.from({ length: 2_000_000 }, (_, i) => ({ i }))
      const before = process.memoryUsage().heapUsed
      junk = null
      const ran = collectGarbage()
      const after = process.memoryUsage().heapUsed
      console.log(JSON.stringify({ ran, before, after, exposed: typeof globalThis.gc }))`
    const out = JSON.parse(
      execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }),
    )
    expect(out.ran).toBe(true)
    expect(out.exposed).toBe('undefined')
    // two million small objects are some 60 MB; a full collection frees most of them
    expect(out.before - out.after).toBeGreaterThan(40 * 2 ** 20)
  })
})

describe('a build collects by documents done, not at every document', () => {
  it('with workers and no progress callback: no collection for a corpus under COLLECT_EVERY documents', async () => {
    const { build } = await import('../../pipeline/run.js')
    calls.n = 0
    const s = await build({ input: seedsDir, out: join(tempDir('collect'), 'out'), jobs: 2 })
    expect(s.documents).toBeGreaterThan(1)
    expect(calls.n).toBe(0)
  })

  it('with one job as with workers: every `collectEvery` documents of pass 2', async () => {
    const { build } = await import('../../pipeline/run.js')
    for (const jobs of [1, 2]) {
      calls.n = 0
      const s = await build({
        input: seedsDir,
        out: join(tempDir('collect-every'), 'out'),
        jobs,
        collectEvery: 2,
      })
      expect(s.documents).toBeGreaterThanOrEqual(4)
      expect(calls.n, `${jobs} job(s)`).toBe(Math.floor((s.documents + s.rejected) / 2))
    }
  })
})
