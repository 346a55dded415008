import { describe, expect, it } from 'vitest'
import { scanMarks } from '../../../pipeline/enrich/quotes/marks.js'
import { MAX_QUOTE_CHARS, pairQuotes } from '../../../pipeline/enrich/quotes/pairing.js'

const pairs = (text: string) => pairQuotes(text, scanMarks(text)).map((q) => text.slice(q.start, q.end))

describe('marks', () => {
  it('ignores apostrophes and single quotes', () => {
    expect(scanMarks("l’armée d'aujourd'hui ‘sic’")).toEqual([])
  })
  it('reads the direction of straight marks from their neighbours', () => {
    const [open, close] = scanMarks('un "soutien tous azimuts", a-t-il dit')
    expect(open).toMatchObject({ canOpen: true, canClose: false })
    expect(close).toMatchObject({ canOpen: false, canClose: true })
  })
})

describe('pairing', () => {
  it('pairs guillemets, curly and straight marks, without the marks and the inner spaces', () => {
    expect(
      pairs('Il a dit : « Nous resterons au Sahel ». Puis “une autre phrase”, et "une troisième".'),
    ).toEqual(['Nous resterons au Sahel', 'une autre phrase', 'une troisième'])
  })

  it('keeps a nested quote inside the outer one', () => {
    const text = '« Le président a parlé d’une “guerre hybride” menée contre nous », a déclaré le ministre.'
    expect(pairs(text)).toEqual(['Le président a parlé d’une “guerre hybride” menée contre nous'])
  })

  it('treats a closing mark before any opening one as a quote that starts the text', () => {
    const text =
      'Les élections auront lieu en juillet", a assuré le colonel lors d\'un point de presse.\n\nSuite.'
    const [q] = pairQuotes(text, scanMarks(text))
    expect(q).toMatchObject({ start: 0, open: null })
    expect(text.slice(q!.start, q!.end)).toBe('Les élections auront lieu en juillet')
  })

  it('does not invent a missing opening mark after the first paragraph', () => {
    expect(pairs('Un premier paragraphe sans guillemets.\n\nSuite du texte", a-t-il dit.')).toEqual([])
  })

  it('reopens a multi-paragraph quotation at each paragraph', () => {
    const text = '« Premier paragraphe de la déclaration.\n\n« Second paragraphe », a conclu le porte-parole.'
    expect(pairs(text)).toEqual(['Premier paragraphe de la déclaration.', 'Second paragraphe'])
  })

  it('drops an opening mark that is never closed and keeps the next pair', () => {
    expect(pairs('Un « mot orphelin puis « une vraie citation » ici.')).toEqual(['une vraie citation'])
  })

  it('gives up on a quote longer than the limit', () => {
    const long = 'mot '.repeat(MAX_QUOTE_CHARS / 2)
    expect(pairs(`« ${long} » puis « court passage cité »`)).toEqual(['court passage cité'])
  })

  it('gives up on a quote crossing more than two paragraph breaks', () => {
    expect(pairs('« a\n\nb\n\nc\n\nd » et « fin de citation »')).toEqual(['fin de citation'])
  })
})

describe('lost and mixed marks', () => {
  it('runs a quotation whose closing mark was lost to the end of its paragraph', () => {
    const text =
      'Le président centrafricain a demandé à son homologue russe de renforcer l’aide militaire en lui envoyant “des moyens létaux'
    const [q] = pairQuotes(text, scanMarks(text))
    expect(text.slice(q!.start, q!.end)).toBe('des moyens létaux')
    expect(q).toMatchObject({ close: null, unclosed: true })
    expect(pairs('Et de conclure que « la réforme du régime de change constitue un pas\n\nSuite.')).toEqual([
      'la réforme du régime de change constitue un pas',
    ])
  })

  it('closes a curly quotation with a straight mark typed by hand', () => {
    expect(pairs('“Vive l\'humanité, vive la vie", a déclaré François Hollande.')).toEqual([
      "Vive l'humanité, vive la vie",
    ])
  })

  it('skips the straight marks of pasted HTML attributes', () => {
    expect(pairs('<p style="text-align: justify;">Les dirigeants ont signé le traité.</p>')).toEqual([])
  })
})
