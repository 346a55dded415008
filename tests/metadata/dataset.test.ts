/**
 * Dataset metadata as data: `dataset.json` beside the inputs (validated against
 * schemas/inputs/dataset.schema.json) over defaults that name no corpus, feeding datapackage.json, the
 * report and a release's card and CITATION.cff; the input walker does not read it as an article.
 */
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { unzipSync } from 'fflate'
import { beforeAll, describe, expect, test } from 'vitest'
import { PipelineError } from '../../pipeline/errors.js'
import { defaultMetadata, parseMetadata } from '../../pipeline/metadata/dataset.js'
import { makeRelease } from '../../pipeline/release/release.js'
import { seedNames, seedsDir, tempDir } from '../helpers.js'
import { compiledCli } from '../hostile/cli.js'

const CORPUS_WORDS = /Mali|Sahel|Russ|Wagner|Moscou|Bamako|seed/i

describe('dataset.json', () => {
  test('the defaults describe any corpus and name none', () => {
    const d = defaultMetadata('1.2.3')
    expect(d.version).toBe('1.2.3')
    expect(JSON.stringify(d)).not.toMatch(CORPUS_WORDS)
    expect(d.licenses[0]!.name).toBe('CC-BY-4.0')
    expect(d.authors.length).toBeGreaterThan(0)
  })

  test('what the file gives replaces the default, the rest stays', () => {
    const d = parseMetadata(
      JSON.stringify({ title: 'Haïti 2024', keywords: ['Haïti'], authors: [{ name: 'A. Chercheuse' }] }),
      'dataset.json',
      '1.0.0',
    )
    expect(d.title).toBe('Haïti 2024')
    expect(d.keywords).toEqual(['Haïti'])
    expect(d.authors).toEqual([{ name: 'A. Chercheuse' }])
    expect(d.description).toBe(defaultMetadata('1.0.0').description)
  })

  test.each([
    ['{"title": "x", "tilte": "typo"}', /unknown property "tilte"/],
    ['{"keywords": "Mali"}', /\/keywords must be array/],
    ['{"authors": [{"name": "X", "orcid": "0000-0001"}]}', /\/authors\/0\/orcid must match pattern/],
    ['{"licenses": []}', /\/licenses must NOT have fewer than 1 items/],
    ['{"title": ', /not valid JSON/],
  ])('a bad file is refused with what is wrong: %s', (text, message) => {
    let err: unknown
    try {
      parseMetadata(text, 'dataset.json', '1.0.0')
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(PipelineError)
    expect((err as PipelineError).code).toBe('E_METADATA')
    expect((err as Error).message).toMatch(message)
  })

  test('the seeds describe themselves, and match the schema', () => {
    const d = parseMetadata(readFileSync(join(seedsDir, 'dataset.json'), 'utf8'), 'seeds', '0')
    expect(d.title).toMatch(/Mali/)
    expect(d.keywords).toContain('Sahel')
  })
})

describe('a build with and without dataset.json', () => {
  const cli = () => compiledCli()
  const run = (...args: string[]) => spawnSync(process.execPath, [cli(), ...args], { encoding: 'utf8' })
  const root = tempDir('metadata')
  const withMeta = join(root, 'with')
  const without = join(root, 'without')
  beforeAll(() => {
    for (const d of [withMeta, without]) {
      mkdirSync(d)
      for (const s of seedNames()
        .filter((n) => n.endsWith('.txt'))
        .slice(0, 2))
        copyFileSync(join(seedsDir, s), join(d, s))
    }
    writeFileSync(
      join(withMeta, 'dataset.json'),
      JSON.stringify({
        name: 'haiti-press',
        title: 'Presse haïtienne 2024',
        description: 'Des articles sur Haïti.',
        keywords: ['Haïti', 'presse'],
        version: '2.0.0',
        authors: [{ name: 'A. Chercheuse', orcid: 'https://orcid.org/0000-0002-1825-0097' }],
      }),
    )
    for (const [d, o] of [
      [withMeta, 'out-with'],
      [without, 'out-without'],
    ] as const) {
      const r = run('build', d, '--out', join(root, o), '--quiet', '--jobs', '1')
      expect(r.status, r.stderr).toBe(0)
    }
  })
  const read = (o: string, f: string) => readFileSync(join(root, o, f), 'utf8')

  test('dataset.json is not an article: two documents, the file listed as skipped', () => {
    const m = JSON.parse(read('out-with', 'manifest.json'))
    expect(m.inputs.documents).toBe(2)
    expect(m.skipped).toEqual([{ path: 'dataset.json', why: 'dataset-metadata' }])
    expect(m.dataset.title).toBe('Presse haïtienne 2024')
  })

  test('datapackage.json and the report say what dataset.json says', () => {
    const p = JSON.parse(read('out-with', 'datapackage.json'))
    expect(p).toMatchObject({
      name: 'haiti-press',
      title: 'Presse haïtienne 2024',
      version: '2.0.0',
      keywords: ['Haïti', 'presse'],
      contributors: [
        { title: 'A. Chercheuse', path: 'https://orcid.org/0000-0002-1825-0097', roles: ['author'] },
      ],
    })
    expect(read('out-with', 'report.html')).toContain('<h1>Presse haïtienne 2024</h1>')
  })

  test('without dataset.json, the metadata, report title and release name no corpus', async () => {
    const p = JSON.parse(read('out-without', 'datapackage.json'))
    const { resources: _r, ...meta } = p
    expect(JSON.stringify(meta)).not.toMatch(CORPUS_WORDS)
    const title = /<title>([^<]*)<\/title>[\s\S]*<h1>([^<]*)<\/h1>\s*<p class="lead">([^<]*)<\/p>/.exec(
      read('out-without', 'report.html'),
    )!
    expect(title.slice(1).join(' ')).not.toMatch(CORPUS_WORDS)
    const rel = await makeRelease({ dist: join(root, 'out-without'), out: join(root, 'rel-without') })
    const zip = unzipSync(readFileSync(rel.zip))
    const text = (f: string) => new TextDecoder().decode(zip[`${rel.name}/${f}`])
    const card = text('README.md')
    const cardHead = card.slice(0, card.indexOf('## Coverage')) // the figures below come from the data
    expect(cardHead.replace(/Outlets \(as recognised[^\n]*(\n[^\n#]+)*/, '')).not.toMatch(CORPUS_WORDS)
    expect(text('CITATION.cff')).not.toMatch(CORPUS_WORDS)
  })

  test('CITATION.cff: the metadata given, released on the latest publication date of the data', async () => {
    const rel = await makeRelease({ dist: join(root, 'out-with'), out: join(root, 'rel-with') })
    expect(rel.name).toBe('depeches-2.0.0')
    const cff = new TextDecoder().decode(unzipSync(readFileSync(rel.zip))[`${rel.name}/CITATION.cff`])
    const latest = read('out-with', 'data/documents.jsonl')
      .split('\n')
      .filter((l) => l)
      .map((l) => JSON.parse(l).published_max as string | null)
      .filter((d): d is string => d !== null)
      .sort()
      .at(-1)
    expect(latest).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(cff).toContain(`date-released: "${latest}"`)
    expect(cff).toContain('title: "Presse haïtienne 2024"')
    expect(cff).toContain('  - name: "A. Chercheuse"\n    orcid: "https://orcid.org/0000-0002-1825-0097"')
    expect(cff).toContain('version: "2.0.0"')
  })

  test('a bad dataset.json stops the build: exit 1, the file and the fault named', () => {
    const bad = join(root, 'bad')
    mkdirSync(bad)
    copyFileSync(join(seedsDir, seedNames().find((n) => n.endsWith('.txt'))!), join(bad, 'a.txt'))
    writeFileSync(join(bad, 'dataset.json'), '{"title": 3}')
    const r = run('build', bad, '--out', join(root, 'out-bad'), '--quiet')
    expect(r.status).toBe(1)
    expect(r.stderr.trim()).toMatch(
      /^depeches: could not run: dataset\.json of the input folder does not match .*\/title must be string$/,
    )
  })
})
