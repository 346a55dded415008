/**
 * Builds a benchmark corpus of N distinct articles of realistic length by recombining the sentences of
 * the real articles in one or more source folders (`make bench` uses seeds/ and ../shared/dev/raw/: many
 * outlets and regions), with the header forms real copy-pasted articles carry. Deterministic for a given
 * N and sources: the same corpus every time, so runs are comparable.
 *
 *   node build/bench/make-corpus.js <out-dir> <count> <source-dir>...
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** mulberry32: a small 32-bit PRNG that stays exact in JavaScript numbers, for reproducible corpora. */
export function mulberry32(seed: number): () => number {
  let s = seed
  return () => {
    s = (s + 0x6d2b79f5) | 0
    let t = Math.imul(s ^ (s >>> 15), 1 | s)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32
  }
}

function files(dir: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) out.push(...files(p))
    else if (/\.(txt|md)$/i.test(name)) out.push(p)
  }
  return out
}

/** Sentences of the source texts: split at a final mark followed by a space and a capital. */
export function sentencesOf(texts: readonly string[]): string[] {
  const out: string[] = []
  for (const t of texts) {
    for (const para of t.split(/\n+/)) {
      const parts = para.split(/(?<=[.!?»"])\s+(?=[A-ZÀÂÉÈÊÎÔÛÇ«"])/u)
      for (const s of parts) if (s.split(' ').length >= 6 && s.length < 600) out.push(s.trim())
    }
  }
  return out
}

const MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
]
const DAYS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi']
const OUTLETS = ['Les Echos', 'Le Républicain', 'L’Essor', 'Sahel Tribune', 'Le Pays']

export function article(i: number, sentences: readonly string[], rnd: () => number): string {
  const pick = () => sentences[Math.floor(rnd() * sentences.length)]!
  const n = 10 + Math.floor(rnd() * 14)
  const paras: string[] = []
  for (let k = 0; k < n; ) {
    const len = 1 + Math.floor(rnd() * 3)
    paras.push(Array.from({ length: Math.min(len, n - k) }, pick).join(' '))
    k += len
  }
  const y = 2019 + Math.floor(rnd() * 6)
  const m = Math.floor(rnd() * 12)
  const d = 1 + Math.floor(rnd() * 28)
  const date = new Date(Date.UTC(y, m, d))
  const title = pick()
    .split(' ')
    .slice(0, 9)
    .join(' ')
    .replace(/[.,;:]$/, '')
  switch (i % 4) {
    case 0:
      return ` date ${y}-${String(m + 1).padStart(2, '0')} ${paras.join('\n\n')}\n`
    case 1:
      return ` date ${y}-${String(m + 1).padStart(2, '0')} https://www.example-news.africa/${y}${String(m + 1).padStart(2, '0')}${String(d).padStart(2, '0')}/article-${i}.html\n\n${title}\n\n${title}\n\n${paras.join('\n\n')}\n`
    case 2:
      return `${title} Publié le ${DAYS[date.getUTCDay()]} ${d} ${MONTHS[m]} ${y} | ${OUTLETS[i % OUTLETS.length]}\n\n© Autre presse par DR\n\n${paras.join('\n\n\n\n')}\n\nA. Traoré\n`
    default:
      return `${paras.join('\n')}\nAB/cd/APA\n`
  }
}

function main(): void {
  const [out, countArg, ...sourceDirs] = process.argv.slice(2)
  if (!out || !countArg || sourceDirs.length === 0) {
    process.stderr.write('usage: make-corpus.js <out-dir> <count> <source-dir>...\n')
    process.exit(2)
  }
  const count = Number(countArg)
  const sources = sourceDirs.flatMap((d) => files(d)).map((f) => readFileSync(f, 'utf8'))
  const sentences = sentencesOf(sources)
  if (sentences.length === 0) throw new Error(`no sentences in ${sourceDirs.join(', ')}`)
  const rnd = mulberry32(count)
  let bytes = 0
  for (let i = 0; i < count; i++) {
    const dir = join(out, String(Math.floor(i / 1000)).padStart(4, '0'))
    if (i % 1000 === 0 && !existsSync(dir)) mkdirSync(dir, { recursive: true })
    const text = article(i, sentences, rnd)
    bytes += Buffer.byteLength(text)
    writeFileSync(join(dir, `${String(i).padStart(7, '0')}.txt`), text)
  }
  process.stdout.write(
    `${count} articles, ${(bytes / 1e6).toFixed(1)} MB from ${sentences.length} sentences\n`,
  )
}

if (process.argv[1]?.endsWith('make-corpus.js')) main()
