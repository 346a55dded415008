/**
 * The same event told by several documents (one attack reported by five outlets): event rows are
 * linked across the corpus, after every document, into `event_cluster`s.
 *
 * - Each event keeps a small key (category, mode, date window, place, participants, toll).
 * - Its date window is `[date_min, date_max]`; an event dated only by its publication date gets the
 *   week before it. Windows wider than `MAX_WINDOW_DAYS` (a year, a vague month) never link.
 * - Blocking: an event goes into the bucket of its category and each week its window touches, so
 *   only events of one category and nearby dates are compared (linear in the corpus for a bounded
 *   bucket; a bucket is capped at `MAX_BUCKET` events, taken in event-id order).
 * - Two events of different documents link when: same category, modes not different, windows
 *   overlap, tolls within a factor two when both are given, and places the same or nested (a town
 *   and its country) — or, when a place is missing, a shared participant. Two places that differ,
 *   or participants on both sides that share nobody while no place agrees, keep them apart.
 * - Linked events are merged with union-find; a cluster is named after its smallest event id, so
 *   the result depends only on the set of events: identical whatever the order, `--jobs` or shards.
 */
import { stableId } from '../util/hash.js'

export const MAX_WINDOW_DAYS = 31
export const UNDATED_WINDOW_DAYS = 7
export const MAX_BUCKET = 200
const DAY_MS = 86_400_000

export interface EventKey {
  readonly event_id: string
  readonly doc_id: string
  readonly event_type: string
  readonly event_code: string | null
  readonly event_mode: string | null
  readonly date_min: string | null
  readonly date_max: string | null
  readonly location_entity_id: string | null
  readonly actor_entity_ids: readonly string[]
  readonly target_entity_ids: readonly string[]
  readonly fatalities: number | null
}

export interface PlaceFacts {
  readonly type: string
  readonly country_code: string | null
}

export interface EventCluster {
  readonly cluster: string
  readonly size: number
}

interface Compact {
  readonly id: string
  readonly doc: string
  readonly category: string
  readonly mode: string | null
  readonly from: number
  readonly to: number
  readonly place: string | null
  readonly who: readonly string[]
  readonly toll: number | null
}

const dayOf = (iso: string): number => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS)

export function placesNest(a: string, b: string, facts: (id: string) => PlaceFacts | undefined): boolean {
  if (a === b) return true
  const fa = facts(a)
  const fb = facts(b)
  if (!fa || !fb || fa.country_code === null || fa.country_code !== fb.country_code) return false
  return fa.type === 'country' || fb.type === 'country'
}

function linked(a: Compact, b: Compact, facts: (id: string) => PlaceFacts | undefined): boolean {
  if (a.doc === b.doc || a.category !== b.category) return false
  if (a.mode !== null && b.mode !== null && a.mode !== b.mode) return false
  if (a.to < b.from || b.to < a.from) return false
  if (a.toll !== null && b.toll !== null && Math.min(a.toll, b.toll) * 2 < Math.max(a.toll, b.toll))
    return false
  const shared = a.who.some((x) => b.who.includes(x))
  if (a.place !== null && b.place !== null) {
    if (!placesNest(a.place, b.place, facts)) return false
    // a country alone is a weak agreement: ask for a shared participant too when both sides name some
    const exact = a.place === b.place
    return exact || shared || a.who.length === 0 || b.who.length === 0
  }
  return shared
}

/** Collects event keys as documents are written; `clusters()` links them at the end. */
export class EventClusterIndex {
  private readonly events: Compact[] = []

  add(e: EventKey): void {
    let from: number
    let to: number
    if (e.date_min !== null && e.date_max !== null) {
      from = dayOf(e.date_min)
      to = dayOf(e.date_max)
    } else if (e.date_max !== null) {
      to = dayOf(e.date_max)
      from = to - UNDATED_WINDOW_DAYS
    } else return
    if (!Number.isFinite(from) || !Number.isFinite(to) || to - from > MAX_WINDOW_DAYS) return
    this.events.push({
      id: e.event_id,
      doc: e.doc_id,
      category: e.event_code ?? `type:${e.event_type}`,
      mode: e.event_mode,
      from,
      to,
      place: e.location_entity_id,
      who: [...new Set([...e.actor_entity_ids, ...e.target_entity_ids])].filter(
        (x) => x !== e.location_entity_id,
      ),
      toll: e.fatalities,
    })
  }

  /** The cluster of every event that shares one with another document's event (others are alone). */
  clusters(facts: (id: string) => PlaceFacts | undefined): Map<string, EventCluster> {
    const ev = [...this.events].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    const parent = ev.map((_, i) => i)
    const find = (i: number): number => {
      while (parent[i] !== i) {
        parent[i] = parent[parent[i]!]!
        i = parent[i]!
      }
      return i
    }
    const union = (a: number, b: number) => {
      const ra = find(a)
      const rb = find(b)
      // the smaller index (event id) is the root: the cluster's name never depends on the order
      if (ra < rb) parent[rb] = ra
      else if (rb < ra) parent[ra] = rb
    }
    const buckets = new Map<string, number[]>()
    ev.forEach((e, i) => {
      for (let w = Math.floor(e.from / 7); w <= Math.floor(e.to / 7); w++) {
        const key = `${e.category}\u001f${w}`
        const list = buckets.get(key) ?? []
        if (list.length < MAX_BUCKET) list.push(i)
        buckets.set(key, list)
      }
    })
    for (const list of buckets.values())
      for (let x = 0; x < list.length; x++)
        for (let y = x + 1; y < list.length; y++) {
          const i = list[x]!
          const j = list[y]!
          if (find(i) !== find(j) && linked(ev[i]!, ev[j]!, facts)) union(i, j)
        }
    const size = new Map<number, number>()
    for (let i = 0; i < ev.length; i++) size.set(find(i), (size.get(find(i)) ?? 0) + 1)
    const out = new Map<string, EventCluster>()
    ev.forEach((e, i) => {
      const root = find(i)
      const n = size.get(root)!
      if (n > 1) out.set(e.id, { cluster: stableId('evc', ev[root]!.id), size: n })
    })
    return out
  }
}
