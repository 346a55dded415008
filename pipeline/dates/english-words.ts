/**
 * English month names, for dates quoted in English inside French text (an embedded post, a document
 * title: `March 1, 2022`, `1 March 2022`). Only read with a day and a year around them.
 */
const FORMS: ReadonlyArray<readonly [number, readonly string[]]> = [
  [1, ['january', 'jan']],
  [2, ['february', 'feb']],
  [3, ['march', 'mar']],
  [4, ['april', 'apr']],
  [5, ['may']],
  [6, ['june', 'jun']],
  [7, ['july', 'jul']],
  [8, ['august', 'aug']],
  [9, ['september', 'sept', 'sep']],
  [10, ['october', 'oct']],
  [11, ['november', 'nov']],
  [12, ['december', 'dec']],
]

export const ENGLISH_MONTHS: ReadonlyMap<string, number> = new Map(
  FORMS.flatMap(([n, forms]) => forms.map((f) => [f, n] as const)),
)

/** Full names, or an abbreviation with its dot (`Aug.`) or without (`Aug 6, 2018`). */
export const ENGLISH_MONTH_RE = [...ENGLISH_MONTHS.keys()].sort((a, b) => b.length - a.length).join('|')

export const englishMonthNumber = (word: string): number | undefined =>
  ENGLISH_MONTHS.get(word.toLowerCase().replace(/\.$/, ''))
