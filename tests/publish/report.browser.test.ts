/**
 * report.html in a real browser (Debian's chromium, driven by playwright-core): the page loads from a
 * file with no network request, no console error, and every chart is an SVG with a visible size, or a
 * "no data" placeholder. Screenshots go to .cache/ (never dist/) for a human to look at.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { type Browser, chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { defaultMetadata } from '../../pipeline/metadata/dataset.js'
import { writeReport } from '../../pipeline/publish/report/index.js'
import { writeSampleOutput } from './fixtures/sample-output.js'

const CHROMIUM = '/usr/bin/chromium'
const CACHE = resolve('.cache')
let browser: Browser

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: run 'make browser-deps' (apt-get install chromium)`)
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
})
afterAll(async () => {
  await browser?.close()
})

interface Rendered {
  id: string
  empty: boolean
  svgs: number
  width: number
  height: number
  placeholder: boolean
}

async function open(file: string, screenshot: string) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
  const problems: string[] = []
  const requests: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`)
  })
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`))
  page.on('request', (r) => requests.push(r.url()))
  const url = pathToFileURL(file).href
  await page.goto(url, { waitUntil: 'load' })
  const charts = await page.$$eval('figure.chart', (figs) =>
    figs.map((f) => {
      const svg = f.querySelector('svg')
      const box = svg?.getBoundingClientRect()
      return {
        id: f.id,
        empty: f.getAttribute('data-empty') === 'true',
        svgs: f.querySelectorAll('svg').length,
        width: box?.width ?? 0,
        height: box?.height ?? 0,
        placeholder: f.querySelector('.nodata') !== null,
      }
    }),
  )
  mkdirSync(CACHE, { recursive: true })
  await page.screenshot({ path: join(CACHE, screenshot), fullPage: true })
  await page.close()
  return { charts: charts as Rendered[], problems, requests: requests.filter((r) => r !== url) }
}

function expectRendered(charts: readonly Rendered[]) {
  expect(charts.length).toBe(8)
  for (const c of charts) {
    if (c.empty) {
      expect(c.placeholder, c.id).toBe(true)
      expect(c.svgs, c.id).toBe(0)
    } else {
      expect(c.svgs, c.id).toBe(1)
      expect(c.width, c.id).toBeGreaterThan(100)
      expect(c.height, c.id).toBeGreaterThan(50)
    }
  }
}

describe('report.html in headless Chromium', () => {
  test('a report with data in every table: all eight charts drawn', async () => {
    const dir = join(CACHE, 'report-sample')
    rmSync(dir, { recursive: true, force: true })
    writeSampleOutput(dir)
    await writeReport(dir, defaultMetadata('sample'))
    const { charts, problems, requests } = await open(join(dir, 'report.html'), 'report-sample.png')
    expect(problems).toEqual([])
    expect(requests).toEqual([])
    expectRendered(charts)
    expect(charts.every((c) => !c.empty)).toBe(true)
  })

  test('dist/report.html: renders, charts or placeholders, nothing fetched', async () => {
    const file = resolve('dist/report.html')
    expect(existsSync(file), 'dist/report.html is missing: run make').toBe(true)
    const { charts, problems, requests } = await open(file, 'report.png')
    expect(problems).toEqual([])
    expect(requests).toEqual([])
    expectRendered(charts)
    // the seeds always give documents, so the timeline is never empty
    expect(charts.find((c) => c.id === 'chart-timeline')?.empty).toBe(false)
  })
})
