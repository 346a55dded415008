import { describe, expect, it } from 'vitest'
import { controlRatio, decode, decodeWindows1252 } from '../../pipeline/parse/decode.js'
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

/** Each code point of `text`, with the raw bytes its offsets point at, read back the way they were written. */
function roundTrip(bytes: Uint8Array, d: ReturnType<typeof decode>): string[] {
  const bad: string[] = []
  for (let i = 0; i < d.text.length; ) {
    const cp = d.text.codePointAt(i)!
    const width = cp > 0xffff ? 2 : 1
    const raw = bytes.subarray(d.byteOffsets[i], d.byteOffsets[i + width])
    const ch = String.fromCodePoint(cp)
    const back =
      raw.length === 1 && raw[0]! >= 0x80
        ? decodeWindows1252(raw) // a repaired byte
        : new TextDecoder('utf-8', { fatal: true }).decode(raw)
    if (back !== ch)
      bad.push(`${i}: ${JSON.stringify(ch)} ← ${[...raw].map((b) => b.toString(16)).join(' ')}`)
    i += width
  }
  return bad
}

describe('decode: UTF-8 holding Windows-1252 runs is repaired run by run', () => {
  // real fragments: a UTF-8 title and lead (dev article 403) and a paragraph (dev article 406) pasted
  // from a Windows-1252 file, with its curly apostrophe (0x92), guillemets and no-break spaces
  const title =
    'Mali/ONU : Le Premier ministre Choguel Maïga se plaint du retrait unilatéral de la force Barkhane\n'
  const lead =
    'Ouagadougou, 26 sept. 2021(AIB)-Le Premier ministre malien Choguel Maïga s’est plaint samedi à l’Assemblée générale de l’ONU.\n'
  const pasted =
    '« Si votre droit est d’acheter des mercenaires [référence probable à Wagner], notre droit est de vous cibler », peut-on lire. SÉCURITÉ\u00a0: l’armée a été visée\u00a0».\n'
  const bytes = new Uint8Array([...new TextEncoder().encode(title + lead), ...cp1252(pasted)])

  it('keeps the UTF-8 as UTF-8 and reads the pasted paragraph as Windows-1252', () => {
    const d = decode(bytes)
    expect(d.encoding).toBe('utf-8+windows-1252')
    expect(d.text).toBe(title + lead + pasted)
    expect(d.text).not.toContain('â€')
    expect(d.text).toContain('SÉCURITÉ\u00a0: l’armée a été visée\u00a0».')
    // every byte of the pasted paragraph above 0x7F was repaired: « ’ é é à » É É NBSP ’ é é é é NBSP »
    const high = [...cp1252(pasted)].filter((b) => b >= 0x80).length
    expect(high).toBe(16)
    expect(d.repairedBytes).toBe(high)
    expect(d.messages.map((m) => m.reason)).toContain('16 bytes that are not UTF-8 read as Windows-1252')
  })

  it('gives every character the byte offset it was read from', () => {
    const d = decode(bytes)
    expect(roundTrip(bytes, d)).toEqual([])
    expect(d.byteOffsets[d.text.length]).toBe(bytes.length)
    const at = d.text.indexOf('mercenaires')
    const start = d.byteOffsets[at]!
    expect(decodeWindows1252(bytes.subarray(start, d.byteOffsets[at + 11]))).toBe('mercenaires')
    expect(start).toBe(
      new TextEncoder().encode(title + lead).length +
        cp1252(pasted.slice(0, pasted.indexOf('mercenaires'))).length,
    )
  })

  it('reads overlong sequences byte by byte and leaves the valid text around them alone', () => {
    // `/` as an overlong two-byte (C0 AF) and three-byte (E0 80 AF) sequence, between UTF-8 words
    const before = new TextEncoder().encode(`${title}Kati, l’attaque `)
    const after = new TextEncoder().encode(' a été revendiquée.')
    const raw = new Uint8Array([...before, 0xc0, 0xaf, 0xe0, 0x80, 0xaf, ...after])
    const d = decode(raw)
    expect(d.encoding).toBe('utf-8+windows-1252')
    expect(d.text).toBe(`${title}Kati, l’attaque À¯à€¯ a été revendiquée.`)
    expect(d.repairedBytes).toBe(5)
    expect(roundTrip(raw, d)).toEqual([])
  })

  it('a UTF-8 BOM file with a pasted paragraph keeps its BOM in the encoding name', () => {
    const raw = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes])
    const d = decode(raw)
    expect(d.encoding).toBe('utf-8-bom+windows-1252')
    expect(d.text).toBe(title + lead + pasted)
    expect(d.byteOffsets[0]).toBe(3)
  })

  it('a whole Windows-1252 file is still read as Windows-1252, and valid UTF-8 is never repaired', () => {
    const legacy = decode(cp1252(title + lead + pasted))
    expect(legacy.encoding).toBe('windows-1252')
    expect(legacy.text).toBe(title + lead + pasted)
    expect(legacy.repairedBytes).toBe(0)
    const clean = decode(new TextEncoder().encode(title + lead + pasted))
    expect(clean).toMatchObject({ encoding: 'utf-8', text: title + lead + pasted, repairedBytes: 0 })
  })
})
