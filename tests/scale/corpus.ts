/** A small realistic corpus for the scale tests: recombined seed sentences, plus duplicates and a reject. */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { article, mulberry32, sentencesOf } from '../../bench/make-corpus.js'
import { seedNames, seedText, tempDir } from '../helpers.js'

/** A republication of a seed: a new first sentence, a few words changed, a sign-off. */
export function republished(text: string): string {
  return `Selon nos confrères, ${text.replace(/\bMali\b/, 'Mali voisin').replace(/mardi/, 'ce mardi')}\n(avec agences)\n`
}

export function makeCorpus(count: number, label = 'corpus'): string {
  const dir = tempDir(label)
  const seeds = seedNames().map(seedText)
  const sentences = sentencesOf(seeds)
  const rnd = mulberry32(count)
  for (let i = 0; i < count; i++) {
    const sub = join(dir, `lot-${String(Math.floor(i / 50)).padStart(2, '0')}`)
    mkdirSync(sub, { recursive: true })
    writeFileSync(join(sub, `article-${String(i).padStart(5, '0')}.txt`), article(i, sentences, rnd))
  }
  for (const [k, name] of seedNames().entries()) writeFileSync(join(dir, name), seeds[k]!)
  writeFileSync(join(dir, 'copie-exacte.txt'), seeds[1]!)
  writeFileSync(join(dir, 'reprise.txt'), republished(seeds[3]!))
  writeFileSync(join(dir, 'vide.txt'), '')
  return dir
}
