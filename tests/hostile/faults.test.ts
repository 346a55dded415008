/**
 * Faults said clearly: a full disk, a read-only location, a path beyond PATH_MAX, file names that are not
 * UTF-8, a `|` in a file name, backticks in a codebook example.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { describeFault, faultCode, makeFolders } from '../../pipeline/faults.js'
import { displayName } from '../../pipeline/inputs.js'
import { mapOrdered } from '../../pipeline/parallel/ordered.js'
import { csvListItem } from '../../pipeline/publish/cells.js'
import { codeSpan } from '../../pipeline/publish/codebook.js'
import { build } from '../../pipeline/run.js'
import { compiledCli } from './cli.js'
import { seedNames, seedText, tempDir, writeTree } from './fixtures.js'

const errno = (code: string, message: string, path?: string) =>
  Object.assign(new Error(message), { code, ...(path ? { path } : {}) })

describe('faults in words', () => {
  it('names ENOSPC, EROFS and ENAMETOOLONG with what to do', () => {
    expect(describeFault(errno('ENOSPC', 'ENOSPC: no space left on device, write'))).toBe(
      'no space left on the device [ENOSPC]: free some space, or write the output (and --cache) elsewhere',
    )
    expect(
      describeFault(errno('EROFS', "EROFS: read-only file system, mkdir '/mnt/ro/out'", '/mnt/ro/out')),
    ).toMatch(
      /^the file system is read-only \[EROFS\] \(\/mnt\/ro\/out\): choose an output folder on a writable disk$/,
    )
    expect(describeFault(errno('ENAMETOOLONG', 'ENAMETOOLONG: name too long'))).toMatch(
      /PATH_MAX.*\[ENAMETOOLONG\]/,
    )
  })

  it('reads the code of an error that crossed threads without it, and keeps its context', () => {
    const e = new Error('writing the cache folder /x/cache: ENOSPC: no space left on device, write')
    expect(faultCode(e)).toBe('ENOSPC')
    expect(describeFault(e)).toBe(
      'writing the cache folder /x/cache: no space left on the device [ENOSPC]: free some space, or write the output (and --cache) elsewhere',
    )
  })

  it('creates folders one level at a time, so the real error is raised (not ENOENT)', () => {
    const made: string[] = []
    const existing = new Set(['/', '/mnt'])
    expect(() =>
      makeFolders(
        '/mnt/ro/a/b',
        (p) => {
          if (p === '/mnt/ro') throw errno('EROFS', `EROFS: read-only file system, mkdir '${p}'`, p)
          made.push(p)
        },
        (p) => existing.has(p),
      ),
    ).toThrow(/EROFS/)
    expect(made).toEqual([])
    makeFolders(
      '/a/b/c',
      (p) => made.push(p),
      (p) => existing.has(p),
    )
    expect(made).toEqual(['/a', '/a/b', '/a/b/c'])
  })

  it('a task failing while an earlier one is awaited is raised in turn, never as an unhandled rejection', async () => {
    const unhandled: unknown[] = []
    const onUnhandled = (e: unknown) => unhandled.push(e)
    process.on('unhandledRejection', onUnhandled)
    try {
      const slow = (ms: number, fail = false) =>
        new Promise<number>((res, rej) =>
          setTimeout(() => (fail ? rej(errno('ENOSPC', 'ENOSPC: full')) : res(ms)), ms),
        )
      const got: number[] = []
      await expect(
        (async () => {
          for await (const r of mapOrdered([60, 5, 10], (ms) => slow(ms, ms === 5), 3)) got.push(r)
        })(),
      ).rejects.toThrow(/ENOSPC/)
      await new Promise((r) => setTimeout(r, 20))
      expect(got).toEqual([60])
      expect(unhandled).toEqual([])
    } finally {
      process.off('unhandledRejection', onUnhandled)
    }
  })
})

/** A small tmpfs, where the system lets this process mount one (root in a sandbox); else null. */
function tmpfs(options: string): string | null {
  const dir = tempDir('tmpfs')
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'none', dir], { encoding: 'utf8' })
  return r.status === 0 ? dir : null
}
const unmount = (dir: string) => spawnSync('umount', [dir])
const canMount = (() => {
  const d = tmpfs('size=16k')
  if (d) unmount(d)
  return d !== null
})()

/** The compiled CLI run on a new folder of the seed texts: `build <input>` and then `args`. */
function buildSeeds(name: string, args: readonly string[]) {
  const input = tempDir(name)
  writeTree(input, Object.fromEntries(seedNames().map((n, i) => [`a${i}.txt`, seedText(n)])))
  return spawnSync(process.execPath, [compiledCli(), 'build', input, ...args], { encoding: 'utf8' })
}

describe.skipIf(!canMount)('real faults on a small or read-only disk', () => {
  it('a full disk under worker threads says ENOSPC in one line, without a stack trace', () => {
    const disk = tmpfs('size=64k')!
    try {
      const r = buildSeeds('enospc-in', [
        '--out',
        join(tempDir('enospc-out'), 'o'),
        '--cache',
        join(disk, 'c'),
        '--jobs',
        '2',
        '--quiet',
      ])
      expect(r.status).toBe(1)
      expect(r.stderr).toMatch(
        /^depeches: could not run: writing the cache folder .*: no space left on the device \[ENOSPC\]/,
      )
      expect(r.stderr).not.toMatch(/triggerUncaughtException|\n\s+at /)
    } finally {
      unmount(disk)
    }
  })

  it.each([1, 2])(
    'an output folder on a disk that fills up mid-run (%i jobs): ENOSPC in one line, nothing left behind',
    (jobs) => {
      // room for the first files of the build, not for all of them
      const disk = tmpfs('size=192k')!
      try {
        const r = buildSeeds('enospc-out-in', ['--out', join(disk, 'o'), '--jobs', String(jobs), '--quiet'])
        expect(r.status).toBe(1)
        expect(r.stderr).toMatch(/^depeches: could not run: .*no space left on the device \[ENOSPC\]/)
        expect(r.stderr).not.toMatch(/triggerUncaughtException|Unhandled 'error' event|\n\s+at /)
        // the staging folder is removed: the disk holds nothing of the failed run
        expect(readdirSync(disk)).toEqual([])
      } finally {
        unmount(disk)
      }
    },
  )

  it('a read-only location says EROFS, not ENOENT', () => {
    const disk = tmpfs('size=64k,ro')!
    try {
      const input = tempDir('erofs-in')
      writeTree(input, { 'a.txt': seedText(seedNames()[0]!) })
      const r = spawnSync(
        process.execPath,
        [compiledCli(), 'build', input, '--out', join(disk, 'sub', 'out'), '--quiet'],
        {
          encoding: 'utf8',
        },
      )
      expect(r.status, `signal ${r.signal}; stderr: ${r.stderr}`).toBe(1)
      expect(r.stderr).toMatch(/read-only \[EROFS\]/)
      expect(r.stderr).not.toMatch(/ENOENT/)
    } finally {
      unmount(disk)
    }
  })
})

describe('names and paths', () => {
  it('file names that are not UTF-8 stay distinct and are read', async () => {
    const root = tempDir('latin1-names')
    const input = join(root, 'in')
    mkdirSync(input)
    const dir = Buffer.from(input)
    const [a, b] = seedNames().map(seedText)
    writeFileSync(Buffer.concat([dir, Buffer.from('/caf'), Buffer.from([0xe9]), Buffer.from('.txt')]), a!)
    writeFileSync(Buffer.concat([dir, Buffer.from('/caf'), Buffer.from([0xe8]), Buffer.from('.txt')]), b!)
    const s = await build({ input, out: join(root, 'out') })
    expect(s.documents).toBe(2)
    expect(s.rejected).toBe(0)
    const files = readFileSync(join(root, 'out', 'data', 'documents.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { source_file: string }).source_file)
      .sort()
    expect(files).toEqual(['caf\\xE8.txt', 'caf\\xE9.txt'])
  })

  it('displayName keeps valid UTF-8 and escapes only the bytes that are not', () => {
    expect(displayName(Buffer.from('été.txt'))).toBe('été.txt')
    expect(displayName(Buffer.from([0x61, 0xc3, 0xa9, 0xff, 0x62]))).toBe('aé\\xFFb')
    expect(displayName(Buffer.from([0xc0, 0xaf]))).toBe('\\xC0\\xAF') // overlong '/'
  })

  it('a folder deeper than PATH_MAX is a path-too-long reject, not a permission problem', async () => {
    const root = tempDir('deep')
    const input = join(root, 'in')
    mkdirSync(input)
    const level = 'd'.repeat(250)
    // built with relative paths (cd) since the full path is longer than the system accepts
    const script = `cd '${input}' && for i in $(seq 1 18); do mkdir ${level} && cd ${level}; done && printf '%s' "$0" > article.txt`
    const r = spawnSync('bash', ['-c', script, seedText(seedNames()[0]!)])
    expect(r.status).toBe(0)
    writeTree(input, { 'ok.txt': seedText(seedNames()[1]!) })
    const s = await build({ input, out: join(root, 'out') })
    expect(s.documents).toBe(1)
    expect(s.rejected).toBe(1)
    const rejects = readFileSync(join(root, 'out', 'rejects.jsonl'), 'utf8')
    expect(rejects).toContain('"reason":"path-too-long"')
    expect(rejects).not.toMatch(/permission/i)
    spawnSync('rm', ['-rf', join(input, level)]) // GNU rm walks a tree deeper than PATH_MAX
  })

  it('a | inside a file name does not split the CSV list of duplicate sources', async () => {
    expect(csvListItem('a|b.txt')).toBe('a%7Cb.txt')
    expect(csvListItem('100%.txt')).toBe('100%25.txt')
    expect(decodeURIComponent(csvListItem('x%|y'))).toBe('x%|y')
    const root = tempDir('pipe-name')
    const text = seedText(seedNames()[0]!)
    writeTree(join(root, 'in'), { 'a|b.txt': text, 'c.txt': text })
    await build({ input: join(root, 'in'), out: join(root, 'out') })
    const csv = readFileSync(join(root, 'out', 'data', 'documents.csv'), 'utf8')
    const jsonl = readFileSync(join(root, 'out', 'data', 'documents.jsonl'), 'utf8')
    expect(jsonl).toContain('"duplicate_sources":["c.txt"]')
    expect(csv.includes('a%7Cb.txt') || csv.includes(',a|b.txt,')).toBe(true)
  })

  it('a codebook example holding backticks stays inside its code span', () => {
    expect(codeSpan('"a`b"')).toBe('``"a`b"``')
    expect(codeSpan('`x``')).toBe('``` `x`` ```')
    expect(codeSpan('plain')).toBe('`plain`')
  })
})
