/** The headline as published: spaces tidied, wrapping quotes kept, casing accidents repaired. */
import { repairCasing } from '../../clean/casing.js'
import { MappedText } from '../../util/mapped-text.js'

export function tidyTitle(raw: string | undefined): string | null {
  if (!raw) return null
  const t = repairCasing(MappedText.identity(raw.replace(/\s+/g, ' ').trim())).text.text
  return t.length > 0 ? t : null
}

/** An author line or by-line: `M.SaNGaRé` → `M. Sangaré`. */
export function tidyAuthor(raw: string | undefined): string | null {
  if (!raw) return null
  const spaced = raw
    .replace(/\b(\p{Lu}{1,3})\.(?=\p{Lu})/gu, '$1. ')
    .replace(/\s+/g, ' ')
    .trim()
  const t = repairCasing(MappedText.identity(spaced)).text.text
  return t.length > 0 ? t : null
}
