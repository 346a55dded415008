/**
 * The compiled CLI, for tests that need a real process (exit status, SIGKILL). Compiled with
 * `tsc -p tsconfig.json` when a source is newer than its build output, under a lock folder so that two
 * test files never compile at once; a type error elsewhere still emits, so its status is not checked.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { repo } from '../helpers.js'

function stale(): boolean {
  const newest = (dir: string): number => {
    let t = 0
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name)
      if (e.isDirectory()) t = Math.max(t, newest(p))
      else if (e.name.endsWith('.ts')) t = Math.max(t, statSync(p).mtimeMs)
    }
    return t
  }
  const cli = join(repo, 'build', 'pipeline', 'cli.js')
  return !existsSync(cli) || newest(join(repo, 'pipeline')) > statSync(cli).mtimeMs
}

export function compiledCli(): string {
  const cli = join(repo, 'build', 'pipeline', 'cli.js')
  const lock = join(repo, 'build', '.hostile-tsc.lock')
  mkdirSync(join(repo, 'build'), { recursive: true })
  for (let waited = 0; stale() && waited < 120_000; waited += 200) {
    try {
      mkdirSync(lock)
    } catch {
      execFileSync('sleep', ['0.2'])
      continue
    }
    try {
      execFileSync(
        process.execPath,
        [join(repo, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'],
        {
          cwd: repo,
          stdio: 'ignore',
        },
      )
    } catch {
      // type errors in files being written by others: the JavaScript is emitted all the same
    } finally {
      rmSync(lock, { recursive: true, force: true })
    }
    break
  }
  return cli
}
