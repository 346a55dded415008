/**
 * Which quoted strings are quotations. Quotation marks in French news also set off terms
 * (`une première "historique"`), names (`l'opération « Barkhane »`) and titles. The rule:
 * - one word is a term in quotes, never a quotation;
 * - two to SHORT_MAX_WORDS words are a quoted expression: a quotation only when someone is said to
 *   have used it (`Moscou promet un "soutien tous azimuts"`, `… serait « tout simplement inacceptable »,
 *   a-t-elle dit`), not when nobody is (`des informations ont fait état d'une « participation ukrainienne »`);
 * - longer strings are quotations, with or without a speaker, unless every word is capitalised
 *   and nobody speaks (a name or a title: `« Alliance des États du Sahel »`).
 */
import { wordCount } from './text.js'

export const SHORT_MAX_WORDS = 4

export function isQuotation(text: string, hasSpeaker: boolean): boolean {
  const n = wordCount(text)
  if (n < 2) return false
  if (n <= SHORT_MAX_WORDS) return hasSpeaker
  if (hasSpeaker) return true
  return !looksLikeName(text)
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

function looksLikeName(text: string): boolean {
  const words = text.match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu) ?? []
  const content = words.filter((w) => !SMALL.has(w.toLowerCase()))
  return content.length > 0 && content.length <= 8 && content.every((w) => /^[\p{Lu}\p{N}]/u.test(w))
}
