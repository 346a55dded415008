import { createHash } from 'node:crypto'

export const sha256Hex = (data: string | Uint8Array): string =>
  createHash('sha256').update(data).digest('hex')

/**
 * A stable row id: `prefix_` + 16 hex digits of the SHA-256 of its parts joined by U+001F.
 * Ids depend only on content (document text, spans, names), never on input order or time.
 */
export const stableId = (prefix: string, ...parts: ReadonlyArray<string | number>): string =>
  `${prefix}_${sha256Hex(parts.map(String).join('\u001f')).slice(0, 16)}`
