/**
 * What identifies the corpus a build read: a SHA-256 over every input's path (relative to the input
 * folder) and the SHA-256 of its bytes, in input order (paths sorted). Two builds of the same files give
 * the same fingerprint wherever the folder lies; adding, removing, renaming or changing one file changes
 * it. Shards record it so that `merge` refuses shards cut from different corpora.
 */
import { createHash, type Hash } from 'node:crypto'

export class CorpusFingerprint {
  private readonly hash: Hash = createHash('sha256')
  private count = 0

  /** One input, in input order; `sha256` is null for an input that could not be read. */
  add(path: string, sha256: string | null): void {
    this.hash.update(`${path}\u0000${sha256 ?? 'unread'}\n`)
    this.count++
  }

  /** `sha256:<hex>` over the inputs added so far (call once). */
  digest(): { readonly fingerprint: string; readonly inputs: number } {
    return { fingerprint: `sha256:${this.hash.digest('hex')}`, inputs: this.count }
  }
}
