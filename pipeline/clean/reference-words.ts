import { readFileSync } from 'node:fs'
import { repoFile } from '../util/paths.js'

/** Reads a one-item-per-line reference list (`#` comments and blank lines ignored). */
export function readWordList(relative: string): ReadonlySet<string> {
  return new Set(
    readFileSync(repoFile(relative), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#')),
  )
}

export const CAMEL_CASE_WORDS = readWordList('pipeline/reference/camelcase-words.txt')
