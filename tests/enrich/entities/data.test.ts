import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { gazetteer } from '../../../pipeline/enrich/entities/gazetteer.js'
import { repoFile } from '../../../pipeline/util/paths.js'

const files = ['countries.json', 'places.json', 'persons.json', 'organizations.json', 'equipment.json']

describe('gazetteer data', () => {
  it('every file says where it comes from and which version it is', () => {
    for (const f of [...files, 'institutions.json', 'name-rules.json']) {
      const d = JSON.parse(readFileSync(repoFile(`pipeline/reference/gazetteer/${f}`), 'utf8'))
      expect(typeof d.source, f).toBe('string')
      expect(d.source.length, f).toBeGreaterThan(40)
      expect(d.version, f).toMatch(/^\d{4}-\d{2}-\d{2}/)
    }
  })

  it('covers every ISO 3166-1 country, with valid codes for countries and places', () => {
    const g = gazetteer()
    const countries = g.entities.filter((e) => e.draft.type === 'country')
    expect(countries.length).toBeGreaterThanOrEqual(249)
    const codes = new Set(countries.map((e) => e.draft.country_code))
    for (const e of g.entities) {
      if (e.draft.country_code !== null) expect(codes.has(e.draft.country_code), e.draft.name).toBe(true)
      if (e.draft.wikidata_id !== null) expect(e.draft.wikidata_id).toMatch(/^Q\d+$/)
    }
  })

  it('has no two entities with the same id', () => {
    const ids = gazetteer().entities.map((e) => e.draft.entity_id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('is what scripts/build-gazetteer.mjs generates (deterministic, up to date)', () => {
    expect(() => execFileSync('node', [repoFile('scripts/build-gazetteer.mjs'), '--check'])).not.toThrow()
    // It reads 135,000 towns and 60-odd first-name locales: minutes on a loaded machine.
  }, 600_000)
})
