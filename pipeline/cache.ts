/**
 * A content-addressed cache of per-document results, for incremental rebuilds. A key is the SHA-256 of
 * the pipeline's own fingerprint (its code, schemas and reference data), the input's SHA-256 and
 * whatever else the result depends on (the reference date, the duplicate list…). Any change to the
 * rules changes the fingerprint and so every key: a stale result can never be served.
 * Entries are JSON files written atomically (temporary file, then rename), safe under concurrent runs.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** What a worker thread needs to open the same cache. */
export interface CacheDescriptor {
  readonly dir: string
  readonly fingerprint: string
}

export class DocCache {
  hits = 0
  misses = 0

  constructor(
    private readonly dir: string,
    private readonly fingerprint: string,
  ) {}

  describe(): CacheDescriptor {
    return { dir: this.dir, fingerprint: this.fingerprint }
  }

  key(kind: string, ...parts: readonly string[]): string {
    return createHash('sha256')
      .update([this.fingerprint, kind, ...parts].join('\u001f'))
      .digest('hex')
  }

  private path(kind: string, key: string): string {
    return join(this.dir, kind, key.slice(0, 2), `${key}.json`)
  }

  get<T>(kind: string, key: string): T | undefined {
    try {
      const v = JSON.parse(readFileSync(this.path(kind, key), 'utf8')) as T
      this.hits++
      return v
    } catch {
      this.misses++
      return undefined
    }
  }

  set(kind: string, key: string, value: unknown): void {
    const p = this.path(kind, key)
    mkdirSync(join(p, '..'), { recursive: true })
    const tmp = `${p}.${process.pid}.tmp`
    writeFileSync(tmp, JSON.stringify(value))
    renameSync(tmp, p)
  }
}
