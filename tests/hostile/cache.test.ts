/**
 * The result cache is never trusted more than the computation it saves: a cache (or an earlier output)
 * inside the input folder is not read as articles; a damaged, swapped or wrongly shaped entry is refused
 * and recomputed, and the output is the bytes a build without cache gives.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { build } from '../../pipeline/run.js'
import { seedNames, seedText, tempDir, writeTree } from './fixtures.js'

const entries = (dir: string): string[] => {
  const out: string[] = []
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n)
      if (statSync(p).isDirectory()) walk(p)
      else if (n.endsWith('.json')) out.push(p)
    }
  }
  walk(dir)
  return out.sort()
}

const corpus = (dir: string) =>
  writeTree(dir, Object.fromEntries(seedNames().map((n, i) => [`a${i}.txt`, seedText(n)])))

describe('cache and outputs inside the input folder', () => {
  it('a cache kept in the input folder is skipped when walking it', async () => {
    const root = tempDir('cache-in-input')
    const input = join(root, 'corpus')
    corpus(input)
    const first = await build({ input, out: join(root, 'out'), cache: join(input, 'cache') })
    const second = await build({ input, out: join(root, 'out'), cache: join(input, 'cache') })
    expect(first.documents).toBe(seedNames().length)
    expect(second.documents).toBe(first.documents)
    expect(second.inputs).toBe(first.inputs)
    const manifest = JSON.parse(readFileSync(join(root, 'out', 'manifest.json'), 'utf8')) as {
      skipped?: { path: string; why: string }[]
    }
    expect(JSON.stringify(manifest)).toContain('cache-folder')
  })

  it('an earlier output copied into the input folder is skipped too', async () => {
    const root = tempDir('output-in-input')
    const input = join(root, 'corpus')
    corpus(input)
    await build({ input, out: join(input, '..', 'dist') })
    const { cpSync } = await import('node:fs')
    cpSync(join(root, 'dist'), join(input, 'previous-run'), { recursive: true })
    const again = await build({ input, out: join(root, 'dist2') })
    expect(again.documents).toBe(seedNames().length)
    expect(again.rejected).toBe(0)
  })
})

describe('cache entries are checked against their key and shape', () => {
  const setup = async (name: string) => {
    const root = tempDir(name)
    const input = join(root, 'in')
    corpus(input)
    await build({ input, out: join(root, 'plain') })
    const cache = join(root, 'cache')
    await build({ input, out: join(root, 'warm'), cache })
    return { root, input, cache, plain: readFileSync(join(root, 'plain', 'SHA256SUMS'), 'utf8') }
  }

  it('valid JSON of the wrong shape is recomputed, not a crash', async () => {
    const { root, input, cache, plain } = await setup('cache-shape')
    const files = entries(cache)
    expect(files.length).toBeGreaterThan(0)
    const bad = [
      '{"kind":"document"}',
      '[]',
      'null',
      '{"format":1,"key":"x","sha256":"y","value":{"kind":"reject"}}',
      '{"kind":"reject","reject":{}}',
    ]
    for (const [i, f] of files.entries()) writeFileSync(f, bad[i % bad.length]!)
    const s = await build({ input, out: join(root, 'after'), cache })
    expect(s.cache?.hits).toBe(0)
    expect(readFileSync(join(root, 'after', 'SHA256SUMS'), 'utf8')).toBe(plain)
  })

  it('entries swapped between keys give the same bytes as a build without cache', async () => {
    const { root, input, cache, plain } = await setup('cache-swap')
    const build_ = entries(cache).filter((f) => f.includes(`${join('cache', 'build')}`))
    expect(build_.length).toBeGreaterThan(1)
    const contents = build_.map((f) => readFileSync(f))
    for (const [i, f] of build_.entries()) writeFileSync(f, contents[(i + 1) % contents.length]!)
    const s = await build({ input, out: join(root, 'after'), cache })
    expect(readFileSync(join(root, 'after', 'SHA256SUMS'), 'utf8')).toBe(plain)
    expect(s.cache?.hits).toBeLessThan(s.cache!.hits + s.cache!.misses)
  })

  it('an entry edited inside its value fails its digest and is recomputed', async () => {
    const { root, input, cache, plain } = await setup('cache-edit')
    for (const f of entries(cache).filter((p) => p.includes(join('cache', 'build')))) {
      const t = readFileSync(f, 'utf8')
      writeFileSync(
        f,
        t.replace(/"n_words":(\d+)/, (_m, n) => `"n_words":${Number(n) + 1}`),
      )
    }
    await build({ input, out: join(root, 'after'), cache })
    expect(readFileSync(join(root, 'after', 'SHA256SUMS'), 'utf8')).toBe(plain)
  })
})
