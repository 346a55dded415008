/**
 * What kind of file the bytes are, before any decoding: well-known binary formats by their signature
 * ("magic number"), so that an image or a PDF named `.txt` is rejected by name (`a PNG image`) rather
 * than by a share of control characters, and an HTML page saved from a browser is told from plain text.
 */

interface Signature {
  readonly what: string
  readonly at: number
  readonly bytes: readonly number[]
}

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0))

/** Signatures of formats people drop into a folder of articles by mistake. */
const SIGNATURES: readonly Signature[] = [
  { what: 'a PNG image', at: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { what: 'a JPEG image', at: 0, bytes: [0xff, 0xd8, 0xff] },
  { what: 'a GIF image', at: 0, bytes: ascii('GIF8') },
  { what: 'a WebP image or a WAV sound (RIFF)', at: 0, bytes: ascii('RIFF') },
  { what: 'a PDF document', at: 0, bytes: ascii('%PDF-') },
  { what: 'a ZIP archive (or a .docx/.odt/.xlsx document)', at: 0, bytes: [0x50, 0x4b, 0x03, 0x04] },
  { what: 'a Word 97–2003 or other OLE document', at: 0, bytes: [0xd0, 0xcf, 0x11, 0xe0] },
  { what: 'a gzip archive', at: 0, bytes: [0x1f, 0x8b] },
  { what: 'a 7-Zip archive', at: 0, bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { what: 'a RAR archive', at: 0, bytes: ascii('Rar!') },
  { what: 'an executable (ELF)', at: 0, bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { what: 'a SQLite database', at: 0, bytes: ascii('SQLite format 3\0') },
  { what: 'an MP4/MOV video', at: 4, bytes: ascii('ftyp') },
  { what: 'an MP3 sound', at: 0, bytes: ascii('ID3') },
]

/** The binary format the bytes start with, in words (`a PNG image`), or null. */
export function binarySignature(bytes: Uint8Array): string | null {
  for (const s of SIGNATURES) {
    if (bytes.length < s.at + s.bytes.length) continue
    if (s.bytes.every((b, k) => bytes[s.at + k] === b)) return s.what
  }
  return null
}

const HTML_EXTENSIONS = /\.(?:html?|xhtml|shtml)$/i

/**
 * Whether a decoded input is an HTML page: by its extension, or by how it starts — `<!doctype html`,
 * `<html`, or a browser's `<!-- saved from url=… -->` comment — after white space and comments.
 */
export function looksLikeHtml(path: string, text: string): boolean {
  if (HTML_EXTENSIONS.test(path)) return true
  let i = 0
  // bounded: only the first few kilobytes are looked at, comments included
  const limit = Math.min(text.length, 4096)
  while (i < limit) {
    const c = text.charCodeAt(i)
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c || c === 0xfeff) {
      i++
      continue
    }
    // comments and an XML declaration (`<?xml …?>` before an XHTML doctype) are stepped over
    const close = text.startsWith('<!--', i) ? '-->' : text.startsWith('<?', i) ? '?>' : null
    if (close) {
      const end = text.indexOf(close, i + 2)
      if (end < 0 || end > limit) return false
      i = end + close.length
      continue
    }
    const head = text.slice(i, i + 14).toLowerCase()
    return head.startsWith('<!doctype html') || /^<html[\s>]/.test(head)
  }
  return false
}
