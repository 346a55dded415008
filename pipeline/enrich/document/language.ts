/**
 * Language identification with franc (trigram statistics), reported as ISO 639-1.
 * franc compares against every language it knows (~400) unless told otherwise, which made it the
 * slowest step of the pipeline; the candidates are restricted to the languages a press corpus on
 * Africa and Europe realistically holds, and the sample to the first 2,000 characters.
 */
import { franc } from 'franc'
import { iso6393To1 } from 'iso-639-3'

/** ISO 639-3 candidates: French first, then the other languages of the region's and world press. */
export const CANDIDATES = [
  'fra',
  'eng',
  'deu',
  'spa',
  'por',
  'ita',
  'nld',
  'rus',
  'ukr',
  'arb',
  'tur',
  'pol',
  'ron',
  'swe',
  'hau',
  'bam',
  'wol',
  'swh',
  'ell',
  'zho',
  'fas',
]

/** Null when the text is too short to tell (under 40 characters) or franc is undecided. */
export function detectLanguage(text: string): string | null {
  const code = franc(text.slice(0, 2_000), { minLength: 40, only: CANDIDATES })
  if (code === 'und') return null
  return iso6393To1[code] ?? null
}
