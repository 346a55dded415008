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

/**
 * An event's key as one JSON line (an array in `EventKey`'s field order), for the key spool: the keys
 * are written as documents come and read back once every document is done, so the index, about 50
 * bytes an event, is built only then and never held through pass 2 beside the workers.
 */
export function eventKeyLine(e: EventKey): string {
  return JSON.stringify([
    e.event_id,
    e.doc_id,
    e.event_type,
    e.event_code,
    e.event_mode,
    e.date_min,
    e.date_max,
    e.location_entity_id,
    e.actor_entity_ids,
    e.target_entity_ids,
    e.fatalities,
  ])
}

const isStrOrNull = (v: unknown): v is string | null => v === null || typeof v === 'string'
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string')

/** The key `eventKeyLine` wrote, from its parsed line; throws on anything else (a damaged spool). */
export function eventKeyOf(v: unknown): EventKey {
  if (
    !Array.isArray(v) ||
    v.length !== 11 ||
    typeof v[0] !== 'string' ||
    typeof v[1] !== 'string' ||
    typeof v[2] !== 'string' ||
    ![v[3], v[4], v[5], v[6], v[7]].every(isStrOrNull) ||
    !isStrings(v[8]) ||
    !isStrings(v[9]) ||
    !(v[10] === null || typeof v[10] === 'number')
  )
    throw new Error(`event key spool: not an event key: ${JSON.stringify(v)?.slice(0, 200)}`)
  return {
    event_id: v[0],
    doc_id: v[1],
    event_type: v[2],
    event_code: v[3],
    event_mode: v[4],
    date_min: v[5],
    date_max: v[6],
    location_entity_id: v[7],
    actor_entity_ids: v[8],
    target_entity_ids: v[9],
    fatalities: v[10],
  }
}

export interface PlaceFacts {
  readonly type: string
  readonly country_code: string | null
}

export interface EventCluster {
  readonly cluster: string
  readonly size: number
}

const dayOf = (iso: string): number => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS)

export function placesNest(a: string, b: string, facts: (id: string) => PlaceFacts | undefined): boolean {
  if (a === b) return true
  const fa = facts(a)
  const fb = facts(b)
  if (!fa || !fb || fa.country_code === null || fa.country_code !== fb.country_code) return false
  return fa.type === 'country' || fb.type === 'country'
}

/** Grows a typed array to hold at least `n` items (doubling), keeping its content. */
function grow<A extends Int32Array | Uint32Array | Float64Array>(
  a: A,
  n: number,
  make: (size: number) => A,
): A {
  if (n <= a.length) return a
  let size = Math.max(1024, a.length * 2)
  while (size < n) size *= 2
  const b = make(size)
  b.set(a)
  return b
}

/** Strings held once and named by a number (entity ids, categories, modes, documents). */
class Interned {
  private readonly ids = new Map<string, number>()
  readonly names: string[] = []

  of(s: string): number {
    let k = this.ids.get(s)
    if (k === undefined) {
      k = this.names.length
      this.ids.set(s, k)
      this.names.push(s)
    }
    return k
  }
}

/**
 * Event ids, 8 bytes each instead of a string of their own (about 44 bytes in V8): an id made by
 * `stableId('evt', …)` is `evt_` and 16 lower-case hex digits, kept as two 32-bit numbers. Any other id
 * (none today) is kept as it is. Comparing two kept ids as numbers orders them as their strings do.
 */
class EventIds {
  private hi = new Uint32Array(0)
  private lo = new Uint32Array(0)
  /** Ids not of the `evt_` + 16 hex form, by row. */
  private readonly other = new Map<number, string>()

  static readonly FORM = /^evt_[0-9a-f]{16}$/

  set(k: number, id: string): void {
    const make = (size: number) => new Uint32Array(size)
    this.hi = grow(this.hi, k + 1, make)
    this.lo = grow(this.lo, k + 1, make)
    if (EventIds.FORM.test(id)) {
      this.hi[k] = Number.parseInt(id.slice(4, 12), 16)
      this.lo[k] = Number.parseInt(id.slice(12, 20), 16)
    } else this.other.set(k, id)
  }

  get(k: number): string {
    const o = this.other.get(k)
    if (o !== undefined) return o
    return `evt_${this.hi[k]!.toString(16).padStart(8, '0')}${this.lo[k]!.toString(16).padStart(8, '0')}`
  }

  /** Orders rows `a` and `b` as their ids' strings order (ties: 0). */
  compare(a: number, b: number): number {
    if (this.other.size === 0 || (!this.other.has(a) && !this.other.has(b))) {
      const ha = this.hi[a]!
      const hb = this.hi[b]!
      if (ha !== hb) return ha < hb ? -1 : 1
      const la = this.lo[a]!
      const lb = this.lo[b]!
      return la < lb ? -1 : la > lb ? 1 : 0
    }
    const x = this.get(a)
    const y = this.get(b)
    return x < y ? -1 : x > y ? 1 : 0
  }
}

/**
 * What clustering needs of each event, in columns (typed arrays, interned strings, ids as numbers):
 * about 50 bytes an event instead of an object, its arrays and its own copies of every id string, so the index of a
 * 10-million-event corpus fits in memory. Row `k` is the `k`-th event given to `add`.
 */
export class EventClusterIndex {
  private readonly ids = new EventIds()
  private readonly docs = new Interned()
  /** Categories and modes: few, so a category's number times 2^31 stays exact (see `assign`). */
  private readonly labels = new Interned()
  private readonly entities = new Interned()
  private n = 0
  /** -1: an event that can never link (no date, or a window too wide). */
  private doc = new Int32Array(0)
  private category = new Int32Array(0)
  private mode = new Int32Array(0)
  private from = new Int32Array(0)
  private to = new Int32Array(0)
  private place = new Int32Array(0)
  private toll = new Float64Array(0)
  /** Participants of row k: `who[whoStart[k] .. whoStart[k + 1])`. */
  private whoStart = new Int32Array(1)
  private who = new Int32Array(0)
  private whoCount = 0

  /** Events given so far (linked or not), in order. */
  get length(): number {
    return this.n
  }

  /** The location entity ids of the events that can link: the only ids `assign` asks facts of. */
  placeIds(): Set<string> {
    const out = new Set<string>()
    for (let k = 0; k < this.n; k++)
      if (this.doc[k] !== -1 && this.place[k]! >= 0) out.add(this.entities.names[this.place[k]!]!)
    return out
  }

  add(e: EventKey): void {
    let from = Number.NaN
    let to = Number.NaN
    if (e.date_min !== null && e.date_max !== null) {
      from = dayOf(e.date_min)
      to = dayOf(e.date_max)
    } else if (e.date_max !== null) {
      to = dayOf(e.date_max)
      from = to - UNDATED_WINDOW_DAYS
    }
    const k = this.n++
    const make32 = (size: number) => new Int32Array(size)
    this.doc = grow(this.doc, this.n, make32)
    this.category = grow(this.category, this.n, make32)
    this.mode = grow(this.mode, this.n, make32)
    this.from = grow(this.from, this.n, make32)
    this.to = grow(this.to, this.n, make32)
    this.place = grow(this.place, this.n, make32)
    this.toll = grow(this.toll, this.n, (size) => new Float64Array(size))
    this.whoStart = grow(this.whoStart, this.n + 1, make32)
    this.ids.set(k, e.event_id)
    const usable = Number.isFinite(from) && Number.isFinite(to) && to - from <= MAX_WINDOW_DAYS
    if (!usable) {
      this.doc[k] = -1
      this.whoStart[k + 1] = this.whoCount
      return
    }
    const str = this.entities
    this.doc[k] = this.docs.of(e.doc_id)
    this.category[k] = this.labels.of(e.event_code ?? `type:${e.event_type}`)
    this.mode[k] = e.event_mode === null ? -1 : this.labels.of(e.event_mode)
    this.from[k] = from
    this.to[k] = to
    this.place[k] = e.location_entity_id === null ? -1 : str.of(e.location_entity_id)
    this.toll[k] = e.fatalities ?? Number.NaN
    const who = new Set<number>()
    for (const x of e.actor_entity_ids) if (x !== e.location_entity_id) who.add(str.of(x))
    for (const x of e.target_entity_ids) if (x !== e.location_entity_id) who.add(str.of(x))
    this.who = grow(this.who, this.whoCount + who.size, make32)
    for (const x of who) this.who[this.whoCount++] = x
    this.whoStart[k + 1] = this.whoCount
  }

  private shares(a: number, b: number): boolean {
    for (let x = this.whoStart[a]!; x < this.whoStart[a + 1]!; x++)
      for (let y = this.whoStart[b]!; y < this.whoStart[b + 1]!; y++)
        if (this.who[x] === this.who[y]) return true
    return false
  }

  private linked(a: number, b: number, facts: (id: string) => PlaceFacts | undefined): boolean {
    if (this.doc[a] === this.doc[b] || this.category[a] !== this.category[b]) return false
    const ma = this.mode[a]!
    const mb = this.mode[b]!
    if (ma !== -1 && mb !== -1 && ma !== mb) return false
    if (this.to[a]! < this.from[b]! || this.to[b]! < this.from[a]!) return false
    const ta = this.toll[a]!
    const tb = this.toll[b]!
    if (!Number.isNaN(ta) && !Number.isNaN(tb) && Math.min(ta, tb) * 2 < Math.max(ta, tb)) return false
    const shared = this.shares(a, b)
    const pa = this.place[a]!
    const pb = this.place[b]!
    if (pa !== -1 && pb !== -1) {
      const names = this.entities.names
      if (!placesNest(names[pa]!, names[pb]!, facts)) return false
      // a country alone is a weak agreement: ask for a shared participant too when both sides name some
      const none = (k: number) => this.whoStart[k] === this.whoStart[k + 1]
      return pa === pb || shared || none(a) || none(b)
    }
    return shared
  }

  /**
   * The cluster of every event, by the order events were added: `at(k)` is the cluster of the k-th
   * event when it shares one with another document's event, null when it stands alone.
   */
  assign(facts: (id: string) => PlaceFacts | undefined): ClusterAssignment {
    const n = this.n
    const ids = this.ids
    // rows that can link, in event-id order (ties, if any, in the order they came)
    const usable: number[] = []
    for (let k = 0; k < n; k++) if (this.doc[k] !== -1) usable.push(k)
    usable.sort((a, b) => ids.compare(a, b) || a - b)
    const ev = Int32Array.from(usable)
    const parent = new Int32Array(ev.length)
    for (let i = 0; i < ev.length; i++) parent[i] = i
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
    // blocking: one bucket per category and week, keyed by one exact number (category × 2^31 + week)
    const buckets = new Map<number, number[]>()
    for (let i = 0; i < ev.length; i++) {
      const k = ev[i]!
      const cat = this.category[k]! * 2 ** 31
      for (let w = Math.floor(this.from[k]! / 7); w <= Math.floor(this.to[k]! / 7); w++) {
        const key = cat + w + 2 ** 30
        const list = buckets.get(key)
        if (!list) buckets.set(key, [i])
        else if (list.length < MAX_BUCKET) list.push(i)
      }
    }
    for (const list of buckets.values())
      for (let x = 0; x < list.length; x++)
        for (let y = x + 1; y < list.length; y++) {
          const i = list[x]!
          const j = list[y]!
          if (find(i) !== find(j) && this.linked(ev[i]!, ev[j]!, facts)) union(i, j)
        }
    buckets.clear()
    const size = new Int32Array(ev.length)
    for (let i = 0; i < ev.length; i++) size[find(i)]!++
    // by add order: the sorted position of each row (-1 for rows that cannot link)
    const rank = new Int32Array(n).fill(-1)
    for (let i = 0; i < ev.length; i++) rank[ev[i]!] = i
    const names = new Map<number, string>()
    return {
      length: n,
      at(k: number): EventCluster | null {
        const i = rank[k] ?? -1
        if (i < 0) return null
        const root = find(i)
        const count = size[root]!
        if (count < 2) return null
        let cluster = names.get(root)
        if (cluster === undefined) {
          cluster = stableId('evc', ids.get(ev[root]!))
          names.set(root, cluster)
        }
        return { cluster, size: count }
      },
    }
  }

  /** The cluster of every event that shares one with another document's event, by event id. */
  clusters(facts: (id: string) => PlaceFacts | undefined): Map<string, EventCluster> {
    const a = this.assign(facts)
    const out = new Map<string, EventCluster>()
    for (let k = 0; k < a.length; k++) {
      const c = a.at(k)
      if (c) out.set(this.ids.get(k), c)
    }
    return out
  }
}

export interface ClusterAssignment {
  /** Events given to the index. */
  readonly length: number
  at(k: number): EventCluster | null
}
