/**
 * An input's bytes are hashed once: a caller that has hashed them already (the cache keys on the hash)
 * hands the hash on, and a rejected input reports the hash its reject row carries.
 */
import { describe, expect, it } from 'vitest'
import { buildBytes, scanBytes } from '../../pipeline/process-input.js'
import { sha256Hex } from '../../pipeline/util/hash.js'
import { documentContext } from '../../pipeline/worker.js'

const ARTICLE =
  'Bamako, 12 mars 2024 (AFP) — Le ministre malien des Affaires étrangères a reçu mardi son homologue russe. « Nous resterons aux côtés du peuple malien », a déclaré le ministre lors d’une conférence de presse à Bamako. Les deux pays ont signé un accord de coopération militaire.\n'
const bytes = new TextEncoder().encode(ARTICLE)
const input = { path: 'article.txt', abs: '/nonexistent/article.txt' }
// a hash no file has: if it comes out, it was handed on, not recomputed
const GIVEN = 'f'.repeat(64)

describe('an input hashed once', () => {
  it('the build takes the hash it is given', () => {
    const r = buildBytes(input, bytes, [], null, documentContext(null), GIVEN)
    expect(r.kind).toBe('document')
    if (r.kind === 'document') expect(r.rows.documents.source_sha256).toBe(GIVEN)
    const own = buildBytes(input, bytes, [], null, documentContext(null))
    if (own.kind === 'document') expect(own.rows.documents.source_sha256).toBe(sha256Hex(bytes))
  })

  it('the scan takes it too, and a rejected input reports the hash of its reject row', () => {
    expect(scanBytes(input, bytes, GIVEN).sha256).toBe(GIVEN)
    expect(scanBytes(input, bytes).sha256).toBe(sha256Hex(bytes))
    const empty = new Uint8Array(0)
    // an empty file is rejected before any parsing: its hash is that of no bytes
    expect(scanBytes(input, empty)).toMatchObject({ sha256: sha256Hex(empty), docId: null })
    expect(scanBytes(input, empty, GIVEN).sha256).toBe(GIVEN)
  })
})
