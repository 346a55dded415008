/** Word count: runs of letters and digits, joined by inner hyphens or digit separators; an apostrophe splits (`l’attaque` = 2). */
const WORD = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+|(?<=\p{N})[.,]\p{N}+)*/gu

export function countWords(text: string): number {
  let n = 0
  WORD.lastIndex = 0
  // `test` moves `lastIndex` as `exec` does, without building a match for each word
  while (WORD.test(text)) n++
  return n
}
