/**
 * CPU time of each extractor over a corpus, in one process: every article is prepared and enriched as
 * a build does, and each extractor (entities, temporal expressions, quotes, events) is timed with
 * `process.cpuUsage` around its call. The corpus is read several times and the last pass is reported,
 * so module loading and first-use indexes are left out. Compare two builds by alternating runs.
 *
 *   node build/bench/extractors.js <corpus-dir> [passes]
 */
import { readFileSync } from 'node:fs'
import { enrich, prepare, sourceInfo } from '../pipeline/document.js'
import type { Extractor } from '../pipeline/enrich/extract.js'
import { documentContext } from '../pipeline/worker.js'
import { corpusFiles } from './corpus-files.js'

const NAMES = ['entities', 'temporal', 'quotes', 'events']

function main(): void {
  const [dir, passArg] = process.argv.slice(2)
  if (!dir) {
    process.stderr.write('usage: extractors.js <corpus-dir> [passes]\n')
    process.exit(2)
  }
  const passes = Math.max(1, Number(passArg ?? 3))
  const ctx = documentContext(null)
  const spent = new Float64Array(ctx.extractors.length)
  const timed: Extractor[] = ctx.extractors.map((f, i) => (input, soFar) => {
    const c0 = process.cpuUsage()
    const r = f(input, soFar)
    const c = process.cpuUsage(c0)
    spent[i]! += (c.user + c.system) / 1000
    return r
  })
  const context = { ...ctx, extractors: timed }
  const inputs = corpusFiles(dir).map((p) => [p, readFileSync(p)] as const)
  for (let pass = 0; pass < passes; pass++) {
    spent.fill(0)
    for (const [path, bytes] of inputs) {
      const p = prepare(sourceInfo(path, bytes), bytes)
      if (p.kind === 'prepared') enrich(p, [], context, null)
    }
  }
  const total = spent.reduce((a, b) => a + b, 0)
  process.stdout.write(`${inputs.length} articles, pass ${passes} of ${passes}: CPU ms per extractor\n`)
  for (const [i, ms] of spent.entries())
    process.stdout.write(`${(NAMES[i] ?? `extractor ${i}`).padEnd(10)} ${ms.toFixed(0).padStart(8)}\n`)
  process.stdout.write(`${'all'.padEnd(10)} ${total.toFixed(0).padStart(8)}\n`)
}

main()
