/** report.html: every chart drawn when there is data, placeholders when there is none, same bytes twice. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { defaultMetadata } from '../../pipeline/metadata/dataset.js'
import { monthsBetween } from '../../pipeline/publish/report/charts.js'
import { writeReport } from '../../pipeline/publish/report/index.js'
import { scopeIds } from '../../pipeline/publish/report/svg.js'
import { writeSampleOutput } from './fixtures/sample-output.js'

const tmp = mkdtempSync(join(tmpdir(), 'depeches-report-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

const CHARTS = [
  'timeline',
  'map',
  'people',
  'organizations',
  'countries',
  'event-types',
  'speakers',
  'rejects',
]
const figures = (html: string) =>
  [...html.matchAll(/<figure class="chart[^"]*" id="chart-([^"]+)"[^>]*data-empty="(true|false)"/g)].map(
    (m) => [m[1], m[2]] as const,
  )

describe('report.html', () => {
  test('with data: every chart is an inline SVG, the page fetches nothing', async () => {
    const dir = join(tmp, 'full')
    writeSampleOutput(dir)
    await writeReport(dir, defaultMetadata('9.9.9'))
    const html = readFileSync(join(dir, 'report.html'), 'utf8')
    expect(figures(html)).toEqual(CHARTS.map((c) => [c, 'false']))
    expect(html.match(/<svg /g)?.length).toBe(CHARTS.length)
    expect(html).not.toMatch(/<script|<link |src="http|href="http|@import/)
    expect(html).toContain('Sergueï Lavrov')
    expect(html).toContain('2021-12-07 to 2024-09-24') // coverage: earliest and latest publication day
    // ids are unique in the page although every vega SVG numbers its own
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1])
    expect(new Set(ids).size).toBe(ids.length)
  })

  test('with empty tables: the page still renders, with a placeholder per empty chart', async () => {
    const dir = join(tmp, 'empty')
    mkdirSync(join(dir, 'data'), { recursive: true })
    for (const t of ['documents', 'entities', 'mentions', 'quotes', 'temporal_expressions', 'events'])
      writeFileSync(join(dir, 'data', `${t}.jsonl`), '')
    writeFileSync(join(dir, 'rejects.jsonl'), '')
    await writeReport(dir, defaultMetadata('0.0.0'))
    const html = readFileSync(join(dir, 'report.html'), 'utf8')
    expect(figures(html)).toEqual(CHARTS.map((c) => [c, 'true']))
    expect(html.match(/class="nodata"/g)?.length).toBe(CHARTS.length)
  })

  test('deterministic: the same data gives the same bytes', async () => {
    const a = join(tmp, 'a')
    const b = join(tmp, 'b')
    writeSampleOutput(a)
    writeSampleOutput(b)
    await writeReport(a, defaultMetadata('1.0.0'))
    await writeReport(b, defaultMetadata('1.0.0'))
    expect(readFileSync(join(a, 'report.html')).equals(readFileSync(join(b, 'report.html')))).toBe(true)
  })

  test('monthsBetween fills gaps and stops at a century', () => {
    expect(monthsBetween(['2022-02', '2021-11'])).toEqual(['2021-11', '2021-12', '2022-01', '2022-02'])
    expect(monthsBetween([])).toEqual([])
    expect(monthsBetween(['0001-01', '9999-12'])).toHaveLength(1200)
  })

  test('scopeIds renames ids and their references only', () => {
    const svg =
      '<svg><clipPath id="clip7"><rect/></clipPath><g clip-path="url(#clip7)"><use href="#clip7"/></g></svg>'
    expect(scopeIds(svg, 'c')).toBe(
      '<svg><clipPath id="c-1"><rect/></clipPath><g clip-path="url(#c-1)"><use href="#c-1"/></g></svg>',
    )
  })
})
