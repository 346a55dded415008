/** How one value is written in each format. One place, so that the formats agree. */
import type { Column } from '../schema/tables.js'

export type Cell = string | number | boolean | null | readonly string[]

/** Separator of list items in CSV cells (documented in the codebook and in datapackage.json). */
export const LIST_DELIMITER = '|'

/**
 * A list item in a CSV cell: a `|` inside it (a file named `a|b.txt`) would split it in two, so `%` and `|`
 * are percent-encoded (`%25`, `%7C`); every other character is written as is. Reversed by decoding each
 * item (`urllib.parse.unquote`, `decodeURIComponent`). JSON Lines, Arrow and Parquet hold the items exactly.
 */
export const csvListItem = (item: string): string =>
  item.includes('%') || item.includes(LIST_DELIMITER) ? item.replace(/%/g, '%25').replace(/\|/g, '%7C') : item

/** A CSV cell: empty for null, lists joined by `|`, numbers and booleans as JSON writes them. */
export function csvCell(value: Cell, _col: Column): string | number | boolean {
  if (value === null) return ''
  if (Array.isArray(value)) return value.map(csvListItem).join(LIST_DELIMITER)
  return value as string | number | boolean
}

/**
 * Cells a spreadsheet would run as a formula. papaparse's own `escapeFormulae: true` pattern is
 * `^[=+\-@\t\r].*$`, whose `.` stops at a line break: a multi-line text starting with `=HYPERLINK(`
 * would be written raw. Only the first character matters.
 */
export const FORMULA_START = /^[=+\-@\t\r]/
/** Characters that make a CSV field quoted: line breaks, the quote, the delimiter, a byte-order mark. */
const NEEDS_QUOTES = /[\r\n",\ufeff]/

/**
 * One CSV field, as papaparse's `unparse` writes it with `escapeFormulae: FORMULA_START` (RFC 4180,
 * `,` delimiter): a formula-like text gets a leading `'` and quotes; a text with a line break, a `"`
 * (doubled), a `,`, a byte-order mark or a space at either end is quoted; numbers and booleans are
 * written as `String` writes them. Written by hand because it runs once per cell of every table.
 */
export function csvField(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value)
  if (value.length === 0) return value
  if (FORMULA_START.test(value)) return `"'${value.replace(/"/g, '""')}"`
  if (NEEDS_QUOTES.test(value) || value.charCodeAt(0) === 32 || value.charCodeAt(value.length - 1) === 32)
    return `"${value.replace(/"/g, '""')}"`
  return value
}

/** Milliseconds since the epoch of a `YYYY-MM-DD` day (UTC), for Arrow's DateDay. */
export const epochMs = (isoDay: string): number => Date.parse(`${isoDay}T00:00:00Z`)
