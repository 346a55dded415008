/**
 * A content-addressed cache of per-document results, for incremental rebuilds. A key is the SHA-256 of
 * the pipeline's own fingerprint (its code, schemas and reference data), the input's SHA-256 and
 * whatever else the result depends on (the reference date, the duplicate list…). Any change to the
 * rules changes the fingerprint and so every key: a stale result can never be served.
 * Entries are JSON files written atomically (temporary file, then rename), safe under concurrent runs.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * The standard cache-folder tag (https://bford.info/cachedir/): backup tools skip the folder, and so does
 * the input walker, so that a cache put inside the input folder is never read as articles.
 */
export const CACHE_TAG_FILE = 'CACHEDIR.TAG'
export const CACHE_TAG =
  'Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by depeches (per-article results).\n# For information about cache directory tags see https://bford.info/cachedir/\n'

/** An entry as stored: the key it answers, and a digest of its value, checked on every read. */
interface Entry {
  readonly format: 1
  readonly key: string
  readonly sha256: string
  readonly value: unknown
}

const digest = (json: string) => createHash('sha256').update(json).digest('hex')

/** What a worker thread needs to open the same cache. */
export interface CacheDescriptor {
  readonly dir: string
  readonly fingerprint: string
}

export class DocCache {
  hits = 0
  misses = 0
  /** Entries found but refused (damaged, for another key, or of the wrong shape) and recomputed. */
  refused = 0

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

  /**
   * The value stored under `key`, if its entry is intact, answers that key (an entry copied or swapped
   * from another key does not) and has the shape `accept` checks; otherwise undefined, and the caller
   * recomputes and overwrites it. A cache is never trusted more than the computation it saves.
   */
  get<T>(kind: string, key: string, accept: (v: unknown) => v is T): T | undefined {
    let text: string
    try {
      text = readFileSync(this.path(kind, key), 'utf8')
    } catch {
      this.misses++
      return undefined
    }
    try {
      const e = JSON.parse(text) as Partial<Entry>
      if (
        e !== null &&
        typeof e === 'object' &&
        e.format === 1 &&
        e.key === key &&
        typeof e.sha256 === 'string' &&
        digest(JSON.stringify(e.value)) === e.sha256 &&
        accept(e.value)
      ) {
        this.hits++
        return e.value
      }
    } catch {
      // not JSON: refused below
    }
    this.refused++
    this.misses++
    return undefined
  }

  set(kind: string, key: string, value: unknown): void {
    try {
      this.write(kind, key, value)
    } catch (e) {
      const err = e as NodeJS.ErrnoException
      throw Object.assign(new Error(`writing the cache folder ${this.dir}: ${err.message}`), {
        code: err.code,
      })
    }
  }

  private write(kind: string, key: string, value: unknown): void {
    const p = this.path(kind, key)
    if (!existsSync(join(this.dir, CACHE_TAG_FILE))) {
      mkdirSync(this.dir, { recursive: true })
      writeFileSync(join(this.dir, CACHE_TAG_FILE), CACHE_TAG)
    }
    mkdirSync(join(p, '..'), { recursive: true })
    const tmp = `${p}.${process.pid}.tmp`
    const json = JSON.stringify(value)
    const entry = `{"format":1,"key":${JSON.stringify(key)},"sha256":"${digest(json)}","value":${json}}`
    writeFileSync(tmp, entry)
    renameSync(tmp, p)
  }
}
