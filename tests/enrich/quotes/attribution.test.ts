import { describe, expect, it } from 'vitest'
import { quote, quotesOf } from './fixtures.js'

describe('attribution', () => {
  it('reads the speaker after the quote', () => {
    const text =
      '« Nous ne négocierons pas avec les groupes armés », a affirmé mercredi le Premier ministre Choguel Maïga.'
    const q = quote(quotesOf(text), 'Nous ne négocierons')
    expect(q).toMatchObject({
      speaker: 'Choguel Maïga',
      attribution: 'following',
      verb: 'a affirmé',
      method: 'pattern',
    })
  })

  it('reads the speaker before the quote, with a colon', () => {
    const text =
      'Le porte-parole du gouvernement, Abdoulaye Maïga, a déclaré : « La transition suivra son cours normal. »'
    expect(quote(quotesOf(text), 'La transition')).toMatchObject({
      speaker: 'Abdoulaye Maïga',
      attribution: 'preceding',
    })
  })

  it('reads a preceding subject with `que`', () => {
    const text = 'Ousmane Diallo a affirmé que cette décision "ne concernait que les autorités de Niamey".'
    expect(quote(quotesOf(text), 'ne concernait')).toMatchObject({
      speaker: 'Ousmane Diallo',
      verb: 'a affirmé',
    })
  })

  it('attributes several short expressions to an inverted verb ending the sentence', () => {
    const text =
      'Les sanctions sont "illégales et injustes" et visent à imposer un "régime de tutelle" à la région, a-t-elle ajouté. ' +
      'Aminata Touré avait auparavant rencontré les ambassadeurs.'
    const prior = 'Aminata Touré a déclaré mardi que la CEDEAO devait revoir sa position. '
    const qs = quotesOf(prior + text)
    expect(quote(qs, 'illégales')).toMatchObject({ speaker: 'Aminata Touré', method: 'coreference' })
    expect(quote(qs, 'régime de tutelle')).toMatchObject({
      speaker: 'Aminata Touré',
      attribution: 'following',
    })
  })

  it('splits a quote around an incise and gives both parts the incise speaker', () => {
    const text =
      'Le général Mamadi Doumbouya est arrivé à Conakry. « Nous avons pris nos responsabilités, a-t-il déclaré. La Guinée ne reculera pas. »'
    const qs = quotesOf(text)
    expect(qs.map((q) => q.text)).toEqual([
      'Nous avons pris nos responsabilités',
      'La Guinée ne reculera pas.',
    ])
    for (const q of qs) expect(q).toMatchObject({ speaker: 'Mamadi Doumbouya', attribution: 'incise' })
  })

  it('splits around an incise with a named subject', () => {
    const text = '« Cette guerre, a poursuivi Volodymyr Zelensky, ne se terminera pas par des concessions. »'
    const qs = quotesOf(text, [
      { name: 'Volodymyr Zelensky', type: 'person', surfaces: ['Volodymyr Zelensky'] },
    ])
    expect(qs.map((q) => [q.text, q.speaker])).toEqual([
      ['Cette guerre', 'Volodymyr Zelensky'],
      ['ne se terminera pas par des concessions.', 'Volodymyr Zelensky'],
    ])
  })

  it('reads `selon X`', () => {
    const text =
      'Selon le chercheur Bakary Sambe, « la menace jihadiste s’étend désormais vers les pays côtiers ».'
    expect(quote(quotesOf(text), 'la menace')).toMatchObject({
      speaker: 'Bakary Sambe',
      attribution: 'selon',
      verb: 'Selon',
    })
  })

  it('reads `lit-on dans le communiqué de X` as X speaking', () => {
    const text =
      '« Le gouvernement condamne avec la plus grande fermeté cette attaque lâche », lit-on dans le communiqué de la présidence nigérienne.'
    expect(quote(quotesOf(text), 'Le gouvernement')).toMatchObject({
      speaker: 'présidence nigérienne',
      attribution: 'selon',
    })
  })

  it('carries the speaker to the next paragraph of the same statement', () => {
    const text =
      '« Nous avons demandé le retrait immédiat des troupes étrangères », a déclaré le colonel Abdoulaye Maïga.\n\n' +
      '« Cette demande n’est pas négociable et sera portée devant les Nations unies. »'
    const qs = quotesOf(text)
    expect(quote(qs, 'Cette demande')).toMatchObject({
      speaker: 'Abdoulaye Maïga',
      attribution: 'continuation',
      method: 'inference',
    })
  })

  it('attributes a text-initial quote whose opening mark was lost', () => {
    const text =
      "Il n'y aura pas de retour en arrière\", a dit M. Tiani lors d'une allocution à Niamey.\n\nLa suite."
    const [q] = quotesOf(text)
    expect(q).toMatchObject({ start: 0, speaker: 'Tiani', marks: '" (opening missing)' })
  })

  it('leaves an unattributed quotation without a speaker', () => {
    const text =
      'Sur les murs de la ville, on pouvait lire « Non à la présence étrangère dans notre pays ». La foule s’est dispersée.'
    expect(quotesOf(text)).toMatchObject([
      { text: 'Non à la présence étrangère dans notre pays', speaker: null, attribution: 'none' },
    ])
  })
})
