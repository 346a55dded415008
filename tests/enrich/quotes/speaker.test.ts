import { describe, expect, it } from 'vitest'
import { quote, quotesOf } from './fixtures.js'

describe('speakers', () => {
  it('maps the speaker to the entity mentioned there', () => {
    const text = '« Nous allons intensifier la coopération militaire », a déclaré M. Lavrov à Bamako.'
    const q = quote(
      quotesOf(text, [{ name: 'Sergueï Lavrov', type: 'person', surfaces: ['Lavrov'] }]),
      'Nous allons',
    )
    expect(q.speaker).toBe('Sergueï Lavrov')
    expect(q.speaker_entity_id).toMatch(/^ent_/)
    expect(q.speaker_surface).toBe('Lavrov')
  })

  it('resolves a pronoun to the previous speaker', () => {
    const text =
      'Le président Bazoum a reçu mardi les chefs coutumiers. Il a souligné que l’État "ne laissera aucune région à l’abandon".'
    expect(quote(quotesOf(text), 'ne laissera')).toMatchObject({ speaker: 'Bazoum', method: 'coreference' })
  })

  it('resolves an inverted pronoun to the latest speaker of a compatible gender', () => {
    const text =
      'La ministre Aïssata Tall a rappelé les engagements pris. Le colonel Goïta a répondu aux critiques. ' +
      '« Nous n’avons de leçons à recevoir de personne », a-t-elle lancé.'
    expect(quote(quotesOf(text), 'Nous n’avons')).toMatchObject({ speaker: 'Aïssata Tall' })
  })

  it('never resolves a pronoun to a country that "announced" something', () => {
    const text =
      'Le Niger a annoncé samedi la fin de l’accord, a déclaré son porte-parole, le colonel Amadou Abdramane. ' +
      '« Le gouvernement révoque avec effet immédiat cet accord », a-t-il affirmé à la télévision.'
    const qs = quotesOf(text, [
      { name: 'Niger', type: 'country', country: 'NE', surfaces: ['Niger'] },
      { name: 'Amadou Abdramane', type: 'person', surfaces: ['Amadou Abdramane'] },
    ])
    expect(quote(qs, 'Le gouvernement révoque')).toMatchObject({ speaker: 'Amadou Abdramane' })
  })

  it('resolves a body to the ministry mentioned earlier', () => {
    const text =
      'Le ministère algérien des Affaires étrangères a convoqué l’ambassadeur. ' +
      '« Cette ingérence est inacceptable et contraire au droit international », a souligné le ministère.'
    const qs = quotesOf(text, [
      {
        name: 'Ministère algérien des Affaires étrangères',
        type: 'organization',
        country: 'DZ',
        surfaces: ['ministère algérien des Affaires étrangères'],
      },
    ])
    expect(quote(qs, 'Cette ingérence')).toMatchObject({
      speaker: 'Ministère algérien des Affaires étrangères',
      method: 'coreference',
    })
    expect(quote(qs, 'Cette ingérence').speaker_entity_id).toMatch(/^ent_/)
  })

  it('without an entity, a bare role takes the fullest earlier phrase with the same head', () => {
    const text =
      'La porte-parole du gouvernement allemand s’est exprimée lundi. La porte-parole a jugé la situation « extrêmement préoccupante ».'
    expect(quote(quotesOf(text), 'extrêmement')).toMatchObject({
      speaker: 'porte-parole du gouvernement allemand',
      speaker_entity_id: null,
    })
  })

  it('matches a described role with the person of the same nationality', () => {
    const text =
      'Le ministre malien Abdoulaye Diop a reçu son homologue turc Hakan Fidan. ' +
      'Le chef de la diplomatie turque a estimé que les deux pays partageaient « une vision commune de la sécurité régionale ».'
    expect(quote(quotesOf(text), 'une vision')).toMatchObject({ speaker: 'Hakan Fidan' })
  })

  it('a bare role refers back to the last speaker of the same role class', () => {
    const text =
      'Le ministre nigérien Bakary Yaou Sangaré a rencontré son homologue Wang Yi. ' +
      'Le chef de la diplomatie chinoise a estimé que la coopération devait progresser. ' +
      'Le ministre a ensuite assuré que Pékin "respecterait la souveraineté du Niger".'
    expect(quote(quotesOf(text), 'respecterait')).toMatchObject({ speaker: 'chef de la diplomatie chinoise' })
  })

  it('keeps an unresolvable pronoun without a speaker', () => {
    const text =
      'La réunion s’est terminée tard. « Rien n’a été décidé ce soir sur ce dossier », a-t-il regretté.'
    expect(quote(quotesOf(text), 'Rien')).toMatchObject({ speaker: null, speaker_entity_id: null })
  })

  it('an anonymous source is the speaker, as the text names it', () => {
    const text =
      '« Les combats ont repris dans la nuit près de la frontière », a indiqué une source sécuritaire.'
    expect(quote(quotesOf(text), 'Les combats')).toMatchObject({
      speaker: 'une source sécuritaire',
      speaker_entity_id: null,
    })
  })
})
