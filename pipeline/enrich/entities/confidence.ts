/**
 * The fixed confidence of each rule (documented in the codebook through the schema): rule-based
 * extraction has no scores, so a value says how often the rule is right in our reading of the
 * corpus, ordered so that a consumer can filter (`confidence >= 0.8` keeps gazetteer names only).
 */
export const CONFIDENCE = {
  /** Canonical name or full alias of a gazetteer entry, written with its capitals. */
  gazetteerFull: 0.95,
  /** Short form of a gazetteer entry: acronym, unique surname (`Lavrov`), joined model (`Mi171`). */
  gazetteerShort: 0.9,
  /** Gazetteer name written without any capital (`abdoulaye diop`, `tinzaouatène`). */
  gazetteerLowercase: 0.8,
  /** Country adjective or demonym (`russe`, `maliennes`). */
  demonym: 0.85,
  /** Combining prefix of a country in a compound adjective (`russo-` in `russo-malien`). */
  combining: 0.8,
  /** Ministry found as `ministère` + country + portfolio. */
  institution: 0.85,
  /** Unknown name after a title (`M.`, `le colonel`, `son homologue malien`). */
  inferredTitle: 0.7,
  /** Unknown name beginning with a known first name, or followed by a role apposition. */
  inferredFirstName: 0.65,
  /** Unknown organisation named by an apposition (`X, un média proche de Moscou`). */
  inferredOrganization: 0.6,
  /** Surname of a person named in full elsewhere in the document. */
  corefSurname: 0.8,
  /** Role phrase (`le chef de la diplomatie russe`) naming the only person in the document who holds it. */
  corefRole: 0.6,
  /** Bare `le ministère` when the document names exactly one ministry. */
  corefInstitution: 0.6,
} as const
