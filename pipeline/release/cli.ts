#!/usr/bin/env node
/** `node build/pipeline/release/cli.js [--dist dist] [--out dist/release]`: archives of a built dataset. */
import { statSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { makeRelease } from './release.js'

const { values } = parseArgs({
  options: { dist: { type: 'string', default: 'dist' }, out: { type: 'string', default: 'dist/release' } },
})
try {
  const r = await makeRelease({ dist: values.dist, out: values.out })
  for (const f of [r.zip, r.tarGz]) console.log(`${f}  ${statSync(f).size} bytes`)
  console.log(`${r.files.length} files in ${r.name}/`)
} catch (e) {
  console.error(`release: ${e instanceof Error ? e.message : String(e)}`)
  process.exitCode = 1
}
