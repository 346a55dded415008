/**
 * What `--out` may replace: a missing or empty folder, or the untouched output of an earlier build —
 * never a user's folder, the input or a folder holding it, nor a user's own `<out>.old-N` / `.tmp-N`.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { recover, SET_ASIDE_MARKER, STAGING_MARKER } from '../../pipeline/publish/atomic.js'
import { build } from '../../pipeline/run.js'
import { compiledCli } from '../hostile/cli.js'
import { seedNames, seedText, tempDir, writeTree } from '../hostile/fixtures.js'

const corpus = (dir: string) => writeTree(dir, { 'a.txt': seedText(seedNames()[0]!) })

describe('--out only replaces what a build made', () => {
  it('refuses a folder holding a user file, and leaves the file there', async () => {
    const root = tempDir('guard-user')
    corpus(join(root, 'in'))
    writeTree(join(root, 'thesis'), { 'chapter1.tex': '\\chapter{Introduction}' })
    await expect(build({ input: join(root, 'in'), out: join(root, 'thesis') })).rejects.toThrow(
      /not the output of an earlier build/,
    )
    expect(readFileSync(join(root, 'thesis', 'chapter1.tex'), 'utf8')).toBe('\\chapter{Introduction}')
    expect(readdirSync(root).sort()).toEqual(['in', 'thesis'])
  })

  it('the CLI exits 1 with one clear line, and --force replaces such a folder', () => {
    const root = tempDir('guard-cli')
    corpus(join(root, 'in'))
    writeTree(join(root, 'mine'), { 'notes.md': 'x' })
    const r = spawnSync(
      process.execPath,
      [compiledCli(), 'build', join(root, 'in'), '--out', join(root, 'mine')],
      {
        encoding: 'utf8',
      },
    )
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/--out .*mine exists and is not the output of an earlier build .*--force/)
    expect(existsSync(join(root, 'mine', 'notes.md'))).toBe(true)
    const f = spawnSync(
      process.execPath,
      [compiledCli(), 'build', join(root, 'in'), '--out', join(root, 'mine'), '--force', '--quiet'],
      { encoding: 'utf8' },
    )
    expect(f.status).toBe(0)
    expect(existsSync(join(root, 'mine', 'notes.md'))).toBe(false)
    expect(existsSync(join(root, 'mine', 'manifest.json'))).toBe(true)
  })

  it('never replaces the input or a folder that contains it, even with --force', async () => {
    const root = tempDir('guard-parent')
    corpus(join(root, 'corpus', 'in'))
    for (const out of [join(root, 'corpus'), join(root, 'corpus', 'in'), root])
      await expect(build({ input: join(root, 'corpus', 'in'), out, force: true })).rejects.toThrow(
        /would delete the input/,
      )
    expect(readFileSync(join(root, 'corpus', 'in', 'a.txt'), 'utf8')).toBe(seedText(seedNames()[0]!))
  })

  it('replaces its own earlier output and an empty folder; refuses it once a user adds a file', async () => {
    const root = tempDir('guard-own')
    corpus(join(root, 'in'))
    mkdirSync(join(root, 'out'))
    expect((await build({ input: join(root, 'in'), out: join(root, 'out') })).output).toBe('replaced')
    writeTree(join(root, 'in'), { 'b.txt': seedText(seedNames()[1]!) })
    expect((await build({ input: join(root, 'in'), out: join(root, 'out') })).output).toBe('replaced')
    writeFileSync(join(root, 'out', 'my-analysis.ipynb'), '{}')
    await expect(build({ input: join(root, 'in'), out: join(root, 'out') })).rejects.toThrow(
      /my-analysis\.ipynb/,
    )
    expect(existsSync(join(root, 'out', 'my-analysis.ipynb'))).toBe(true)
  })

  it('accepts --out with a trailing slash as the same folder', async () => {
    const root = tempDir('guard-slash')
    corpus(join(root, 'in'))
    await build({ input: join(root, 'in'), out: `${join(root, 'out')}/` })
    await build({ input: join(root, 'in'), out: `${join(root, 'out')}/` })
    expect(readdirSync(root).sort()).toEqual(['in', 'out'])
    expect(existsSync(join(root, 'out', 'manifest.json'))).toBe(true)
  })
})

describe('recover() cleans only its own leftovers', () => {
  it("leaves a user's <out>.old-N and <out>.tmp-N folders alone", async () => {
    const root = tempDir('guard-old')
    corpus(join(root, 'in'))
    const out = join(root, 'dist')
    writeTree(`${out}.old-1`, { 'backup.csv': 'a,b' })
    writeTree(`${out}.tmp-2`, { 'draft.txt': 'x' })
    await build({ input: join(root, 'in'), out })
    expect(readFileSync(`${out}.old-1/backup.csv`, 'utf8')).toBe('a,b')
    expect(readFileSync(`${out}.tmp-2/draft.txt`, 'utf8')).toBe('x')
    // and, with no output, a user's .old-N is not taken for a set-aside output
    const out2 = join(root, 'other')
    writeTree(`${out2}.old-3`, { 'mine.txt': 'y' })
    recover(out2)
    expect(existsSync(out2)).toBe(false)
    expect(readFileSync(`${out2}.old-3/mine.txt`, 'utf8')).toBe('y')
  })

  it('puts back its own set-aside output and drops its own staging folders', async () => {
    const root = tempDir('guard-own-old')
    corpus(join(root, 'in'))
    const out = join(root, 'dist')
    await build({ input: join(root, 'in'), out })
    const sums = readFileSync(join(out, 'SHA256SUMS'), 'utf8')
    // a dead build's state, as commit() leaves it between its two renames
    writeFileSync(join(out, SET_ASIDE_MARKER), '999999\n')
    renameSync(out, `${out}.old-999999`)
    writeTree(`${out}.tmp-999998`, { [STAGING_MARKER]: '999998\n', half: 'x' })
    mkdirSync(`${out}.tmp-999997`) // killed between mkdir and its marker: empty
    recover(out)
    expect(readFileSync(join(out, 'SHA256SUMS'), 'utf8')).toBe(sums)
    expect(existsSync(join(out, SET_ASIDE_MARKER))).toBe(false)
    expect(readdirSync(root).sort()).toEqual(['dist', 'in'])
  })
})
