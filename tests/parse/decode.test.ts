import { describe, expect, it } from 'vitest'
import { controlRatio, decode } from '../../pipeline/parse/decode.js'
import { seedNames, seedText } from '../helpers.js'

const seed = seedText(seedNames()[0]!)

function utf16(text: string, order: 'le' | 'be', bom: boolean): Uint8Array {
  const le = Buffer.from(text, 'utf16le')
  const body = order === 'le' ? le : Buffer.from(le).swap16()
  const head = bom ? (order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]) : []
  return new Uint8Array([...head, ...body])
}

/** Windows-1252 bytes of a string (only characters that exist in it). */
function cp1252(text: string): Uint8Array {
  const high = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ'
  return new Uint8Array(
    [...text].map((ch) => {
      const c = ch.charCodeAt(0)
      if (c < 0x80 || (c >= 0xa0 && c <= 0xff)) return c
      const k = high.indexOf(ch)
      if (k < 0) throw new Error(`not in Windows-1252: ${ch}`)
      return 0x80 + k
    }),
  )
}

describe('decode: encodings of a real article', () => {
  it('reads UTF-8 without BOM', () => {
    const d = decode(new TextEncoder().encode(seed))
    expect(d.encoding).toBe('utf-8')
    expect(d.text).toBe(seed)
  })

  it('reads UTF-8 with BOM and drops the BOM', () => {
    const d = decode(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(seed)]))
    expect(d.encoding).toBe('utf-8-bom')
    expect(d.text).toBe(seed)
    expect(d.byteOffsets[0]).toBe(3)
  })

  it.each([
    ['le', true, 'utf-16le'],
    ['be', true, 'utf-16be'],
    ['le', false, 'utf-16le'],
    ['be', false, 'utf-16be'],
  ] as const)('reads UTF-16 %s (BOM: %s)', (order, bom, expected) => {
    const d = decode(utf16(seed, order, bom))
    expect(d.encoding).toBe(expected)
    expect(d.text).toBe(seed)
  })

  it('reads Windows-1252 with curly apostrophes (0x92) and accents', () => {
    const d = decode(cp1252(seed))
    expect(d.encoding).toBe('windows-1252')
    expect(d.text).toBe(seed)
    expect(d.messages.map((m) => m.ruleId)).toContain('decode/legacy-encoding')
  })

  it('reads ISO-8859-15 when œ only makes sense there', () => {
    const text = 'Le cœur du dispositif militaire reste à Bamako, dit un officier. Il coûte 5 €.'
    const bytes = new Uint8Array([...text].map((ch) => ({ œ: 0xbd, '€': 0xa4 })[ch] ?? ch.charCodeAt(0)))
    const d = decode(bytes)
    expect(d.encoding).toBe('iso-8859-15')
    expect(d.text).toBe(text)
  })

  it('gives the byte offset of every character, astral ones included', () => {
    const text = 'Mali 🇲🇱 : « Après » 😀 fin'
    const bytes = new TextEncoder().encode(text)
    const d = decode(bytes)
    const at = d.text.indexOf('fin')
    expect(new TextDecoder().decode(bytes.subarray(d.byteOffsets[at], d.byteOffsets[at + 3]))).toBe('fin')
    const apres = d.text.indexOf('Après')
    expect(new TextDecoder().decode(bytes.subarray(d.byteOffsets[apres], d.byteOffsets[apres + 5]))).toBe(
      'Après',
    )
  })

  it('measures control characters to tell binary from text', () => {
    expect(controlRatio(seed)).toBe(0)
    const png = String.fromCharCode(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 1, 2, 3, 4)
    expect(controlRatio(png)).toBeGreaterThan(0.3)
  })
})
