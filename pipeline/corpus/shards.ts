/**
 * Shards (`--shard k/n`): one run of a large corpus split over n processes or machines. An input goes
 * to the shard of its document id (so identical texts, which share an id, land in one shard), or of its
 * path when it has none (a reject); `merge` combines the shards' outputs into one dataset.
 */

export interface Shard {
  readonly index: number
  readonly count: number
}

/** The partition of an input: by document id when it has one (so identical texts share a shard), else by path. */
export function shardOf(docId: string | null, path: string, count: number): number {
  if (count <= 1) return 0
  const key = docId ? docId.slice(4, 12) : fnv(path).toString(16)
  return Number.parseInt(key, 16) % count
}

function fnv(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193)
  return h >>> 0
}
