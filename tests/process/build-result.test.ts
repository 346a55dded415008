/**
 * What a worker returns for a document: its rows, and its events as the lines of the event spool
 * (`publish/event-spool.ts`), which the cache checks like the rows before reusing them.
 */
import { describe, expect, it } from 'vitest'
import { buildBytes } from '../../pipeline/process-input.js'
import { eventsOf } from '../../pipeline/publish/event-spool.js'
import { documentContext, isBuildResult } from '../../pipeline/worker.js'

// a real fragment: two events (a delivery and an attack) in a dated dispatch
const ARTICLE =
  'Bamako, 12 mars 2024 (AFP) — La Russie a livré mardi deux hélicoptères de combat à l’armée malienne, a annoncé le ministère de la Défense. Le même jour, une attaque contre un poste militaire près de Gao a fait dix morts parmi les soldats, selon une source sécuritaire.\n'
const input = { path: 'article.txt', abs: '/nonexistent/article.txt' }

describe('a built document', () => {
  const ctx = documentContext(null)
  const r = buildBytes(input, new TextEncoder().encode(ARTICLE), [], null, ctx)

  it('carries its events as spool lines under its year, not as rows', () => {
    expect(r.kind).toBe('document')
    if (r.kind !== 'document') return
    expect(r.rows.events).toEqual([])
    expect(r.events.year).toBe('2024')
    const events = eventsOf(r.events)
    expect(events.length).toBeGreaterThanOrEqual(2)
    expect(events.map((e) => e.event_type)).toContain('attack')
    for (const e of events) expect(ctx.validator('events', e)).toEqual([])
    expect(r.events.keys).toHaveLength(events.length)
  })

  it('is refused by the cache check when a spool line is not a valid event row', () => {
    expect(isBuildResult(r, ctx.validator)).toBe(true)
    if (r.kind !== 'document') return
    const line = JSON.parse(r.events.rows[0]!) as { year: string; row: Record<string, unknown> }
    const badRow = JSON.stringify({ ...line, row: { ...line.row, fatalities: 'ten' } })
    const badYear = JSON.stringify({ ...line, year: '1999' })
    for (const rows of [[badRow, ...r.events.rows.slice(1)], [badYear, ...r.events.rows.slice(1)], ['{']])
      expect(
        isBuildResult(
          { ...r, events: { ...r.events, rows, keys: r.events.keys.slice(0, rows.length) } },
          ctx.validator,
        ),
      ).toBe(false)
    expect(
      isBuildResult(
        { ...r, events: { ...r.events, keys: ['[]', ...r.events.keys.slice(1)] } },
        ctx.validator,
      ),
    ).toBe(false)
    // well-formed keys, but each another event's
    expect(r.events.keys.length).toBeGreaterThanOrEqual(2)
    expect(
      isBuildResult({ ...r, events: { ...r.events, keys: [...r.events.keys].reverse() } }, ctx.validator),
    ).toBe(false)
    expect(isBuildResult({ kind: 'document', rows: r.rows }, ctx.validator)).toBe(false)
  })
})
