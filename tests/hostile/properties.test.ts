/**
 * Property-based: arbitrary bytes and arbitrary French-ish text through `prepare`/`enrich`, and small
 * folders of them through `build()`: nothing throws, every input is accounted for exactly once.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type DocumentContext, enrich, prepare, sourceInfo } from '../../pipeline/document.js'
import { EXTRACTORS } from '../../pipeline/enrich/extractors.js'
import { defaultOutlets } from '../../pipeline/reference/outlets.js'
import { rowValidator } from '../../pipeline/validate/schema-validator.js'
import { buildFolder, mojibake, singleByte, tempDir, utf8, utf16 } from './fixtures.js'

const ctx: DocumentContext = {
  reference: { year: 2024, month: 9, day: 24 },
  outlets: defaultOutlets(),
  extractors: EXTRACTORS,
  validator: rowValidator(),
}

const WORDS = [
  'Le',
  'la',
  'les',
  'Bamako',
  'Mali',
  'Moscou',
  'ministre',
  'a',
  'déclaré',
  'mardi',
  '24',
  'septembre',
  '2024',
  'attaque',
  'terroriste',
  'l’armée',
  'malienne',
  'Wagner',
  'M.',
  'Diop',
  '«',
  '»',
  ',',
  '.',
  '…',
  '!',
  '?',
  'Publié',
  'le',
  '|',
  'AFP',
  'https://example.ml/2024/09/24/a',
  'ÉTÉ',
  'AprÃ¨s',
  'lâ€™attaque',
  '\n',
  '\n\n',
  '\r\n',
  '\t',
  '\u00a0',
  '\u0000',
  '😀',
  '🇲🇱',
  '-',
  '—',
  'Par',
  'Jean',
  'Dupont',
  '(AFP)',
  'MD/ac/APA',
  '=SUM(A1)',
  '<p>',
  '&eacute;',
  '__proto__',
  'constructor',
  'e\u0301',
  '\ufeff',
  '\u2028',
]
const frenchish = fc
  .array(
    fc.oneof(
      fc.constantFrom(...WORDS),
      fc.string({ maxLength: 12 }),
      fc.string({ unit: 'grapheme', maxLength: 6 }),
    ),
    {
      maxLength: 300,
    },
  )
  .map((ws) => ws.join(' '))
/** A text in one of the encodings (or mis-encodings) the pipeline meets. */
const encoded = fc
  .tuple(frenchish, fc.constantFrom('utf8', 'bom', 'utf16le', 'utf16be', 'cp1252', 'mojibake', 'html'))
  .map(([t, how]) => {
    switch (how) {
      case 'bom':
        return new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(t)])
      case 'utf16le':
        return utf16(t, 'le')
      case 'utf16be':
        return utf16(t, 'be')
      case 'cp1252':
        try {
          return singleByte(t, 'windows-1252')
        } catch {
          return utf8(t)
        }
      case 'mojibake':
        return mojibake(t)
      case 'html':
        return utf8(
          `<!doctype html><html><head><title>${t.slice(0, 40)}</title></head><body><article><p>${t}</p></article></body></html>`,
        )
      default:
        return utf8(t)
    }
  })
const anyBytes = fc.oneof(fc.uint8Array({ maxLength: 2000 }), encoded)

describe('prepare and enrich never throw', () => {
  it('on arbitrary bytes and French-ish text in any encoding', () => {
    fc.assert(
      fc.property(anyBytes, fc.constantFrom('a.txt', 'b.html', '-c.htm'), (bytes, name) => {
        const p = prepare(sourceInfo(name, bytes), bytes)
        if (p.kind === 'reject') {
          expect(p.reject.reason).toBeTruthy()
          expect(p.reject.hint).toBeTruthy()
          return
        }
        // the body is non-empty and every unit of it traces back inside the raw file
        expect(p.body.text.length).toBeGreaterThan(0)
        const o = p.body.origin(0, p.body.length)
        expect(p.decoded.byteOffsets[o.start]).toBeGreaterThanOrEqual(0)
        expect(p.decoded.byteOffsets[o.end]).toBeLessThanOrEqual(bytes.length)
        const e = enrich(p, [], ctx)
        expect(['document', 'reject']).toContain(e.kind)
      }),
      { numRuns: 150, seed: 20241124 },
    )
  })
})

describe('build() reconciles on small arbitrary folders', () => {
  it('inputs = documents + duplicates + rejects, and the summary matches the manifest', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(anyBytes, { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        async (files, dup) => {
          const dir = tempDir('prop')
          for (const [k, b] of files.entries()) writeFileSync(join(dir, `f${k}.txt`), b)
          if (dup) writeFileSync(join(dir, 'zz-copy.txt'), files[0]!)
          const b = await buildFolder(dir)
          const n = files.length + (dup ? 1 : 0)
          expect(b.summary.inputs).toBe(n)
          expect(b.summary.documents + b.summary.duplicates + b.summary.rejected).toBe(n)
          expect(b.manifest.inputs).toEqual({
            seen: n,
            documents: b.summary.documents,
            duplicates: b.summary.duplicates,
            rejected: b.summary.rejected,
            reconciled: true,
          })
          expect(b.documents).toHaveLength(b.summary.documents)
          expect(b.rejects).toHaveLength(b.summary.rejected)
        },
      ),
      { numRuns: 12, seed: 20241124 },
    )
  })
})
