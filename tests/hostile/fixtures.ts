/**
 * Fixtures for the hostile-input tests, built from the seeds inside the tests: re-encodings, broken
 * files, an HTML page, and a one-call build into a temporary folder read back as rows.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { type BuildSummary, build } from '../../pipeline/run.js'
import { seedBytes, seedNames, seedText, tempDir } from '../helpers.js'

export { seedBytes, seedNames, seedText, tempDir }

/** Bytes of a string in a single-byte encoding, through the inverse of the platform's own decoder. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ'
const LATIN1 = String.fromCharCode(...Array.from({ length: 256 }, (_, b) => b))
/** The 256 characters of an encoding (Node 20's own windows-1252 decoder reads 0x80–0x9F as Latin-1). */
const TABLES = {
  'iso-8859-1': LATIN1,
  'windows-1252': LATIN1.slice(0, 0x80) + CP1252_HIGH + LATIN1.slice(0xa0),
  'iso-8859-15': new TextDecoder('iso-8859-15').decode(Uint8Array.from({ length: 256 }, (_, b) => b)),
}

export function singleByte(text: string, encoding: keyof typeof TABLES): Uint8Array {
  const table = TABLES[encoding]
  const back = new Map<string, number>()
  for (let b = 255; b >= 0; b--) back.set(table[b]!, b)
  return Uint8Array.from([...text], (ch) => {
    const b = back.get(ch)
    if (b === undefined) throw new Error(`not in ${encoding}: ${ch} (U+${ch.codePointAt(0)!.toString(16)})`)
    return b
  })
}

export function utf16(text: string, order: 'le' | 'be', bom = true): Uint8Array {
  const le = Buffer.from(text, 'utf16le')
  const body = order === 'le' ? le : Buffer.from(le).swap16()
  const head = bom ? (order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]) : []
  return new Uint8Array([...head, ...body])
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)
export const withBom = (b: Uint8Array): Uint8Array => new Uint8Array([0xef, 0xbb, 0xbf, ...b])

/** UTF-8 bytes that went once through a Windows-1252 decoder and were saved as UTF-8 again (`AprÃ¨s`). */
export const mojibake = (text: string): Uint8Array =>
  utf8([...utf8(text)].map((b) => TABLES['windows-1252'][b]!).join(''))

/** A deterministic byte generator (the tests never depend on the clock or Math.random). */
export function pseudoRandomBytes(n: number, seed = 42): Uint8Array {
  const out = new Uint8Array(n)
  let x = seed >>> 0 || 1
  for (let i = 0; i < n; i++) {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    out[i] = x & 0xff
  }
  return out
}

export const PNG_HEADER = [
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]

export function writeTree(root: string, files: Readonly<Record<string, string | Uint8Array>>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), content)
  }
}

export interface Built {
  readonly summary: BuildSummary
  readonly out: string
  readonly documents: Record<string, unknown>[]
  readonly rejects: Record<string, unknown>[]
  readonly manifest: {
    inputs: { seen: number; documents: number; duplicates: number; rejected: number; reconciled: boolean }
  }
  table(name: string): Record<string, unknown>[]
}

const jsonl = (path: string): Record<string, unknown>[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>)

/** Builds `input` into a fresh temporary output folder and reads the result back. */
export async function buildFolder(input: string, out = join(tempDir('out'), 'dist')): Promise<Built> {
  const summary = await build({ input, out })
  return {
    summary,
    out,
    documents: jsonl(join(out, 'data', 'documents.jsonl')),
    rejects: jsonl(join(out, 'rejects.jsonl')),
    manifest: JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Built['manifest'],
    table: (name) => jsonl(join(out, 'data', `${name}.jsonl`)),
  }
}

/** A French article page as a browser saves it: navigation, header, aside, scripts, a figure, a footer. */
export function articlePage(
  paragraphs: readonly string[],
  opts: { title?: string; published?: string } = {},
) {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  const title = opts.title ?? 'Moscou réaffirme son soutien à Bamako'
  return [
    '<!-- saved from url=(0046)https://www.example.ml/2024/politique/article -->',
    '<!DOCTYPE html>',
    '<html lang="fr"><head><meta charset="utf-8">',
    `<title>${esc(title)} | Le Journal</title>`,
    `<meta property="og:title" content="${esc(title)}">`,
    `<meta property="article:published_time" content="${opts.published ?? '2024-09-24T08:30:00+00:00'}">`,
    '<meta property="og:site_name" content="Le Journal">',
    '<link rel="canonical" href="https://www.lejournal.example/politique/moscou-bamako">',
    '<script>var t = "<p>pas du texte</p>"; if (a < b && c > d) { x() }</script>',
    '<style>p { color: #333 } /* </p> */</style>',
    '</head><body>',
    '<header><nav><a href="/">Accueil</a> <a href="/politique">Politique</a></nav></header>',
    '<aside class="related"><p>Lire aussi : un autre article qui n’a rien à voir avec celui-ci.</p></aside>',
    '<article>',
    `<h1>${esc(title)}</h1>`,
    ...paragraphs.map((p, k) =>
      k === 1
        ? `<figure><img src="p.jpg" alt=""><figcaption>Le ministre à Moscou (photo d’archives)</figcaption></figure>\n<p>${esc(p)}</p>`
        : `<p>${esc(p)}</p>`,
    ),
    '<div class="social-share"><p>Partager sur Facebook, Twitter, WhatsApp et par courriel à vos amis</p></div>',
    '</article>',
    '<footer><p>© 2024 Le Journal. Tous droits réservés. Mentions légales et politique de confidentialité.</p></footer>',
    '</body></html>',
    '',
  ].join('\n')
}
