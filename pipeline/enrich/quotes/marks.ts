/**
 * Finds the quotation marks of a text and decides, from the glyph and its neighbours, whether each
 * can open or close a quotation. Apostrophes (`'`, `’`) and single quotes are never quotation
 * marks here: in French text they are overwhelmingly elisions (`l’acte`, `aujourd'hui`).
 */

export type MarkFamily = 'guillemets' | 'curly' | 'straight'

export interface Mark {
  readonly pos: number
  readonly family: MarkFamily
  readonly canOpen: boolean
  readonly canClose: boolean
}

const FAMILY: Readonly<Record<string, MarkFamily>> = {
  '«': 'guillemets',
  '»': 'guillemets',
  '“': 'curly',
  '”': 'curly',
  '„': 'curly',
  '"': 'straight',
}

/** A side of a mark is "free" when it touches white space, the text's edge or punctuation. */
const freeBefore = (c: string | undefined) => c === undefined || /[\s([{\-–—/:;,]/u.test(c)
const freeAfter = (c: string | undefined) => c === undefined || /[\s)\]}.,;:!?…\-–—/]/u.test(c)

export function scanMarks(text: string): Mark[] {
  const marks: Mark[] = []
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    const family = FAMILY[c]
    if (!family) continue
    // `style="…"` and `…">` in pasted HTML: attribute values, not quotations.
    if (family === 'straight' && (text[i - 1] === '=' || text[i + 1] === '>')) continue
    const before = freeBefore(text[i - 1])
    const after = freeAfter(text[i + 1])
    if (family === 'guillemets') {
      // Guillemets say which way they face; French spacing around them varies too much to check.
      marks.push({ pos: i, family, canOpen: c === '«', canClose: c === '»' })
      continue
    }
    // Straight and curly marks: the flanking decides (as CommonMark does for emphasis). A curly
    // glyph with no decisive neighbours keeps the direction it is drawn in.
    let canOpen = before && !after
    let canClose = after && !before
    if (!canOpen && !canClose) {
      if (family === 'straight') {
        canOpen = true
        canClose = true
      } else {
        canOpen = c !== '”'
        canClose = c === '”'
      }
    }
    marks.push({ pos: i, family, canOpen, canClose })
  }
  return marks
}
