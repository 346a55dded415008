/**
 * Which quoted strings are quotations. Quotation marks in French news set off someone's words, down
 * to one word (`traitant les autorités de « illégitimes »`, `des mesures qualifiées de «draconiennes»`),
 * and also names, titles, nicknames and glosses. The rule:
 * - a string the text introduces as a name is not a quotation: after a naming word (`nommé`,
 *   `surnommé`, `le pseudonyme de`, `le film`, `l'opération`: `naming_words` in speech-verbs.json), or
 *   continuing a capitalised name (`la Déclaration du «Partenariat d'exception renforcé»`);
 * - a translation gloss (`(«les jeunes» en arabe)`) is not a quotation;
 * - a single capitalised word nobody is said to have spoken (`"Bely"`) is a name;
 * - a short string whose every word is capitalised is a name or a title (`« Bella Ciao »`,
 *   `« Alliance des États du Sahel »`), and so is a longer one nobody speaks;
 * - everything else is a quotation, with or without a speaker.
 */
import { countWords } from '../words.js'

export const SHORT_MAX_WORDS = 4

/** What surrounds the quoted string: a few words before its opening mark and after its closing one. */
export interface QuoteContext {
  readonly before: string
  readonly after: string
  /** Words that introduce a name (lower case). */
  readonly naming: ReadonlySet<string>
}

const NO_CONTEXT: QuoteContext = { before: '', after: '', naming: new Set() }

export function isQuotation(text: string, hasSpeaker: boolean, ctx: QuoteContext = NO_CONTEXT): boolean {
  const n = countWords(text)
  if (n === 0) return false
  if (introducedAsName(ctx) || isGloss(ctx.after)) return false
  const name = looksLikeName(text)
  if (n === 1) return hasSpeaker || !name
  if (n <= SHORT_MAX_WORDS) return !name
  return hasSpeaker || !name
}

const SMALL = new Set([
  'de',
  'du',
  'des',
  'la',
  'le',
  'les',
  "l'",
  "d'",
  'et',
  'en',
  'au',
  'aux',
  'pour',
  'à',
])

/** Determiners and `de` that may stand between a naming word and the mark (`le pseudonyme de`). */
const LINKS = new Set([
  'de',
  'du',
  'des',
  "d'",
  'la',
  'le',
  'les',
  "l'",
  'un',
  'une',
  'son',
  'sa',
  'ses',
  'leur',
])

function introducedAsName(ctx: QuoteContext): boolean {
  const before = ctx.before.replace(/’/g, "'")
  // `la Déclaration du «Partenariat…»`: a capitalised word joined to the mark by `de`.
  if (/\p{Lu}[\p{L}-]*\s+(?:de|du|des|d')\s*(?:la\s+|l')?$/u.test(before)) return true
  const words = before.toLowerCase().match(/[\p{L}-]+'?/gu) ?? []
  for (let i = words.length - 1, seen = 0; i >= 0 && seen < 3; i--, seen++) {
    const w = words[i]!
    if (ctx.naming.has(w)) return true
    if (!LINKS.has(w)) return false
  }
  return false
}

/** `(«les jeunes» en arabe)`: a translation in brackets. */
const isGloss = (after: string) => /^\s*en\s+\p{Ll}+\s*\)/u.test(after)

function looksLikeName(text: string): boolean {
  const words = text.match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu) ?? []
  const content = words.filter((w) => !SMALL.has(w.toLowerCase()))
  return content.length > 0 && content.length <= 8 && content.every((w) => /^[\p{Lu}\p{N}]/u.test(w))
}
