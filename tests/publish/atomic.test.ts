/**
 * The staging folder keeps its marker until it is gone or has become the output, so a build killed
 * inside `commit()` leaves nothing `recover()` would not clean, and nothing the next build refuses.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  commit,
  createStaging,
  discardStaging,
  recover,
  SET_ASIDE_MARKER,
  STAGING_MARKER,
} from '../../pipeline/publish/atomic.js'
import { build } from '../../pipeline/run.js'
import { seedNames, seedText, tempDir, writeTree } from '../hostile/fixtures.js'

const corpus = (dir: string) => writeTree(dir, { 'a.txt': seedText(seedNames()[0]!) })

/** A built output and its SHA256SUMS. */
async function built(name: string) {
  const root = tempDir(name)
  corpus(join(root, 'in'))
  const out = join(root, 'dist')
  await build({ input: join(root, 'in'), out })
  return { root, out, sums: readFileSync(join(out, 'SHA256SUMS'), 'utf8') }
}

describe('commit() never leaves an unmarked staging folder', () => {
  it('a commit cut while comparing with the old output leaves the staging folder marked, and recover() removes it', async () => {
    const { root, out } = await built('atomic-compare')
    const staging = createStaging(out)
    cpSync(out, staging, { recursive: true })
    // reading the old output's SHA256SUMS fails (here: a folder where the file should be) — as a kill
    // would stop the comparison at that point
    const other = join(root, 'other')
    cpSync(out, other, { recursive: true })
    const sums = join(other, 'SHA256SUMS')
    rmSync(sums)
    mkdirSync(sums)
    expect(() => commit(staging, other)).toThrow()
    expect(existsSync(join(staging, STAGING_MARKER))).toBe(true)
    recover(out)
    expect(existsSync(staging)).toBe(false)
  })

  it("an unchanged output's staging folder is discarded whole, marker included", async () => {
    const { root, out } = await built('atomic-discard')
    const staging = createStaging(out)
    cpSync(out, staging, { recursive: true })
    expect(readdirSync(staging)).toContain(STAGING_MARKER)
    expect(commit(staging, out)).toBe('unchanged')
    expect(readdirSync(root).sort()).toEqual(['dist', 'in'])
    // discardStaging on its own: nothing else survives it, and a folder it never reached is untouched
    const again = createStaging(out)
    writeTree(again, { 'data/x.csv': 'a\n' })
    discardStaging(again)
    expect(existsSync(again)).toBe(false)
    discardStaging(again)
  })

  it('a build killed after renaming its staging folder to the output, before unmarking it: the next build accepts the output', async () => {
    const { root, out, sums } = await built('atomic-renamed')
    // the state commit() leaves between `rename(staging, out)` and removing the marker from `out`
    writeFileSync(join(out, STAGING_MARKER), '999999\n')
    recover(out)
    expect(existsSync(join(out, STAGING_MARKER))).toBe(false)
    expect(readFileSync(join(out, 'SHA256SUMS'), 'utf8')).toBe(sums)
    // and through a build, which checks the output is its own before recovering it
    writeFileSync(join(out, STAGING_MARKER), '999999\n')
    const summary = await build({ input: join(root, 'in'), out })
    expect(summary.output).toBe('unchanged')
    expect(readdirSync(out)).not.toContain(STAGING_MARKER)
    expect(readdirSync(root).sort()).toEqual(['dist', 'in'])
  })

  it('a build killed after marking the old output, before setting it aside: the next build accepts it', async () => {
    const { root, out, sums } = await built('atomic-marked')
    writeFileSync(join(out, SET_ASIDE_MARKER), '999999\n')
    const summary = await build({ input: join(root, 'in'), out })
    expect(summary.output).toBe('unchanged')
    expect(readdirSync(out)).not.toContain(SET_ASIDE_MARKER)
    expect(readFileSync(join(out, 'SHA256SUMS'), 'utf8')).toBe(sums)
  })

  it('a replaced output carries no marker, and the set-aside output is gone', async () => {
    const { root, out } = await built('atomic-replace')
    writeTree(join(root, 'in'), { 'b.txt': seedText(seedNames()[1]!) })
    const summary = await build({ input: join(root, 'in'), out })
    expect(summary.output).toBe('replaced')
    expect(readdirSync(out)).not.toContain(STAGING_MARKER)
    expect(readdirSync(out)).not.toContain(SET_ASIDE_MARKER)
    expect(readdirSync(root).sort()).toEqual(['dist', 'in'])
  })
})
