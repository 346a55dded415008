/** French month and weekday names, with common abbreviations and unaccented spellings. */

const MONTH_FORMS: ReadonlyArray<readonly [number, readonly string[]]> = [
  [1, ['janvier', 'janv', 'jan']],
  [2, ['février', 'fevrier', 'févr', 'fevr', 'fév', 'fev']],
  [3, ['mars']],
  [4, ['avril', 'avr']],
  [5, ['mai']],
  [6, ['juin']],
  [7, ['juillet', 'juil']],
  [8, ['août', 'aout', 'aoû']],
  [9, ['septembre', 'sept', 'sep']],
  [10, ['octobre', 'oct']],
  [11, ['novembre', 'nov']],
  [12, ['décembre', 'decembre', 'déc', 'dec']],
]

/** The month names written out (accented and not): abbreviations such as `sept` can be other words. */
export const FULL_MONTH_NAMES: readonly string[] = MONTH_FORMS.flatMap(([, forms]) =>
  forms.filter((f) => f.length >= 5 || ['mars', 'mai', 'juin', 'août', 'aout'].includes(f)),
)

export const MONTHS: ReadonlyMap<string, number> = new Map(
  MONTH_FORMS.flatMap(([n, forms]) => forms.map((f) => [f, n] as const)),
)

/** 0 = Sunday, as `Date.prototype.getUTCDay`. */
export const WEEKDAYS: ReadonlyMap<string, number> = new Map([
  ['dimanche', 0],
  ['lundi', 1],
  ['mardi', 2],
  ['mercredi', 3],
  ['jeudi', 4],
  ['vendredi', 5],
  ['samedi', 6],
])

/** Regular-expression source matching any month form (longest first), followed by an optional dot. */
export const MONTH_RE = [...MONTHS.keys()].sort((a, b) => b.length - a.length).join('|')
export const WEEKDAY_RE = [...WEEKDAYS.keys()].join('|')

/**
 * Weekday abbreviations (`dim. 15 sept.`, `Jeu 15:12`): other words too (`mar`, `sam`), so the rules
 * take them only before a day number or a time.
 */
export const WEEKDAY_ABBREVIATIONS: ReadonlyMap<string, number> = new Map([
  ['dim', 0],
  ['lun', 1],
  ['mar', 2],
  ['mer', 3],
  ['jeu', 4],
  ['ven', 5],
  ['sam', 6],
])
export const WEEKDAY_ABBREVIATION_RE = [...WEEKDAY_ABBREVIATIONS.keys()].join('|')

export const monthNumber = (word: string): number | undefined =>
  MONTHS.get(word.toLowerCase().replace(/\.$/, ''))
export const weekdayNumber = (word: string): number | undefined => {
  const w = word.toLowerCase().replace(/\.$/, '')
  return WEEKDAYS.get(w) ?? WEEKDAY_ABBREVIATIONS.get(w)
}
