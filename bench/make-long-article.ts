/**
 * One long article for the scale section's long-input measurement: the body paragraphs of real
 * articles (`../shared/dev/raw`, or any folder of articles), numbered so that no two are the same, until
 * the file reaches the size asked for.
 *   node build/bench/make-long-article.js <articles-dir> <out-file> <MB>
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export function longArticle(dir: string, bytes: number): string {
  const paragraphs: string[] = []
  for (const f of readdirSync(dir).sort())
    for (const p of readFileSync(join(dir, f), 'utf8').split(/\n\s*\n/)) {
      const t = p.replace(/\s+/g, ' ').trim()
      if (t.length > 200 && /[.»]$/.test(t)) paragraphs.push(t)
    }
  if (paragraphs.length === 0) throw new Error(`no body paragraph in ${dir}`)
  const parts = ['Sahel : chronique d’une longue guerre\n\nBamako, le 12 mai 2023 (AFP)\n']
  let size = Buffer.byteLength(parts[0]!)
  for (let k = 0; size < bytes; k++) {
    const p = `${parts.length}. ${paragraphs[k % paragraphs.length]}\n`
    parts.push(p)
    size += Buffer.byteLength(p) + 1
  }
  return parts.join('\n')
}

if (process.argv[1]?.endsWith('make-long-article.js')) {
  const [dir, out, mb] = process.argv.slice(2)
  if (!dir || !out || !mb) throw new Error('usage: make-long-article.js <articles-dir> <out-file> <MB>')
  writeFileSync(out, longArticle(dir, Number(mb) * 1e6))
}
