/**
 * Broken inputs become rejects with a reason and a hint, never a crash: empty, blank, a bare URL, binary
 * data (random bytes, a PNG named `.txt`), NUL bytes, an HTML page with no article; odd names, nested
 * folders, symbolic links in and out of the folder, broken links, FIFOs, duplicates.
 */

import { execFileSync } from 'node:child_process'
import { chmodSync, mkdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { REJECT_HINTS } from '../../pipeline/rejects.js'
import {
  buildFolder,
  PNG_HEADER,
  pseudoRandomBytes,
  seedNames,
  seedText,
  tempDir,
  utf8,
  writeTree,
} from './fixtures.js'

const seed = seedText(seedNames()[0]!)
const reasons = (rejects: Record<string, unknown>[]) =>
  Object.fromEntries(rejects.map((r) => [r.source_file, r.reason]))

describe('what is not an article is rejected with a reason and a hint', () => {
  it('empty, blank, URL-only, binary, PNG-as-.txt, NUL-ridden and HTML without text', async () => {
    const dir = tempDir('rejects')
    writeTree(dir, {
      'empty.txt': '',
      'blank.txt': '  \n\t\r\n   \n',
      'url-only.txt': 'https://www.example.ml/2024/09/24/article-introuvable\n',
      'url-with-prefix.txt': ' date 2024-09 https://www.example.ml/2024/09/24/article\n\n',
      'random.bin': pseudoRandomBytes(4096),
      'image.txt': new Uint8Array([...PNG_HEADER, ...pseudoRandomBytes(2048, 7)]),
      'pdf.txt': utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj\n'),
      'nul-heavy.txt': utf8(`${seed.slice(0, 200)}${'\0'.repeat(200)}`),
      'empty-page.html':
        '<!doctype html><html><head><title>Rien</title></head><body><nav>Menu</nav></body></html>',
      'ok.txt': seed,
    })
    const b = await buildFolder(dir)
    expect(reasons(b.rejects)).toEqual({
      'empty.txt': 'empty',
      'blank.txt': 'whitespace-only',
      'url-only.txt': 'url-only',
      'url-with-prefix.txt': 'url-only',
      'random.bin': 'binary',
      'image.txt': 'binary',
      'pdf.txt': 'binary',
      'nul-heavy.txt': 'binary',
      'empty-page.html': 'html-no-text',
    })
    for (const r of b.rejects) {
      expect(r.hint).toBe(REJECT_HINTS[r.reason as keyof typeof REJECT_HINTS])
      expect(String(r.message).length).toBeGreaterThan(10)
    }
    const byFile = Object.fromEntries(b.rejects.map((r) => [r.source_file, r]))
    expect(byFile['image.txt']!.message).toMatch(/PNG image/)
    expect(byFile['pdf.txt']!.message).toMatch(/PDF/)
    expect(byFile['nul-heavy.txt']!.message).toMatch(/NUL/)
    expect(byFile['url-only.txt']!.message).toContain('https://www.example.ml/2024/09/24/article-introuvable')
    expect(b.documents.map((d) => d.source_file)).toEqual(['ok.txt'])
    expect(b.manifest.inputs).toEqual({
      seen: 10,
      documents: 1,
      duplicates: 0,
      rejected: 9,
      reconciled: true,
    })
  })

  it('a few NUL bytes inside a text are removed, and the document says so', async () => {
    const dir = tempDir('nul')
    const withNul = seed.replace(/ /g, (s, at: number) => (at % 97 === 0 ? '\0' : s))
    writeTree(dir, {
      'a.txt': seed.replace(/ /g, (s, at: number) => (at % 97 === 0 ? '' : s)),
      'b.txt': withNul,
    })
    const b = await buildFolder(dir)
    expect(b.rejects).toEqual([])
    // the NULs vanish: the two files are one document
    expect(b.documents).toHaveLength(1)
    expect(b.documents[0]!.duplicate_sources).toEqual(['b.txt'])
    const alone = tempDir('nul-alone')
    writeTree(alone, { 'b.txt': withNul })
    const w = (await buildFolder(alone)).documents[0]!.warnings as string[]
    expect(w.some((m) => /control characters \(NUL/.test(m))).toBe(true)
  })
})

describe('names, folders and links', () => {
  it('spaces, accents, a leading dash, nested folders; links kept in, never followed out', async () => {
    const root = tempDir('names')
    const dir = join(root, 'in')
    const outside = join(root, 'outside')
    const texts = seedNames().map(seedText)
    writeTree(dir, {
      'mon article été.txt': texts[0]!,
      '-article.txt': texts[1]!,
      'dossier/sous dossier/Ça va — très bien.txt': texts[2]!,
      'dossier/.cache/hidden.txt': texts[3]!,
    })
    writeTree(outside, { 'secret.txt': texts[4]! })
    symlinkSync(join(outside, 'secret.txt'), join(dir, 'lien-dehors.txt'))
    symlinkSync(join(dir, '-article.txt'), join(dir, 'lien-dedans.txt'))
    symlinkSync(join(dir, 'nowhere.txt'), join(dir, 'lien-casse.txt'))
    symlinkSync(join(dir, 'boucle-b.txt'), join(dir, 'boucle-a.txt'))
    symlinkSync(join(dir, 'boucle-a.txt'), join(dir, 'boucle-b.txt'))
    symlinkSync(outside, join(dir, 'dossier-lie'))
    symlinkSync(join(dir, 'dossier'), join(dir, 'dossier-lie-dedans'))
    execFileSync('mkfifo', [join(dir, 'tube.txt')])
    symlinkSync(join(dir, 'tube.txt'), join(dir, 'lien-tube.txt'))

    const b = await buildFolder(dir)
    expect(b.documents.map((d) => [d.source_file, d.duplicate_sources])).toEqual([
      ['-article.txt', ['lien-dedans.txt']],
      ['dossier/sous dossier/Ça va — très bien.txt', []],
      ['mon article été.txt', []],
    ])
    expect(reasons(b.rejects)).toEqual({
      'boucle-a.txt': 'symlink-broken',
      'boucle-b.txt': 'symlink-broken',
      'dossier-lie': 'symlink-outside-input',
      'lien-casse.txt': 'symlink-broken',
      'lien-dehors.txt': 'symlink-outside-input',
    })
    // nothing of the outside file leaks into the output
    const all = readFileSync(join(b.out, 'data', 'documents.jsonl'), 'utf8')
    expect(all).not.toContain(texts[4]!.slice(30, 90))
    expect(b.summary.skipped).toBe(4) // .cache, dossier-lie-dedans, tube.txt, lien-tube.txt
    expect(b.manifest.inputs.reconciled).toBe(true)
    expect(b.summary.inputs).toBe(b.summary.documents + b.summary.duplicates + b.summary.rejected)
  })

  it('a file too large to be an article is a reject, not read, and the run goes on', async () => {
    const { MAX_INPUT_BYTES } = await import('../../pipeline/inputs.js')
    const dir = tempDir('too-large')
    writeTree(dir, { 'a.txt': seed })
    // a sparse file: its size is over the limit without the disk space (or a read) it would take
    const big = join(dir, 'export-complet.txt')
    writeFileSync(big, seed)
    truncateSync(big, MAX_INPUT_BYTES + 1)
    const b = await buildFolder(dir)
    expect(b.documents).toHaveLength(1)
    expect(reasons(b.rejects)).toEqual({ 'export-complet.txt': 'too-large' })
    expect(b.rejects[0]!.message).toBe('the file is 32.0 MiB; inputs over 32.0 MiB are not read')
    expect(b.rejects[0]!.hint).toBe(REJECT_HINTS['too-large'])
    expect(b.rejects[0]!.source_sha256).toBeNull()
    expect(b.manifest.inputs.reconciled).toBe(true)
  })

  it('an article text over the length processed whole is a reject that says why, and the run goes on', async () => {
    const { MAX_TEXT_UNITS } = await import('../../pipeline/document.js')
    const dir = tempDir('too-long')
    // real paragraphs, one character more than the limit
    const text = `${seed}\n\n`
      .repeat(Math.ceil((MAX_TEXT_UNITS + 1) / (seed.length + 2)))
      .slice(0, MAX_TEXT_UNITS + 1)
    writeTree(dir, { 'a.txt': seed, 'recueil.txt': text })
    const b = await buildFolder(dir)
    expect(b.documents).toHaveLength(1)
    expect(reasons(b.rejects)).toEqual({ 'recueil.txt': 'too-large' })
    expect(b.rejects[0]!.message).toBe(
      "the article's text is 8.0 million characters; texts over 8.0 million are not processed: an article is processed whole, in memory that grows with its length (about 1.5 GB at the limit)",
    )
    expect(b.rejects[0]!.stage).toBe('parse')
    expect(b.manifest.inputs.reconciled).toBe(true)
  }, 120_000)

  it('an unreadable file is a reject and the run goes on', async () => {
    const dir = tempDir('unreadable')
    writeTree(dir, { 'a.txt': seed, 'locked.txt': seedText(seedNames()[1]!) })
    chmodSync(join(dir, 'locked.txt'), 0o000)
    // As root (these containers), permissions are not enforced and chmod 000 reads fine. A folder where
    // the walk expects a file cannot be read by anyone: it is the stand-in for an unreadable input.
    let asRoot = false
    try {
      readFileSync(join(dir, 'locked.txt'))
      asRoot = true
    } catch {}
    const b = await buildFolder(dir)
    if (asRoot) {
      expect(b.documents).toHaveLength(2)
    } else {
      expect(reasons(b.rejects)).toEqual({ 'locked.txt': 'unreadable' })
      expect(b.rejects[0]!.message).toMatch(/EACCES/)
    }
    chmodSync(join(dir, 'locked.txt'), 0o644)
    // the stand-in: a directory swapped in after discovery, as a concurrent edit would
    const { discover, readInput } = await import('../../pipeline/inputs.js')
    const found = discover(dir).inputs.find((i) => i.path === 'locked.txt')!
    const { rmSync } = await import('node:fs')
    rmSync(join(dir, 'locked.txt'))
    mkdirSync(join(dir, 'locked.txt'))
    const r = readInput(found)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error).toMatch(/not a regular file|EISDIR/)
    rmSync(join(dir, 'locked.txt'), { recursive: true })
    execFileSync('mkfifo', [join(dir, 'locked.txt')])
    const fifo = readInput(found) // must return at once, not wait for a writer
    expect(fifo.ok).toBe(false)
  })

  it('the same text in two files is one document, the other recorded in duplicate_sources', async () => {
    const dir = tempDir('dup')
    writeTree(dir, { 'b/copie.txt': seed, 'a.txt': seed, 'c.txt': `${seed}\n\n\n` })
    const b = await buildFolder(dir)
    expect(b.documents.map((d) => [d.source_file, d.duplicate_sources])).toEqual([
      ['a.txt', ['b/copie.txt', 'c.txt']],
    ])
    expect(b.manifest.inputs).toEqual({ seen: 3, documents: 1, duplicates: 2, rejected: 0, reconciled: true })
  })
})

describe('a run over every hostile case at once', () => {
  it('exits 0 from the compiled CLI, and reconciles', async () => {
    const { spawnSync } = await import('node:child_process')
    const { compiledCli } = await import('./cli.js')
    const dir = tempDir('all')
    writeTree(dir, {
      'empty.txt': '',
      'blank.txt': '\n\n \n',
      'url.txt': 'https://example.org/a',
      'random.txt': pseudoRandomBytes(1000, 3),
      'image.txt': new Uint8Array([...PNG_HEADER, ...pseudoRandomBytes(500, 9)]),
      'nul.txt': utf8(seed.replace(/,/g, ',\0')),
      '-dash.txt': seed,
      'sous dossier/été.txt': seedText(seedNames()[1]!),
      'page.html': `<html><body><article>${seedText(seedNames()[2]!)
        .split('\n\n')
        .map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
        .join('')}</article></body></html>`,
      'formula.txt': `=HYPERLINK("http://evil.example","clic") ${seedText(seedNames()[3]!)}`,
      'long-line.txt': `${seed}\n\n${'x'.repeat(200_000)}`,
      'dots.txt': `${seed}\n\n${'.'.repeat(100_000)}`,
      'guillemets.txt': `${seed}\n\n${'« '.repeat(5_000)}`,
      'crlf.txt': seedText(seedNames()[4]!).replace(/\n/g, '\r\n'),
      'copy.txt': seed,
    })
    mkdirSync(join(dir, 'dossier vide'))
    symlinkSync('/etc/hostname', join(dir, 'lien.txt'))
    const out = join(tempDir('all-out'), 'dist')
    const r = spawnSync(process.execPath, [compiledCli(), 'build', dir, '--out', out], { encoding: 'utf8' })
    expect(r.stderr).toMatch(/inputs\s+16\s+\(= \d+ documents \+ \d+ duplicates \+ \d+ rejected\)/)
    expect(r.status).toBe(0)
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'))
    expect(manifest.inputs.seen).toBe(16)
    expect(manifest.inputs.reconciled).toBe(true)
    expect(manifest.inputs.duplicates).toBeGreaterThanOrEqual(1)
    // every reject is named in the summary with what to do about it
    const rejects = readFileSync(join(out, 'rejects.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    for (const rej of rejects) {
      expect(r.stderr).toContain(`✗ ${rej.source_file}: ${rej.message}`)
      expect(r.stderr).toContain(rej.hint)
    }
    writeFileSync(join(tempDir('log'), 'stderr.txt'), r.stderr)
  })
})
