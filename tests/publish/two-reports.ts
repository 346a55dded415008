/** The rows of the two-reports fixture, built once per call as JSON Lines: real, complete rows to vary. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { build } from '../../pipeline/run.js'
import { repo, tempDir } from '../helpers.js'

export type Row = Record<string, unknown>

/** Builds the fixture into a temporary folder; the rows of a table of it, in file order. */
export async function twoReportsTables(label: string): Promise<(table: string) => Row[]> {
  const built = join(tempDir(label), 'out')
  await build({ input: join(repo, 'tests/corpus/fixtures/two-reports'), out: built, formats: ['jsonl'] })
  return (table) =>
    readFileSync(join(built, 'data', `${table}.jsonl`), 'utf8')
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as Row)
}
