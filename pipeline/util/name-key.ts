/** A run of ASCII letters and digits: its key is its lower case (nothing to unaccent or split). */
const PLAIN = /^[A-Za-z0-9]*$/

/** Accent-, case- and punctuation-insensitive key for comparing names (`Les Échos` = `les echos`). */
export const nameKey = (s: string): string =>
  PLAIN.test(s)
    ? s.toLowerCase()
    : s
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim()
