/**
 * Bytes → text. Detects UTF-8 (with or without BOM), UTF-16 LE/BE (by BOM, or by the NUL pattern of
 * ASCII-heavy text), UTF-8 holding runs of Windows-1252 (repaired run by run, counted), and falls back
 * to Windows-1252, or ISO-8859-15 when the bytes read as French only under it. Keeps, for every UTF-16 unit of the decoded text, the byte offset it starts at, so that a
 * span of text can be traced back to the raw file.
 */
import { type Message, message } from '../types.js'

export type Encoding =
  | 'utf-8'
  | 'utf-8-bom'
  | 'utf-8+windows-1252'
  | 'utf-8-bom+windows-1252'
  | 'utf-16le'
  | 'utf-16be'
  | 'windows-1252'
  | 'iso-8859-15'

export interface Decoded {
  readonly text: string
  readonly encoding: Encoding
  /** Byte offset in the raw input of each UTF-16 unit of `text`, plus one final entry for the end. */
  readonly byteOffsets: Float64Array
  readonly messages: readonly Message[]
  /** Bytes of a UTF-8 input that were not valid UTF-8 and were read as Windows-1252 (0 otherwise). */
  readonly repairedBytes: number
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

/** Length of the valid UTF-8 sequence starting at `i` (1 to 4), or 0 when the byte there starts none. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const n = bytes.length
  const b = bytes[i]!
  const cont = (k: number, lo = 0x80, hi = 0xbf) => k < n && bytes[k]! >= lo && bytes[k]! <= hi
  if (b < 0x80) return 1
  if (b >= 0xc2 && b <= 0xdf) return cont(i + 1) ? 2 : 0
  if (b >= 0xe0 && b <= 0xef) {
    const lo = b === 0xe0 ? 0xa0 : 0x80
    const hi = b === 0xed ? 0x9f : 0xbf
    return cont(i + 1, lo, hi) && cont(i + 2) ? 3 : 0
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const lo = b === 0xf0 ? 0x90 : 0x80
    const hi = b === 0xf4 ? 0x8f : 0xbf
    return cont(i + 1, lo, hi) && cont(i + 2) && cont(i + 3) ? 4 : 0
  }
  // 0x80–0xC1 (a continuation byte alone, or an overlong lead) and 0xF5–0xFF never start one
  return 0
}

/** The code point of the valid sequence of `len` bytes at `i`. */
function codePoint(bytes: Uint8Array, i: number, len: number): number {
  const b = bytes[i]!
  let cp = len === 1 ? b : b & (0xff >> (len + 1))
  for (let k = 1; k < len; k++) cp = (cp << 6) | (bytes[i + k]! & 0x3f)
  return cp
}

/**
 * A valid sequence that, inside a line that is mostly Windows-1252, is rather Windows-1252 letters that
 * happen to form UTF-8: a two-byte one read as a code point ≥ U+0250 (IPA, Greek, Cyrillic, Hebrew,
 * Arabic…; `É` + no-break space, as in `SÉCURITÉ :`, is U+0260 `ɠ`), or a three-byte one outside the
 * punctuation and symbol blocks (U+2000–U+2FFF) and the presentation forms (U+FB00 on): `é` + no-break
 * space + `»` (`été »`) is the CJK ideograph U+903B.
 */
function legacyLookalike(len: number, cp: number): boolean {
  if (len === 2) return cp >= 0x250
  if (len === 3) return cp < 0x2000 || (cp >= 0x3000 && cp < 0xfb00)
  return false
}

export interface LenientUtf8 {
  readonly text: string
  readonly byteOffsets: Float64Array
  /** Bytes read as Windows-1252 because they were not valid UTF-8 (or formed a pair, see above). */
  readonly invalid: number
  /** Valid multi-byte sequences read as UTF-8. */
  readonly multibyte: number
  /**
   * Weight of the UTF-8 evidence in lines with no invalid byte: 1 per two-byte sequence, 2 per longer
   * one. A Windows-1252 file almost never has it (an accented letter followed by ASCII is invalid).
   */
  readonly cleanEvidence: number
}

/**
 * UTF-8 that tolerates stray bytes, decoded run by run: every valid UTF-8 sequence stays UTF-8, and
 * each byte that does not start one is read as Windows-1252 (the usual accident: a paragraph pasted from
 * a Windows-1252 file into a UTF-8 one, or overlong sequences). Unlike U+FFFD replacement, every unit
 * keeps its exact byte offset. Lines (up to a line feed) are decided one by one: in a line where invalid
 * bytes outnumber valid sequences, a sequence that reads as an unlikely character there is taken as its
 * Windows-1252 letters (`legacyLookalike`).
 */
export function decodeUtf8Lenient(bytes: Uint8Array, start: number): LenientUtf8 {
  const n = bytes.length
  const units = new Uint16Array(n - start)
  const offsets = new Float64Array(n - start + 1)
  let u = 0
  let invalid = 0
  let multibyte = 0
  let cleanEvidence = 0
  for (let lineStart = start; lineStart < n; ) {
    // first pass over the line: how much of it is valid UTF-8
    let lineInvalid = 0
    let lineMulti = 0
    let lineEvidence = 0
    let end = lineStart
    while (end < n) {
      const len = sequenceLength(bytes, end)
      if (len === 0) {
        lineInvalid++
        end++
        continue
      }
      if (len > 1) {
        lineMulti++
        lineEvidence += len === 2 ? 1 : 2
      }
      end += len
      if (bytes[end - 1] === 0x0a) break
    }
    if (lineInvalid === 0) cleanEvidence += lineEvidence
    const legacyLine = lineInvalid > lineMulti
    // second pass: decode
    for (let i = lineStart; i < end; ) {
      const b = bytes[i]!
      const len = sequenceLength(bytes, i)
      if (len > 1 && legacyLine && legacyLookalike(len, codePoint(bytes, i, len))) {
        for (let k = 0; k < len; k++) {
          offsets[u] = i + k
          units[u++] = cp1252Unit(bytes[i + k]!)
        }
        invalid += len
        i += len
        continue
      }
      offsets[u] = i
      if (len === 0) {
        invalid++
        units[u++] = cp1252Unit(b)
        i++
        continue
      }
      if (len > 1) multibyte++
      let cp = codePoint(bytes, i, len)
      if (cp > 0xffff) {
        cp -= 0x10000
        units[u++] = 0xd800 + (cp >> 10)
        offsets[u] = i
        units[u++] = 0xdc00 + (cp & 0x3ff)
      } else units[u++] = cp
      i += len
    }
    lineStart = end
  }
  offsets[u] = n
  let text = ''
  // String.fromCharCode takes arguments: chunk to stay under the engine's argument limit
  for (let k = 0; k < u; k += 8192) text += String.fromCharCode(...units.subarray(k, Math.min(u, k + 8192)))
  return { text, byteOffsets: offsets.slice(0, u + 1), invalid, multibyte, cleanEvidence }
}

/**
 * Bytes that are mostly not UTF-8 are read as UTF-8 repaired run by run when the valid sequences
 * outnumber the invalid bytes two to one, or when lines free of invalid bytes hold valid sequences
 * (weight ≥ 2: one three-byte `’`, or two `é`): a Windows-1252 paragraph pasted into a UTF-8 article.
 */
const looksMostlyUtf8 = (d: LenientUtf8) => d.multibyte >= 2 * d.invalid || d.cleanEvidence >= 2

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
      return { text, encoding: 'utf-8-bom', byteOffsets: utf8Offsets(text, 3), messages, repairedBytes: 0 }
    } catch {
      // the BOM says UTF-8: stray bytes are read one by one, and every offset stays exact
      const d = decodeUtf8Lenient(bytes, 3)
      messages.push(strayBytes(d.invalid))
      return {
        text: d.text,
        encoding: 'utf-8-bom+windows-1252',
        byteOffsets: d.byteOffsets,
        messages,
        repairedBytes: d.invalid,
      }
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
    return { text, encoding: enc16, byteOffsets: fixedOffsets(text, skip, 2), messages, repairedBytes: 0 }
  }
  try {
    const text = utf8.decode(bytes)
    return { text, encoding: 'utf-8', byteOffsets: utf8Offsets(text, 0), messages, repairedBytes: 0 }
  } catch {
    // not UTF-8: UTF-8 with stray bytes or a pasted Windows-1252 paragraph, or a single-byte encoding
    const d = decodeUtf8Lenient(bytes, 0)
    if (d.multibyte > 0 && looksMostlyUtf8(d)) {
      messages.push(strayBytes(d.invalid))
      return {
        text: d.text,
        encoding: 'utf-8+windows-1252',
        byteOffsets: d.byteOffsets,
        messages,
        repairedBytes: d.invalid,
      }
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
  return { text, encoding, byteOffsets: fixedOffsets(text, 0, 1), messages, repairedBytes: 0 }
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
