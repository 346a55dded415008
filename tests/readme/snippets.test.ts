/**
 * Every code block of README.md runs as pasted, in README order, from the repository folder, against
 * the built `dist/` (which `make test` has just shown equal to a fresh build): shell blocks with bash
 * (stopping at the first failing command), Python blocks with the interpreter of the Python environment
 * that `make readme-deps` creates (pandas, pyarrow, polars, duckdb at pinned versions), SQL blocks with
 * DuckDB (from that environment, one statement at a time), R blocks with Rscript and readr. `text`
 * blocks are not commands (a synopsis, a diagram) and are not run. A block may be left out only with a
 * stated reason (`skip="…"` after its language): only the block that runs `make test` itself is.
 *
 * Shell blocks get a scratch npm prefix (`NPM_CONFIG_PREFIX`, its `bin/` first on PATH), so that
 * `npm link` as pasted works without touching the machine's global packages; `out/` (git-ignored) is
 * where the README's examples write.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { repo, tempDir } from '../helpers.js'

interface Block {
  readonly lang: string
  readonly skip: string | null
  readonly code: string
  readonly line: number
}

/** The fenced code blocks of a Markdown text, with their language and the line they start on. */
function fencedBlocks(md: string): Block[] {
  const out: Block[] = []
  const lines = md.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const open = /^(`{3,})(\S*)\s*(.*)$/.exec(lines[i]!)
    if (!open) continue
    const fence = open[1]!
    const body: string[] = []
    let j = i + 1
    while (j < lines.length && !lines[j]!.startsWith(fence)) body.push(lines[j++]!)
    if (j === lines.length) throw new Error(`README.md:${i + 1}: code block never closed`)
    const skip = /skip="([^"]+)"/.exec(open[3] ?? '')
    out.push({ lang: open[2]!, skip: skip ? skip[1]! : null, code: body.join('\n'), line: i + 1 })
    i = j
  }
  return out
}

const RUNNABLE = new Set(['sh', 'python', 'sql', 'r'])
const VENV = join(repo, '.cache', 'venv')
const PY = join(VENV, 'bin', 'python')

const blocks = fencedBlocks(readFileSync(join(repo, 'README.md'), 'utf8'))
const scratch = tempDir('readme')
const env = {
  ...process.env,
  NPM_CONFIG_PREFIX: join(scratch, 'npm-global'),
  PATH: `${join(scratch, 'npm-global', 'bin')}:${process.env.PATH ?? ''}`,
  NO_COLOR: '1',
}

const SQL_RUNNER = `
import sys, duckdb
con = duckdb.connect()
for stmt in duckdb.extract_statements(sys.stdin.read()):
    con.execute(stmt).fetchall()
`

function run(b: Block): { status: number | null; output: string } {
  const opts = { cwd: repo, env, input: b.code, encoding: 'utf8' as const, timeout: 300_000 }
  const r =
    b.lang === 'sh'
      ? spawnSync('bash', ['-e', '-o', 'pipefail', '-s'], opts)
      : b.lang === 'python'
        ? spawnSync(PY, ['-'], opts)
        : b.lang === 'sql'
          ? spawnSync(PY, ['-c', SQL_RUNNER], opts)
          : spawnSync('Rscript', ['-e', 'source(file("stdin"), echo = FALSE)'], opts)
  return { status: r.status, output: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}` }
}

describe('README.md', () => {
  test('every code block is a command or a snippet in a known language, or plain text', () => {
    for (const b of blocks) expect(['text', ...RUNNABLE], `README.md:${b.line}`).toContain(b.lang)
    // placeholders such as <input-dir> are not commands: they live in text blocks only
    for (const b of blocks.filter((x) => RUNNABLE.has(x.lang)))
      expect(b.code, `README.md:${b.line}`).not.toMatch(/<[a-z][a-z-]*>/)
  })

  test('only the block that runs the test suite itself is left out, and it says why', () => {
    const skipped = blocks.filter((b) => b.skip !== null)
    expect(skipped.map((b) => b.code)).toEqual([expect.stringContaining('make test')])
  })

  test('the Python environment of `make readme-deps` is there', () => {
    expect(existsSync(PY), `${PY} is missing: run 'make readme-deps'`).toBe(true)
  })

  beforeAll(() => {
    rmSync(join(repo, 'out'), { recursive: true, force: true })
    mkdirSync(join(repo, 'out'), { recursive: true })
  })
  const runnable = blocks.filter((b) => RUNNABLE.has(b.lang) && b.skip === null)
  test.each(runnable.map((b) => [`${b.lang} block at README.md:${b.line}`, b] as const))(
    '%s runs as pasted',
    { timeout: 600_000 },
    (_name, b) => {
      const r = run(b)
      expect(
        r.status,
        `README.md:${b.line} (${b.lang}) failed:\n${b.code}\n--- output ---\n${r.output}`,
      ).toBe(0)
    },
  )

  test('the pandas CSV block gives the declared types: "01", "2021-12", NA and lists as written', () => {
    const csv = blocks.find((b) => b.lang === 'python' && b.code.includes('def read_csv('))
    expect(csv, 'the README has a pandas block reading the CSV files with their declared types').toBeDefined()
    const checks = `
import re
assert str(events["cameo_code"].dtype).startswith("str") and (events["cameo_code"].str.len() >= 2).all(), events["cameo_code"].dtype
assert events["date"].dropna().map(lambda d: bool(re.fullmatch(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?", d))).all()
assert (events["date"].dropna().str.len() < 10).any(), "a month-precision date must stay a month"
assert str(entities["geonames_id"].dtype) == "Int64", entities["geonames_id"].dtype
assert all(isinstance(v, list) for v in docs["duplicate_sources"]) and all(isinstance(v, list) for v in events["actor_entity_ids"])
assert any(len(v) > 0 for v in events["actor_entity_ids"]) and any(len(v) == 0 for v in events["equipment_entity_ids"])
assert str(docs["published_min"].dtype).startswith("datetime64")
assert str(docs["n_words"].dtype) == "Int64"
`
    const r = run({ ...csv!, code: `${csv!.code}\n${checks}` })
    expect(r.status, r.output).toBe(0)
  })
})
