/**
 * The entity table of a build, gathered as documents come: each entity's first row and its counts of
 * documents and mentions, written sorted by `entity_id` once every document is done.
 *
 * Unlike every other table it cannot be written as rows come (an entity's counts are known only at the
 * end), so it was held whole in memory: about 300 bytes an entity (measured with `--expose-gc` on a
 * million entities in a `Map`), some 300 MB on the main thread for a million distinct names, which a
 * real corpus of a million articles can hold. Here at most `ENTITY_SPILL_AT` entities are in memory: when
 * that many have come, they are written out sorted to a compressed scratch file (a run) and forgotten.
 * The finish merges the runs and what is in memory by id; an entity found in several runs gets the sum
 * of its counts and the row of the earliest, as the one map gave. The table's bytes are the same.
 */
import { rmSync } from 'node:fs'
import type { EntitiesRow } from '../_generated/tables.js'
import { JsonlCursor } from '../util/jsonl-cursor.js'
import { inside, SCRATCH } from './layout.js'
import { TextSink } from './text-sink.js'

export type EntityCore = Omit<EntitiesRow, 'n_documents' | 'n_mentions'>

interface Counted {
  row: EntityCore
  docs: number
  mentions: number
}

/** Entities held in memory before a run is written: about 75 MB of them. */
export const ENTITY_SPILL_AT = 250_000

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** A run's line: `[entity_id, docs, mentions, row]`. */
type RunLine = [string, number, number, EntityCore]

export class EntityTable {
  private held = new Map<string, Counted>()
  private readonly runs: string[] = []

  constructor(
    /** The output folder whose scratch files the runs are. */
    private readonly dir: string,
    private readonly spillAt = ENTITY_SPILL_AT,
  ) {}

  /** Entities in memory now (at most `spillAt`). */
  get heldCount(): number {
    return this.held.size
  }

  /** Runs written so far. */
  get runCount(): number {
    return this.runs.length
  }

  /** An entity with counts to add; the first row given for an id is the one kept. */
  add(row: EntityCore, docs: number, mentions: number): void {
    const acc = this.held.get(row.entity_id)
    if (acc) {
      acc.docs += docs
      acc.mentions += mentions
      return
    }
    this.held.set(row.entity_id, { row, docs, mentions })
    if (this.held.size >= this.spillAt) this.spill()
  }

  private spill(): void {
    const path = inside(this.dir, SCRATCH.entityRun(this.runs.length))
    const sink = new TextSink(path, undefined, { compressed: true })
    for (const id of [...this.held.keys()].sort(cmp)) {
      const e = this.held.get(id)!
      sink.writeLine(JSON.stringify([id, e.docs, e.mentions, e.row] satisfies RunLine))
    }
    sink.close()
    this.runs.push(path)
    this.held = new Map()
  }

  /**
   * Every entity once, by id, with its counts: the runs (oldest first) and the entities in memory merged.
   * Reads each run once and deletes it; call once, at the end.
   */
  *sorted(): Generator<EntitiesRow> {
    const sources: { cursor: JsonlCursor<RunLine> | null; items: RunLine[]; at: number }[] = this.runs.map(
      (path) => ({ cursor: new JsonlCursor<RunLine>(path, { compressed: true }), items: [], at: 0 }),
    )
    // what is in memory is the latest run
    sources.push({
      cursor: null,
      items: [...this.held.keys()].sort(cmp).map((id) => {
        const e = this.held.get(id)!
        return [id, e.docs, e.mentions, e.row]
      }),
      at: 0,
    })
    this.held = new Map()
    const head = (s: (typeof sources)[number]): RunLine | null =>
      s.cursor ? s.cursor.peek() : (s.items[s.at] ?? null)
    const advance = (s: (typeof sources)[number]) => {
      if (s.cursor) s.cursor.next()
      else s.at++
    }
    try {
      for (;;) {
        let id: string | null = null
        for (const s of sources) {
          const h = head(s)
          if (h && (id === null || cmp(h[0], id) < 0)) id = h[0]
        }
        if (id === null) break
        let row: EntityCore | null = null
        let docs = 0
        let mentions = 0
        // oldest source first: its row is the first one given
        for (const s of sources) {
          const h = head(s)
          if (!h || h[0] !== id) continue
          row ??= h[3]
          docs += h[1]
          mentions += h[2]
          advance(s)
        }
        const { n_documents: _d, n_mentions: _m, ...core } = row as EntitiesRow
        yield { ...core, n_documents: docs, n_mentions: mentions } as EntitiesRow
      }
    } finally {
      for (const s of sources) s.cursor?.close()
      for (const path of this.runs) rmSync(path, { force: true })
      this.runs.length = 0
    }
  }
}
