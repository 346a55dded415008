import { describe, expect, it } from 'vitest'
import { outletNamedInText } from '../../../pipeline/enrich/document/outlet-in-text.js'
import { defaultOutlets } from '../../../pipeline/reference/outlets.js'

const list = defaultOutlets()

describe('outlet named in the text as its own publisher', () => {
  it('reads a credit line of outlet names, the site before the agency', () => {
    const body = [
      'Des combats y faisaient rage au moment de mettre sous presse hier',
      'AFP, Le Journal',
      'Des troupes aéroportées russes ont été parachutées à Kharkiv tard hier soir.',
    ].join('\n')
    expect(outletNamedInText(body, list)).toMatchObject({ name: 'Le Journal', how: 'credit' })
    expect(outletNamedInText('Reuters / AFP\nLe texte.', list)).toMatchObject({
      name: 'Reuters',
      how: 'credit',
    })
  })

  it('reads an interview given to a listed outlet, never a source it cites', () => {
    const body =
      '"Les règles de mise en oeuvre de cet accord seront déterminées lors de la COP22", a déclaré à LE360 la ministre déléguée.'
    expect(outletNamedInText(body, list)).toMatchObject({ name: 'Le360', how: 'interview' })
    expect(outletNamedInText('Le bilan est de 29 morts, selon RFI.', list)).toBeNull()
    expect(outletNamedInText('Le ministre a confié à nos confrères de RFI qu’il partirait.', list)).toBeNull()
    expect(outletNamedInText('Reuters a rapporté que 14 personnes ont été tuées.', list)).toBeNull()
  })

  it('takes the one outlet a newsroom names when it speaks of itself', () => {
    const body =
      'Un drone a visé un véhicule, selon notre correspondant au Liban-Sud. Ces attaques ont fait au moins 282 morts, selon un décompte de l’ONU et de L’Orient-Le Jour.'
    expect(outletNamedInText(body, list)).toMatchObject({ name: 'L’Orient-Le Jour', how: 'newsroom' })
    // two outlets named: no way to tell which is the newsroom's
    expect(
      outletNamedInText('Selon notre correspondant, Le Monde et Le Figaro ont publié la lettre.', list),
    ).toBeNull()
    // a source the newsroom cites is not the newsroom
    expect(
      outletNamedInText('Selon notre correspondant, la junte a fermé la frontière, rapporte Le Monde.', list),
    ).toBeNull()
    // without the newsroom's own voice, a named outlet is a source
    expect(outletNamedInText('Le décompte de L’Orient-Le Jour fait état de 282 morts.', list)).toBeNull()
  })

  it('reads a page logo copied with the text, not a sharing button', () => {
    expect(outletNamedInText('Achille Kanza\n\nLa Gazette logo\n\nNewsletter', list)).toMatchObject({
      name: 'La Gazette',
      how: 'logo',
    })
    expect(outletNamedInText('Le texte.\nFacebook logo\nWhatsApp logo', list)).toBeNull()
  })
})
