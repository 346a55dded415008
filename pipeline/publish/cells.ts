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

/** Milliseconds since the epoch of a `YYYY-MM-DD` day (UTC), for Arrow's DateDay. */
export const epochMs = (isoDay: string): number => Date.parse(`${isoDay}T00:00:00Z`)

/** A row as a JSON object with every column, in schema order. */
export function orderedRow(
  row: Readonly<Record<string, unknown>>,
  cols: readonly Column[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const c of cols) {
    const v = row[c.name]
    out[c.name] = v === undefined ? null : v
  }
  return out
}
