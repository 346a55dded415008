/**
 * Conversion of UTF-16 code-unit offsets (what JavaScript strings index) to Unicode code-point
 * offsets (what the dataset publishes, so that Python's `text[start:end]` gives the surface back).
 */
export interface CodePointIndex {
  /** Code-point offset of a UTF-16 offset (0..text.length inclusive). */
  toCodePoint(utf16: number): number
  readonly length: number
}

export function codePointIndex(text: string): CodePointIndex {
  let astral = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff) {
      astral = true
      break
    }
  }
  if (!astral) return { toCodePoint: (u) => u, length: text.length }
  const table = new Uint32Array(text.length + 1)
  let cp = 0
  for (let i = 0; i < text.length; i++) {
    table[i] = cp
    const c = text.charCodeAt(i)
    const next = text.charCodeAt(i + 1)
    if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      table[i + 1] = cp
      i++
    }
    cp++
  }
  table[text.length] = cp
  return { toCodePoint: (u) => table[u] ?? cp, length: cp }
}

export const codePointLength = (text: string): number => codePointIndex(text).length
