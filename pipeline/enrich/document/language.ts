/** Language identification with franc (trigram statistics), reported as ISO 639-1. */
import { franc } from 'franc'
import { iso6393To1 } from 'iso-639-3'

/** Null when the text is too short to tell (under 40 characters) or franc is undecided. */
export function detectLanguage(text: string): string | null {
  const code = franc(text.slice(0, 20_000), { minLength: 40 })
  if (code === 'und') return null
  return iso6393To1[code] ?? null
}
