/**
 * Bytes → text. Detects UTF-8 (with or without BOM), UTF-16 LE/BE (by BOM, or by the NUL pattern of
 * ASCII-heavy text), and falls back to Windows-1252, or ISO-8859-15 when the bytes read as French only
 * under it. Keeps, for every UTF-16 unit of the decoded text, the byte offset it starts at, so that a
 * span of text can be traced back to the raw file.
 */
import { type Message, message } from '../types.js'

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'iso-8859-15'

export interface Decoded {
  readonly text: string
  readonly encoding: Encoding
  /** Byte offset in the raw input of each UTF-16 unit of `text`, plus one final entry for the end. */
  readonly byteOffsets: Float64Array
  readonly messages: readonly Message[]
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

function utf16Guess(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1
  if (n < 4) return null
  let evenNul = 0
  let oddNul = 0
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++
    if (bytes[i + 1] === 0) oddNul++
  }
  const pairs = n / 2
  if (oddNul > pairs * 0.3 && evenNul < pairs * 0.05) return 'utf-16le'
  if (evenNul > pairs * 0.3 && oddNul < pairs * 0.05) return 'utf-16be'
  return null
}

/** Bytes of Windows-1252 that ISO-8859-15 reads as French letters (œ Œ Š š Ž ž Ÿ €). */
const LATIN9_HINT = /[a-zA-Z][½¼]|[½¼][a-zA-Z]|¤\s?\d|\d\s?¤/

function utf8Offsets(text: string, start: number): Float64Array {
  const out = new Float64Array(text.length + 1)
  let b = start
  for (let i = 0; i < text.length; i++) {
    out[i] = b
    const c = text.charCodeAt(i)
    if (c < 0x80) b += 1
    else if (c < 0x800) b += 2
    else if (c >= 0xd800 && c <= 0xdbff) {
      // surrogate pair: 4 bytes, attributed to the high unit; the low unit starts mid-character
      out[i + 1] = b
      b += 4
      i++
    } else b += 3
  }
  out[text.length] = b
  return out
}

function fixedOffsets(text: string, start: number, width: number): Float64Array {
  const out = new Float64Array(text.length + 1)
  for (let i = 0; i <= text.length; i++) out[i] = start + i * width
  return out
}

/** The Windows-1252 character of a byte (the table is below, with `decodeWindows1252`). */
const cp1252Unit = (b: number): number => (b >= 0x80 && b <= 0x9f ? CP1252_80_9F.charCodeAt(b - 0x80) : b)

/**
 * UTF-8 that tolerates stray bytes: a byte that does not start a valid sequence is read as Windows-1252
 * (the usual accident: a UTF-8 file with a few `é` pasted from a Windows-1252 one). Unlike U+FFFD
 * replacement, every unit keeps its exact byte offset.
 */
export function decodeUtf8Lenient(
  bytes: Uint8Array,
  start: number,
): { text: string; byteOffsets: Float64Array; invalid: number; multibyte: number } {
  const n = bytes.length
  const units = new Uint16Array(n - start)
  const offsets = new Float64Array(n - start + 1)
  let u = 0
  let invalid = 0
  let multibyte = 0
  const cont = (i: number, lo = 0x80, hi = 0xbf) => i < n && bytes[i]! >= lo && bytes[i]! <= hi
  for (let i = start; i < n; ) {
    const b = bytes[i]!
    let len = 0
    if (b < 0x80) len = 1
    else if (b >= 0xc2 && b <= 0xdf && cont(i + 1)) len = 2
    else if (b >= 0xe0 && b <= 0xef) {
      const lo = b === 0xe0 ? 0xa0 : 0x80
      const hi = b === 0xed ? 0x9f : 0xbf
      if (cont(i + 1, lo, hi) && cont(i + 2)) len = 3
    } else if (b >= 0xf0 && b <= 0xf4) {
      const lo = b === 0xf0 ? 0x90 : 0x80
      const hi = b === 0xf4 ? 0x8f : 0xbf
      if (cont(i + 1, lo, hi) && cont(i + 2) && cont(i + 3)) len = 4
    }
    offsets[u] = i
    if (len === 0) {
      invalid++
      units[u++] = cp1252Unit(b)
      i++
      continue
    }
    if (len > 1) multibyte++
    let cp = len === 1 ? b : b & (0xff >> (len + 1))
    for (let k = 1; k < len; k++) cp = (cp << 6) | (bytes[i + k]! & 0x3f)
    if (cp > 0xffff) {
      cp -= 0x10000
      units[u++] = 0xd800 + (cp >> 10)
      offsets[u] = i
      units[u++] = 0xdc00 + (cp & 0x3ff)
    } else units[u++] = cp
    i += len
  }
  offsets[u] = n
  let text = ''
  // String.fromCharCode takes arguments: chunk to stay under the engine's argument limit
  for (let k = 0; k < u; k += 8192) text += String.fromCharCode(...units.subarray(k, Math.min(u, k + 8192)))
  return { text, byteOffsets: offsets.slice(0, u + 1), invalid, multibyte }
}

const strayBytes = (invalid: number) =>
  message(
    'parse',
    'decode/invalid-utf8',
    'warning',
    `${invalid} byte${invalid === 1 ? '' : 's'} that are not UTF-8 read as Windows-1252`,
  )

export function decode(bytes: Uint8Array): Decoded {
  const messages: Message[] = []
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const body = bytes.subarray(3)
    try {
      const text = utf8.decode(body)
      return { text, encoding: 'utf-8-bom', byteOffsets: utf8Offsets(text, 3), messages }
    } catch {
      // the BOM says UTF-8: stray bytes are read one by one, and every offset stays exact
      const d = decodeUtf8Lenient(bytes, 3)
      messages.push(strayBytes(d.invalid))
      return { text: d.text, encoding: 'utf-8-bom', byteOffsets: d.byteOffsets, messages }
    }
  }
  const bom16 =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? 'utf-16le'
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? 'utf-16be'
        : null
  const enc16 = bom16 ?? utf16Guess(bytes)
  if (enc16) {
    const skip = bom16 ? 2 : 0
    // an odd last byte is left out (the decoder would turn it into U+FFFD, one unit too many)
    const end = skip + ((bytes.length - skip) & ~1)
    const text = new TextDecoder(enc16, { ignoreBOM: true }).decode(bytes.subarray(skip, end))
    if ((bytes.length - skip) % 2 === 1)
      messages.push(
        message(
          'parse',
          'decode/odd-utf16',
          'warning',
          'UTF-16 input has an odd number of bytes: last byte dropped',
        ),
      )
    return { text, encoding: enc16, byteOffsets: fixedOffsets(text, skip, 2), messages }
  }
  try {
    const text = utf8.decode(bytes)
    return { text, encoding: 'utf-8', byteOffsets: utf8Offsets(text, 0), messages }
  } catch {
    // not UTF-8: mostly UTF-8 with a few stray bytes, or a single-byte Western encoding
    const d = decodeUtf8Lenient(bytes, 0)
    if (d.multibyte > 0 && d.multibyte >= 2 * d.invalid) {
      messages.push(strayBytes(d.invalid))
      return { text: d.text, encoding: 'utf-8', byteOffsets: d.byteOffsets, messages }
    }
  }
  let text = decodeWindows1252(bytes)
  let encoding: Encoding = 'windows-1252'
  if (LATIN9_HINT.test(text)) {
    text = new TextDecoder('iso-8859-15').decode(bytes)
    encoding = 'iso-8859-15'
  }
  messages.push(
    message('parse', 'decode/legacy-encoding', 'info', `input is not UTF-8: decoded as ${encoding}`),
  )
  return { text, encoding, byteOffsets: fixedOffsets(text, 0, 1), messages }
}

/**
 * Windows-1252, decoded with an explicit table: Node 20's `TextDecoder('windows-1252')` reads bytes
 * 0x80–0x9F as Latin-1 control characters instead of `€ ‚ … ’ “ ” – —`.
 */
const CP1252_80_9F = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ'

export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = []
  const CHUNK = 8192
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const end = Math.min(bytes.length, i + CHUNK)
    let s = ''
    for (let k = i; k < end; k++) {
      const b = bytes[k]!
      s += b >= 0x80 && b <= 0x9f ? CP1252_80_9F[b - 0x80]! : String.fromCharCode(b)
    }
    parts.push(s)
  }
  return parts.join('')
}

/** Share of units that are control characters other than tab, newline, carriage return and form feed. */
export function controlRatio(text: string): number {
  if (text.length === 0) return 0
  let bad = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd || (c >= 0x7f && c < 0xa0))
      bad++
  }
  return bad / text.length
}
