/**
 * HTML pages saved from a browser: the article body and its metadata, and offsets that still lead back
 * to the raw bytes of the page.
 */

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { prepare, sourceInfo } from '../../pipeline/document.js'
import { extractHtml } from '../../pipeline/parse/html.js'
import { decodeEntityAt } from '../../pipeline/parse/html-entities.js'
import { looksLikeHtml } from '../../pipeline/parse/sniff.js'
import {
  articlePage,
  buildFolder,
  seedNames,
  seedText,
  singleByte,
  tempDir,
  utf8,
  utf16,
  writeTree,
} from './fixtures.js'

const seed = seedText(seedNames()[2]!)
// the body lines of the seed, without its header lines
const paragraphs = seed
  .split('\n')
  .map((l) => l.trim())
  .filter(Boolean)
  .slice(3)

describe('extractHtml', () => {
  const page = articlePage(paragraphs)
  const x = extractHtml(page)

  it('takes the <article> paragraphs and leaves out navigation, asides, scripts, figures, share widgets, footer', () => {
    expect(x.bodySource).toBe('article')
    expect(x.text.text.split('\n\n')).toEqual(paragraphs)
    for (const junk of [
      'Accueil',
      'Lire aussi',
      'pas du texte',
      'color',
      'photo d’archives',
      'Partager',
      'droits réservés',
    ])
      expect(x.text.text).not.toContain(junk)
  })

  it('reads title, publication date, canonical URL and site name from the meta tags', () => {
    expect(x.meta.title?.value).toBe('Moscou réaffirme son soutien à Bamako')
    expect(x.meta.published?.value).toBe('2024-09-24T08:30:00+00:00')
    expect(x.meta.url?.value).toBe('https://www.lejournal.example/politique/moscou-bamako')
    expect(x.meta.siteName?.value).toBe('Le Journal')
  })

  it('falls back to <main>, then to <p> paragraphs, then to all text; h1 then <title> for the title', () => {
    const p = 'Le ministre a déclaré mardi à Bamako que la situation restait préoccupante.'
    const main = extractHtml(
      `<html><title>T | Site</title><body><nav><p>menu menu</p></nav><main><div>${p}</div></main><p>hors main</p></body></html>`,
    )
    expect([main.bodySource, main.text.text, main.meta.title?.value]).toEqual(['main', p, 'T | Site'])
    const ps = extractHtml(
      `<body><div>bandeau</div><h1>Le titre</h1><p>${p}</p><p>Deuxième &laquo;&nbsp;paragraphe&nbsp;&raquo;.</p></body>`,
    )
    expect(ps.bodySource).toBe('paragraphs')
    expect(ps.text.text).toBe(`${p}\n\nDeuxième «\u00a0paragraphe\u00a0».`)
    expect(ps.meta.title?.value).toBe('Le titre')
    const all = extractHtml(`<body><div>${p}</div></body>`)
    expect([all.bodySource, all.text.text]).toEqual(['all-text', p])
  })

  it('takes the longest of several <article> elements (teasers of other articles are short)', () => {
    const long = 'Un texte long et complet qui raconte vraiment ce qui s’est passé à Bamako mardi.'
    const h = extractHtml(
      `<article><p>Court teaser.</p></article><article><p>${long}</p><p>${long}</p></article><article><p>Autre.</p></article>`,
    )
    expect(h.text.text).toBe(`${long}\n\n${long}`)
  })

  it('tolerates unclosed <p> and <li>, stray end tags, < in text, and comments', () => {
    const h = extractHtml(
      '<article><p>Un a < b et c > d<p>Deux</span></div><!-- <p>caché</p> --><ul><li>trois<li>quatre</ul></article>',
    )
    expect(h.text.text).toBe('Un a < b et c > d\n\nDeux\n\ntrois\n\nquatre')
  })

  it('decodes named and numeric entities, with the HTML standard’s repairs', () => {
    const d = (s: string) => decodeEntityAt(s, 0, s.length)
    expect(d('&eacute;')).toEqual({ text: 'é', length: 8 })
    expect(d('&#233;')).toEqual({ text: 'é', length: 6 })
    expect(d('&#xE9;')).toEqual({ text: 'é', length: 6 })
    expect(d('&#146;')).toEqual({ text: '’', length: 6 }) // Windows-1252's apostrophe
    expect(d('&#128512;')).toEqual({ text: '😀', length: 9 })
    expect(d('&#0;')?.text).toBe('\ufffd')
    expect(d('&#xD800;')?.text).toBe('\ufffd')
    expect(d('&#99999999999999999999;')?.text).toBe('\ufffd')
    expect(d('&nosuch;')).toBeNull()
    expect(d('&__proto__;')).toBeNull()
    expect(d('&constructor;')).toBeNull()
    expect(d('& ')).toBeNull()
  })

  it('maps every unit of the body back to the page, entities included', () => {
    const h = extractHtml('<p>Apr&egrave;s l&rsquo;attaque &#128512; fin</p>')
    const t = h.text
    const page = '<p>Apr&egrave;s l&rsquo;attaque &#128512; fin</p>'
    const span = (word: string) => {
      const at = t.text.indexOf(word)
      const o = t.origin(at, at + word.length)
      return page.slice(o.start, o.end)
    }
    expect(span('Après')).toBe('Apr&egrave;s')
    expect(span('l’attaque')).toBe('l&rsquo;attaque')
    expect(span('😀')).toBe('&#128512;')
    expect(span('fin')).toBe('fin')
  })

  it('is told from text by extension or by its first tag', () => {
    expect(looksLikeHtml('a.HTM', 'du texte')).toBe(true)
    expect(
      looksLikeHtml('a.txt', '\ufeff\n  <!-- saved from url=(0014)about:internet -->\n<!DOCTYPE html>'),
    ).toBe(true)
    expect(looksLikeHtml('a.txt', '<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">')).toBe(
      true,
    )
    expect(looksLikeHtml('a.txt', 'Le <b>texte</b> commence ici')).toBe(false)
  })
})

describe('an HTML page through the pipeline', () => {
  it('becomes a document with the page’s title, date (source header), URL, and the body offsets map to raw bytes', () => {
    const html = articlePage(paragraphs)
    const bytes = utf8(html)
    const p = prepare(sourceInfo('page.html', bytes), bytes)
    expect(p.kind).toBe('prepared')
    if (p.kind !== 'prepared') return
    expect(p.header.title?.value.text).toBe('Moscou réaffirme son soutien à Bamako')
    expect(p.explicit).toMatchObject({ value: '2024-09-24', source: 'header' })
    expect(p.header.url?.value).toBe('https://www.lejournal.example/politique/moscou-bamako')
    // every word of the body, traced to raw bytes, is found there
    const body = p.body.text
    for (const m of body.matchAll(/\p{L}{6,}/gu)) {
      const o = p.body.origin(m.index, m.index + m[0].length)
      const raw = new TextDecoder().decode(
        bytes.subarray(p.decoded.byteOffsets[o.start], p.decoded.byteOffsets[o.end]),
      )
      expect(raw).toBe(m[0])
    }
  })

  it('the same page in UTF-16 and in Windows-1252, as .htm or sniffed in a .txt, is one document', async () => {
    const html = articlePage(paragraphs)
    const dir = tempDir('html')
    writeTree(dir, {
      'a.html': utf8(html),
      'b.htm': utf16(html, 'le'),
      'c-sniffed.txt': singleByte(html.replace('😀', ''), 'windows-1252'),
    })
    const b = await buildFolder(dir)
    expect(b.rejects).toEqual([])
    expect(
      b.documents.map((d) => [
        d.source_file,
        d.duplicate_sources,
        d.title,
        d.published,
        d.published_source,
        d.url,
      ]),
    ).toEqual([
      [
        'a.html',
        ['b.htm', 'c-sniffed.txt'],
        'Moscou réaffirme son soutien à Bamako',
        '2024-09-24',
        'header',
        'https://www.lejournal.example/politique/moscou-bamako',
      ],
    ])
    // raw offsets of the extractor rows point into the page's bytes
    const raw = new Uint8Array(readFileSync(join(dir, 'a.html')))
    for (const row of b.table('temporal_expressions')) {
      if (row.raw_start === null) continue
      const s = new TextDecoder().decode(raw.subarray(Number(row.raw_start), Number(row.raw_end)))
      expect(s.replace(/\s+/g, ' ')).toBe(String(row.surface))
    }
  })
})
