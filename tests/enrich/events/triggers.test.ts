import { describe, expect, it } from 'vitest'
import { ontology, triggerData } from '../../../pipeline/enrich/events/reference.js'
import { tokenize } from '../../../pipeline/enrich/events/tokens.js'
import { findTriggers } from '../../../pipeline/enrich/events/triggers.js'
import { eventsOf, ofType, types } from './fixtures.js'

describe('event types', () => {
  it.each([
    ['attack', "Une attaque contre un poste de l'armée a été repoussée lundi à Boni."],
    ['attack', 'Des hommes armés ont tué deux bergers près de Djibo.'],
    ['attack', 'Un attentat-suicide a visé le marché de Gao.'],
    ['fight', 'Des affrontements ont opposé mardi l’armée aux rebelles près de Kidal.'],
    ['fight', 'De violents combats se déroulent depuis samedi autour de la ville.'],
    ['delivery', 'La Russie a livré au Mali quatre hélicoptères de type Mi-171.'],
    ['delivery', "L'envoi d'une aide d'urgence aux forces armées a été annoncé."],
    ['visit', 'Le ministre, en visite à Moscou, a rencontré son homologue.'],
    ['visit', "Lors d'une visite à Bamako, le chef de la diplomatie a promis des armes."],
    ['call', 'Les deux présidents ont eu un entretien téléphonique jeudi.'],
    ['meeting', 'Les négociations entre le gouvernement et les groupes armés reprennent à Alger.'],
    ['statement', 'La Russie continuera à former des militaires, a déclaré le ministre.'],
    ['agreement', 'Un accord de coopération militaire a été signé en 2019.'],
    ['cooperation', 'Les deux pays ont coopéré dans la lutte contre le terrorisme.'],
    ['cooperation', "Le Burkina s'est rapproché de ses deux voisins, le Mali et le Niger."],
    ['request', 'Le Premier ministre a demandé à son homologue de renforcer son aide militaire.'],
    ['request', 'Zelensky exhorte les Européens à agir.'],
    ['request', "Les ministres ont lancé un appel à l'unité."],
    ['rejection', "L'armée a rejeté le texte diffusé la veille."],
    ['rejection', "La Russie s'est opposée à toute intervention militaire au Niger."],
    ['rejection', 'Le ministère dément toute implication.'],
    ['threat', 'Le groupe a menacé de frapper la capitale.'],
    ['concession', 'Le président a démissionné mardi.'],
    ['mobilization', "L'armée a déployé des renforts dans la région."],
    ['coup', "Il est arrivé au pouvoir par un coup d'État en septembre 2022."],
    ['conviction', "L'opposant a été condamné à deux ans de prison."],
    ['expulsion', "La junte annonce l'expulsion de l'ambassadeur de France."],
    ['expulsion', 'Alger a rappelé son ambassadeur à Paris.'],
    ['summons', "L'ambassadeur a été convoqué au ministère des Affaires étrangères."],
    ['support', 'Le dirigeant russe a félicité Déby pour son succès.'],
    ['support', 'Déby a présenté ses condoléances à Poutine.'],
    ['accusation', 'Le Premier ministre se plaint du retrait unilatéral de la force Barkhane.'],
    ['accusation', "L'ONG a déploré que l'accord ne soit pas plus ambitieux."],
    ['attack', "Un drone de l'armée a visé vendredi un véhicule."],
    ['attack', "L'assassinat d'un dirigeant sikh près de Vancouver a été confirmé."],
    ['accusation', 'Moscou condamne fermement l’acte barbare commis par les terroristes.'],
    ['accusation', 'Bamako accuse Kiev de soutenir les rebelles.'],
    ['sever_relations', 'Le Mali a décidé de rompre ses relations diplomatiques avec l’Ukraine.'],
    ['sever_relations', 'La rupture des relations avec Kiev a été annoncée dimanche.'],
    ['support', 'La Russie a réaffirmé son soutien au Mali.'],
    ['support', 'Moscou continuera d’aider Bamako dans sa lutte contre le terrorisme.'],
    ['withdrawal', 'Le retrait des troupes françaises du Mali s’achèvera en août.'],
    ['withdrawal', 'Paris a décidé de réduire sa présence militaire au Sahel.'],
    ['protest', 'Une manifestation contre la présence française a réuni des milliers de personnes.'],
    ['arrest', "L'arrestation de trois suspects a été confirmée par la police."],
    ['arrest', '500 personnes au moins ont été interpelées selon le gouvernement.'],
    ['arrest', "L'ancien ministre a été placé en garde à vue lundi à Dakar."],
    ['conviction', 'La Chambre vous condamne à la peine d’emprisonnement à perpétuité.'],
    ['rejection', "L'Élysée a contesté la légitimité de la junte."],
    ['support', 'Sergueï Lavrov a vanté la nouvelle alliance entre le Mali et la Russie.'],
    ['support', 'La Russie apporte son appui aux autorités de la transition.'],
    ['accusation', 'Ce qui se passe à Gaza est totalement inacceptable.'],
    ['threat', 'La France a mis le Mali en garde contre le recours à des mercenaires.'],
    ['mobilization', 'Le Niger a annoncé l’arrivée d’une centaine d’instructeurs militaires russes.'],
    ['mobilization', 'Les secours poursuivent la mobilisation de tous les moyens d’intervention.'],
    ['coup', 'Le CNSP a renversé le régime de Mohamed Bazoum.'],
    ['request', 'Les ministres ont tour à tour envoyé un appel à l’unité.'],
    ['meeting', 'Le président a reçu mardi au palais le roi Mohammed VI.'],
    ['support', 'La Russie a apporté son soutien aux forces armées maliennes.'],
    ['rejection', 'Le gouvernement nigérien avait dénoncé cet accord avec les États-Unis.'],
    ['coup', 'Plus de quatre mois après l’arrivée au pouvoir des militaires, la délégation est reçue.'],
  ])('%s: %s', (type, text) => {
    expect(types(eventsOf(text))).toContain(type)
  })

  it('maps every type to the ontology, with PLOVER and CAMEO codes', () => {
    const ev = eventsOf('Les deux présidents ont eu un entretien téléphonique jeudi.')
    expect(ofType(ev, 'call')).toMatchObject({
      event_code: 'CONSULT',
      event_mode: 'phone',
      cameo_code: '041',
    })
    const codes = new Set(ontology().types.map((t) => t.type))
    for (const t of triggerData().triggers) expect(codes).toContain(t.type)
  })

  it('prefers the longest trigger', () => {
    const t = findTriggers(tokenize('un entretien téléphonique avec son homologue'))
    expect(t.map((x) => [x.type, x.lemma])).toEqual([['call', 'entretien téléphonique']])
  })

  it.each([
    ['delivery', 'Il avait fourni des informations aux autorités sur la cachette.'],
    ['support', 'Le Premier ministre a soutenu que le pays restait uni.'],
    ['accusation', 'Cinq personnes ont été tuées, ainsi que des blessés déplorés.'],
    ['accusation', 'Un homme a été blessé dans un état critique.'],
    ['coup', "La Côte d'Ivoire a renversé la Nigeria en finale (2-1)."],
    ['delivery', 'Les ministres ont tour à tour envoyé un appel à l’unité.'],
    ['accusation', 'La Chambre vous condamne à la peine d’emprisonnement à perpétuité.'],
    ['support', 'Nous allons apporter notre soutien au règlement des problèmes du continent.'],
    ['protest', 'Jusqu’au 19 avril, il interdit toutes les manifestations privées et publiques.'],
    ['attack', 'Les États-Unis viennent de lancer une offensive diplomatique sur le continent.'],
    ['accusation', 'Le gouvernement nigérien avait dénoncé cet accord avec les États-Unis.'],
    [
      'attack',
      'Le pays est confronté à des violences qui ont fait plus de 20.000 morts depuis près de dix ans.',
    ],
  ])('no %s in: %s', (type, text) => {
    expect(types(eventsOf(text))).not.toContain(type)
  })

  it.each([
    'renforcer l’efficacité au combat de son armée',
    'renforcer les capacités de combat des forces armées',
    'Aucun contrat n’avait été signé à ce jour avec une société privée.',
    'Cet entretien fait suite aux échanges de la veille.',
    'Ces affrontements ont démontré la fragilité de la situation.',
    'Le pays doit rompre avec le passé.',
    'Il a obtenu une aide humanitaire.',
    // promises, intentions, conditionals and purposes: no event has happened
    'Les deux pays veulent renforcer leur coopération et signer un accord.',
    'La Russie va livrer des hélicoptères et soutenir le Mali.',
    'Des instructeurs seraient envoyés pour soutenir l’armée.',
    'Cela pourrait être signé la semaine prochaine.',
    'Les deux présidents devraient se rendre à Moscou et se rencontrer.',
    'Moscou livrera des armes et signera un accord.',
    // nouns inside names and common words that look like triggers
    'Un signe du maintien des bonnes relations entre les deux pays.',
    'Le général a promis une ère de félicité aux Gabonais.',
  ])('no event in: %s', (text) => {
    const ev = eventsOf(text)
    expect(
      types(ev).filter(
        (t) =>
          t === 'fight' ||
          t === 'agreement' ||
          t === 'meeting' ||
          t === 'sever_relations' ||
          t === 'support' ||
          t === 'delivery' ||
          t === 'visit' ||
          t === 'cooperation',
      ),
    ).toEqual([])
  })

  it('makes one event per sentence and type', () => {
    const ev = eventsOf('Il a déclaré, souligné et affirmé que le pays tiendrait.')
    expect(types(ev)).toEqual(['statement'])
    expect(ev[0]!.trigger).toBe('déclaré')
  })
})

describe('what did not happen, and what is not this article', () => {
  it('reads the tense and the words before a trigger', () => {
    const has = (text: string, type: string) => types(eventsOf(text)).includes(type)
    expect(has('La Russie a livré des hélicoptères.', 'delivery')).toBe(true)
    expect(has('La Russie livrera des hélicoptères.', 'delivery')).toBe(false)
    expect(has('La Russie va livrer des hélicoptères.', 'delivery')).toBe(false)
    expect(has('Des hélicoptères seraient livrés.', 'delivery')).toBe(false)
    // a noun after an article has no tense: `le retrait` is no conditional
    expect(has('Le Mali a obtenu le retrait des forces spéciales.', 'withdrawal')).toBe(true)
    // `vient de` says it has just happened
    expect(has('Le ministre vient de signer un accord.', 'agreement')).toBe(true)
  })

  it('makes no event of a related-article headline or a caption', () => {
    expect(
      eventsOf('Lire aussi : Au Congo, Lavrov vilipende l’Occident et soutient une conférence.'),
    ).toEqual([])
    expect(eventsOf('Photo : des soldats tués lors de l’attaque de Kati.')).toEqual([])
  })
})

describe('generic statements, requests and subheadings', () => {
  it('makes no event of a repeated state of affairs', () => {
    expect(
      types(eventsOf("L'État de Borno est régulièrement la cible d'attaques menées par Boko Haram.")),
    ).not.toContain('attack')
    expect(types(eventsOf('Des jihadistes ont attaqué le camp de Boni mardi.'))).toContain('attack')
  })

  it('makes no event of what a request asks for', () => {
    const ev = types(eventsOf('Le gouvernement a exigé le départ des forces américaines.'))
    expect(ev).toContain('request')
    expect(ev).not.toContain('withdrawal')
  })

  it('makes no event of a subheading, but reads a short sentence', () => {
    expect(eventsOf('Appels au calme')).toEqual([])
    expect(types(eventsOf('Des combats ont éclaté.'))).toContain('fight')
  })

  it('counts no victims of an earthquake as an attack', () => {
    expect(
      types(eventsOf("Cette secousse tellurique a fait 290 morts dans la province d'Al Haouz.")),
    ).not.toContain('attack')
  })
})

describe('adverbs inside a trigger of several words', () => {
  it('reads `s’est aussi rapproché` as `s’est rapproché`', () => {
    const ev = eventsOf(
      "Outre la Russie, le Burkina s'est aussi rapproché de ses deux voisins, le Mali et le Niger.",
    )
    expect(ev.map((e) => e.event_type)).toContain('cooperation')
  })

  it('never skips a negation', () => {
    const ev = eventsOf("Le Burkina ne s'est pas rapproché de ses voisins.")
    expect(ev.map((e) => e.event_type)).not.toContain('cooperation')
  })
})

describe('taking ground, credentials, invitations', () => {
  it.each([
    [
      'attack',
      'Il a axé sa campagne sur les progrès sécuritaires, attribuant la reconquête de territoires aux rebelles.',
    ],
    ['attack', 'Les rebelles ont pris le contrôle de la ville de Bunagana lundi.'],
    [
      'meeting',
      'La nouvelle ambassadrice a présenté ses lettres de créance au ministre des affaires étrangères.',
    ],
    ['visit', 'Le chef de l’État et son épouse sont arrivés lundi au Maroc, à l’invitation du roi.'],
    ['meeting', 'Le président a reçu, mardi au palais des hôtes royaux à Rabat, le chef du gouvernement.'],
  ])('%s: %s', (type, text) => {
    expect(types(eventsOf(text))).toContain(type)
  })
})
