/**
 * The entity table holds at most `spillAt` entities in memory and writes sorted runs beyond: merged, they
 * give what one map gave — each id once, by id, its counts summed, the row it was first given with.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { EntitiesRow } from '../../pipeline/_generated/tables.js'
import { type EntityCore, EntityTable } from '../../pipeline/publish/entity-table.js'
import { build } from '../../pipeline/run.js'
import { seedNames, seedText, tempDir, writeTree } from '../hostile/fixtures.js'

const entity = (id: string, name: string, k: number): EntityCore => ({
  entity_id: id,
  name,
  type: k % 3 === 0 ? 'place' : 'person',
  country_code: k % 2 === 0 ? 'ML' : null,
  wikidata_id: null,
  geonames_id: null,
  latitude: k % 3 === 0 ? 12.5 + k / 1000 : null,
  longitude: k % 3 === 0 ? -8.25 : null,
  source: 'inferred',
})

/** What the one map gave: first row kept, counts summed, rows sorted by id. */
function reference(adds: readonly [EntityCore, number, number][]): EntitiesRow[] {
  const m = new Map<string, { row: EntityCore; docs: number; mentions: number }>()
  for (const [row, docs, mentions] of adds) {
    const acc = m.get(row.entity_id)
    if (acc) {
      acc.docs += docs
      acc.mentions += mentions
    } else m.set(row.entity_id, { row, docs, mentions })
  }
  return [...m.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((id) => {
      const e = m.get(id)!
      return { ...e.row, n_documents: e.docs, n_mentions: e.mentions }
    })
}

describe('EntityTable', () => {
  it('spills sorted runs past spillAt and merges them into the table one map gave', () => {
    const dir = tempDir('entity-runs')
    const adds: [EntityCore, number, number][] = []
    // 500 adds over 120 ids, in a scrambled order; a later add of an id carries another name, which
    // must not replace the first
    for (let k = 0; k < 500; k++) {
      const i = (k * 37) % 120
      adds.push([entity(`ent_${String(i).padStart(4, '0')}`, `Nom ${i} (vu en ${k})`, i), 1, 1 + (k % 4)])
    }
    const table = new EntityTable(dir, 16)
    let most = 0
    for (const [row, docs, mentions] of adds) {
      table.add(row, docs, mentions)
      most = Math.max(most, table.heldCount)
    }
    expect(most).toBeLessThan(16)
    expect(table.runCount).toBeGreaterThan(5)
    expect(readdirSync(dir).filter((f) => f.startsWith('.entities.run-'))).toHaveLength(table.runCount)
    const rows = [...table.sorted()]
    expect(rows).toEqual(reference(adds))
    expect(rows).toHaveLength(120)
    expect(rows[0]!.name).toBe('Nom 0 (vu en 0)')
    // the runs are scratch: gone once merged
    expect(readdirSync(dir)).toEqual([])
  })

  it('without a spill, the same table', () => {
    const adds: [EntityCore, number, number][] = [
      [entity('ent_b', 'B', 1), 1, 2],
      [entity('ent_a', 'A', 3), 1, 1],
      [entity('ent_b', 'B bis', 1), 1, 5],
    ]
    const table = new EntityTable(tempDir('entity-mem'))
    for (const [row, docs, mentions] of adds) table.add(row, docs, mentions)
    expect(table.runCount).toBe(0)
    expect([...table.sorted()]).toEqual(reference(adds))
  })
})

describe('a build whose entities spill', () => {
  it('writes the bytes of a build that held them all (clusters of events included)', async () => {
    const root = tempDir('entity-build')
    const files: Record<string, string> = {}
    for (const [k, name] of seedNames().entries()) files[`${k}.txt`] = seedText(name)
    writeTree(join(root, 'in'), files)
    const held = await build({ input: join(root, 'in'), out: join(root, 'held') })
    const spilled = await build({ input: join(root, 'in'), out: join(root, 'spilled'), entitySpillAt: 3 })
    expect(held.rows.entities).toBeGreaterThan(20)
    expect(readFileSync(join(root, 'spilled', 'SHA256SUMS'), 'utf8')).toBe(
      readFileSync(join(root, 'held', 'SHA256SUMS'), 'utf8'),
    )
    expect(spilled.rows).toEqual(held.rows)
  })
})
