/**
 * The French words the temporal rules know, as data: adding a word is an edit here, not in the rules.
 * Source: ordinary French usage in news writing (grammaire de Grevisse, §§ on adverbes de temps),
 * checked against the wording of agency dispatches (AFP, APA, Sputnik). Month and weekday names live
 * in `../dates/french-words.ts`, shared with the publication-date parser.
 * (Kept in `pipeline/enrich/temporal/` rather than `pipeline/reference/temporal/`: the manifest's
 * digest of `pipeline/reference/` reads files only, not sub-folders.)
 */

/** Words that name a day by its distance, in days, from the day of writing. */
export const DEICTIC_DAYS: ReadonlyMap<string, number> = new Map([
  ['avant-hier', -2],
  ['hier', -1],
  ["aujourd'hui", 0],
  ['ce matin', 0],
  ['ce soir', 0],
  ['cet après-midi', 0],
  ['cet aprem', 0],
  ['la nuit dernière', -1],
  ['demain', 1],
  ['après-demain', 2],
])

/** Parts of a day that may follow a day word (`hier soir`, `mardi matin`): part of the expression. */
export const DAY_PARTS = ['matin', 'après-midi', 'midi', 'soir'] as const

/** Spelled-out counts, as used in `il y a deux semaines`, `depuis trois ans`. */
export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ['un', 1],
  ['une', 1],
  ['deux', 2],
  ['trois', 3],
  ['quatre', 4],
  ['cinq', 5],
  ['six', 6],
  ['sept', 7],
  ['huit', 8],
  ['neuf', 9],
  ['dix', 10],
  ['onze', 11],
  ['douze', 12],
  ['treize', 13],
  ['quatorze', 14],
  ['quinze', 15],
  ['seize', 16],
  ['vingt', 20],
  ['trente', 30],
  ['quarante', 40],
  ['cinquante', 50],
  ['soixante', 60],
  ['cent', 100],
])

/** Counts that say "some": the expression is real but has no single value. */
export const VAGUE_COUNTS = ['quelques', 'plusieurs', 'nombreux', 'nombreuses'] as const

export type Unit = 'hour' | 'day' | 'week' | 'month' | 'year'

/** Units of time, singular and plural. */
export const UNITS: ReadonlyMap<string, Unit> = new Map([
  ['heure', 'hour'],
  ['heures', 'hour'],
  ['jour', 'day'],
  ['jours', 'day'],
  ['journée', 'day'],
  ['journées', 'day'],
  ['semaine', 'week'],
  ['semaines', 'week'],
  ['mois', 'month'],
  ['an', 'year'],
  ['ans', 'year'],
  ['année', 'year'],
  ['années', 'year'],
])

/** Modifiers that point before or after the day of writing (`jeudi dernier`, `l'an prochain`). */
export const PAST_MODIFIERS = ['dernier', 'dernière', 'passé', 'passée'] as const
export const FUTURE_MODIFIERS = ['prochain', 'prochaine'] as const

/**
 * Nouns that make a four-digit number after `en`/`depuis`/`avant`… a quantity, not a year:
 * `après 2000 morts`, `en 2020 exemplaires`.
 */
export const QUANTITY_NOUNS = [
  'combattants',
  'dollars',
  'emplois',
  'euros',
  'exemplaires',
  'femmes',
  'francs',
  'habitants',
  'hommes',
  'kilomètres',
  'km',
  'membres',
  'mètres',
  'militaires',
  'morts',
  'personnes',
  'soldats',
  'tonnes',
  'victimes',
] as const

/**
 * Tense cues near a bare weekday or month (`se rendra jeudi`, `a annoncé en juin`): they decide whether
 * the nearest such day before or after publication is meant. Future: the simple future and periphrases.
 */
export const FUTURE_CUES = [
  'sera',
  'seront',
  'aura',
  'auront',
  'fera',
  'feront',
  'ira',
  'iront',
  'va',
  'vont',
  'doit',
  'doivent',
  'devra',
  'devront',
  'devrait',
  'devraient',
  'prévu',
  'prévue',
  'prévus',
  'prévues',
  'attendu',
  'attendue',
  'attendus',
  'attendues',
  'prochainement',
] as const

/** Past: the auxiliaries of the passé composé and plus-que-parfait, and the passé simple of être. */
export const PAST_CUES = [
  'a',
  'ont',
  'avait',
  'avaient',
  'est',
  'sont',
  'était',
  'étaient',
  'fut',
  'furent',
  'eu',
  'été',
] as const

/** Simple-future verb endings (`annoncera`, `se tiendront`), checked on words of 5 letters or more. */
export const FUTURE_ENDINGS = ['era', 'eront', 'ira', 'iront', 'dra', 'dront'] as const

/**
 * Words that make the date after them part of a name (`Mouvement du 23 mars`, `place du 26 Mars`,
 * `rue du 8 Mai 1945`, `stade du 4 Août`, `pont du 25 Septembre`): with `du`/`de la`/`des` between, the
 * date names a movement, a street or a building, not a day of the story.
 */
export const NAME_WORDS = [
  'allée',
  'avenue',
  'boulevard',
  'carrefour',
  'cité',
  'collège',
  'école',
  'esplanade',
  'hôpital',
  'lycée',
  'mouvement',
  'parc',
  'place',
  'pont',
  'quartier',
  'rond-point',
  'route',
  'rue',
  'square',
  'stade',
  'université',
] as const
