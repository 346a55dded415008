/**
 * Memory of the corpus-level event index (`corpus/event-clusters.ts`), which holds every event of a run
 * until its clusters are assigned: bytes an event, for N events of 8 to a document, with ids as they
 * come from the worker threads (flat strings: structured clones) or made in this thread.
 *
 *   node --expose-gc build/bench/event-index-memory.js [N] [workers|here]
 */
import { EventClusterIndex } from '../pipeline/corpus/event-clusters.js'
import { stableId } from '../pipeline/util/hash.js'

const gc = (globalThis as { gc?: () => void }).gc
if (!gc) throw new Error('run with node --expose-gc')
const n = Number(process.argv[2] ?? 1_000_000)
const used = () => {
  gc()
  const m = process.memoryUsage()
  return m.heapUsed + m.arrayBuffers
}

{
  const cloned = process.argv[3] !== 'here'
  const before = used()
  const index = new EventClusterIndex()
  for (let k = 0; k < n; k++) {
    const id = stableId('evt', k)
    index.add({
      event_id: cloned ? structuredClone(id) : id,
      doc_id: `doc_${k >> 3}`,
      event_type: 'attack',
      event_code: 'ASSAULT',
      event_mode: null,
      date_min: '2024-09-08',
      date_max: '2024-09-08',
      location_entity_id: 'djibo',
      actor_entity_ids: [],
      target_entity_ids: [],
      fatalities: 20,
    })
  }
  const bytes = (used() - before) / index.length
  console.log(`${n} events, ids ${cloned ? 'from workers' : 'made here'}: ${bytes.toFixed(0)} bytes an event`)
}
