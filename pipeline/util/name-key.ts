/** Accent-, case- and punctuation-insensitive key for comparing names (`Les Échos` = `les echos`). */
export const nameKey = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
