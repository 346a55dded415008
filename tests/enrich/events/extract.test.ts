import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { extractEvents } from '../../../pipeline/enrich/events/index.js'
import { EMPTY } from '../../../pipeline/enrich/extract.js'
import { cpuMs } from '../../cpu-time.js'
import { eventsOf, inputOf, ofType } from './fixtures.js'

const ARTICLE = `Après l’attaque terroriste dans laquelle 31 civils ont péri au Mali, Moscou a présenté ses condoléances à Bamako.
Le ministre malien des Affaires étrangères, en visite à Moscou, a eu des négociations avec son homologue russe. Les deux ministres ont signé un accord de défense.
De violents combats ont fait une cinquantaine de morts près de Ménaka 🇲🇱, a indiqué l’armée.`

describe('spans', () => {
  it('gives the sentence as evidence and the trigger inside it', () => {
    const ev = eventsOf(ARTICLE)
    expect(ev.length).toBeGreaterThan(4)
    for (const e of ev) {
      expect(ARTICLE.slice(e.start, e.end)).toBe(e.evidence)
      // an extractor's offsets are UTF-16 units; `document.ts` converts them all to code points
      expect(ARTICLE.slice(e.trigger_start, e.trigger_end)).toBe(e.trigger)
      expect(e.trigger_start).toBeGreaterThanOrEqual(e.start)
      expect(e.trigger_end).toBeLessThanOrEqual(e.end)
      for (const m of e.mentions) expect(ARTICLE.slice(m.trigger_start, m.trigger_end)).toBe(m.trigger)
    }
  })

  it('gives UTF-16 offsets after astral characters (converted centrally)', () => {
    const text = '🇲🇱🇲🇱 Des affrontements ont éclaté.'
    const fight = ofType(eventsOf(text), 'fight')!
    expect(text.slice(fight.trigger_start, fight.trigger_end)).toBe('affrontements')
    expect(fight.trigger_start).toBe(13)
  })

  it('reads the whole article', () => {
    const ev = eventsOf(ARTICLE)
    expect(ofType(ev, 'attack')?.fatalities).toBe(31)
    expect(ofType(ev, 'fight')).toMatchObject({ fatalities: 50, fatalities_qualifier: 'approximate' })
    expect(ev.map((e) => e.event_type)).toEqual(
      expect.arrayContaining(['attack', 'visit', 'meeting', 'agreement', 'fight', 'statement']),
    )
    expect(ev.every((e) => e.method === 'pattern' && e.confidence > 0 && e.confidence <= 1)).toBe(true)
  })

  it('is deterministic', () => {
    expect(eventsOf(ARTICLE)).toEqual(eventsOf(ARTICLE))
  })
})

describe('hostile input', () => {
  it('finishes on a 200,000-character line of triggers, numbers and separators', () => {
    const unit = 'attaque 31 civils , dont 5 100 5.100 ont été tués et 2 soldats et '
    const text = unit.repeat(Math.ceil(200_000 / unit.length))
    const t0 = cpuMs()
    const ev = eventsOf(text)
    expect(cpuMs() - t0).toBeLessThan(10_000)
    expect(ev.length).toBeGreaterThan(0)
  })

  it('finishes on long runs of digits, spaces and apostrophes', () => {
    const text = `${'9 999 '.repeat(30_000)} ${"l'".repeat(30_000)} ${'au moins '.repeat(20_000)}morts`
    const t0 = cpuMs()
    eventsOf(text)
    expect(cpuMs() - t0).toBeLessThan(10_000)
  })

  it('never throws and keeps spans inside the text', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(
            'attaque',
            '31',
            'civils',
            'ont',
            'péri',
            'tuant',
            'au moins',
            '5 100',
            ',',
            '.',
            ' ',
            'Moscou',
            'a déclaré',
            'des centaines de',
            'morts',
            '🇲🇱',
            '\u00a0',
            'dont',
            'et',
            'une cinquantaine',
          ),
          { maxLength: 60 },
        ),
        (parts) => {
          const text = parts.join(' ')
          const ev = extractEvents(inputOf(text), EMPTY).events ?? []
          for (const e of ev) {
            expect(text.slice(e.start, e.end)).toBe(e.evidence)
            expect(e.fatalities === null || (Number.isInteger(e.fatalities) && e.fatalities >= 0)).toBe(true)
          }
        },
      ),
      { numRuns: 300 },
    )
  })
})
