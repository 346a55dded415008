/** Word count: runs of letters and digits, joined by inner hyphens or digit separators; an apostrophe splits (`l’attaque` = 2). */
const WORD = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+|(?<=\p{N})[.,]\p{N}+)*/gu

export function countWords(text: string): number {
  let n = 0
  WORD.lastIndex = 0
  while (WORD.exec(text) !== null) n++
  return n
}
