/**
 * Two attacks told in one sentence, each with its own toll (`… tuées le 13 septembre à Kolofata, …
 * également frappée le 3 septembre par un double attentat ayant fait 40 morts`), are two events —
 * with distinct ids in the published tables.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { build } from '../../../pipeline/run.js'
import { tempDir } from '../../helpers.js'
import { type EntitySpec, eventsOf, idOf } from './fixtures.js'

const KOLOFATA: EntitySpec = { name: 'Kolofata', type: 'place', surfaces: ['Kolofata'], country_code: 'CM' }
const SENTENCE =
  'Au moins sept personnes ont été tuées le 13 septembre à Kolofata, située non loin de Kerawa, également frappée le 3 septembre par un double attentat ayant fait 40 morts, selon les sources.'

describe('two attacks in one sentence', () => {
  it('makes an event of a second attack the sentence gives its own toll', () => {
    const ev = eventsOf(
      SENTENCE,
      [KOLOFATA],
      [
        { surface: '13 septembre', value: '2015-09-13', precision: 'day' },
        { surface: '3 septembre', value: '2015-09-03', precision: 'day' },
      ],
    ).filter((e) => e.event_code === 'ASSAULT')
    expect(ev).toHaveLength(2)
    const tolls = ev.map((e) => e.fatalities).sort((a, b) => (a ?? 0) - (b ?? 0))
    expect(tolls).toEqual([7, 40])
    expect(ev.find((e) => e.fatalities === 7)!.location_entity_id).toBe(idOf('Kolofata'))
  })

  it('gives the two events and their mentions distinct ids', async () => {
    const dir = tempDir('same-sentence')
    const input = join(dir, 'in')
    mkdirSync(input)
    writeFileSync(join(input, 'a.txt'), `Cameroun : nouvel attentat\n\n2015-09-20\n\n${SENTENCE}\n`)
    const out = join(dir, 'out')
    await build({ input, out })
    const rows = (name: string) =>
      readFileSync(join(out, 'data', name), 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as Record<string, unknown>)
    const events = rows('events.jsonl').filter((e) => e.event_code === 'ASSAULT')
    expect(events.length).toBeGreaterThanOrEqual(2)
    const ids = rows('events.jsonl').map((e) => e.event_id)
    expect(new Set(ids).size).toBe(ids.length)
    const mids = rows('event_mentions.jsonl').map((m) => m.event_mention_id)
    expect(new Set(mids).size).toBe(mids.length)
  })
})
