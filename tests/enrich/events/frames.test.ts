/**
 * Role frames: who acts and who undergoes, beyond the subject-verb-object order — nouns whose `de`
 * names what undergoes them, the subject of a passive set off by an apposition, the receiver after
 * `à`, the host of a visit.
 */
import { describe, expect, it } from 'vitest'
import { entityId } from '../../../pipeline/enrich/entities/gazetteer.js'
import { roleMentions } from '../../../pipeline/enrich/events/roles.js'
import { tokenize } from '../../../pipeline/enrich/events/tokens.js'
import type { MentionDraft } from '../../../pipeline/enrich/extract.js'
import { type EntitySpec, eventsOf, idOf, ofType } from './fixtures.js'

const MALI: EntitySpec = { name: 'Mali', type: 'country', surfaces: ['Mali'], country_code: 'ML' }
const RUSSIE: EntitySpec = { name: 'Russie', type: 'country', surfaces: ['Russie'], country_code: 'RU' }
const BAMAKO: EntitySpec = { name: 'Bamako', type: 'place', surfaces: ['Bamako'], country_code: 'ML' }

describe('noun frames', () => {
  it('makes what follows `de` the one expelled, and the subject the one expelling', () => {
    const ev = eventsOf("Le Canada a procédé lundi à l'expulsion du diplomate indien Pavan Kumar Rai.", [
      { name: 'Canada', type: 'country', surfaces: ['Canada'] },
      { name: 'Inde', type: 'country', surfaces: ['indien'] },
      { name: 'Pavan Kumar Rai', type: 'person', surfaces: ['Pavan Kumar Rai'] },
    ])
    const e = ofType(ev, 'expulsion')!
    expect(e.actor_entity_ids).toEqual([idOf('Canada')])
    expect(e.target_entity_ids).toEqual([idOf('Inde'), idOf('Pavan Kumar Rai')])
  })

  it('gives an arrest to its `par` agent and its object to the one arrested', () => {
    const ev = eventsOf(
      "Des images ont confirmé l'arrestation du président Alpha Condé par les militaires de Mamady Doumbouya.",
      [
        { name: 'Alpha Condé', type: 'person', surfaces: ['Alpha Condé'] },
        { name: 'Mamady Doumbouya', type: 'person', surfaces: ['Mamady Doumbouya'] },
      ],
    )
    const e = ofType(ev, 'arrest')!
    expect(e.actor_entity_ids).toEqual([idOf('Mamady Doumbouya')])
    expect(e.target_entity_ids).toEqual([idOf('Alpha Condé')])
  })

  it('after a possessive, makes the body left the target of a withdrawal', () => {
    const CEDEAO: EntitySpec = { name: 'Cedeao', type: 'organization', surfaces: ['Cedeao'] }
    const ev = eventsOf('Le Mali a annoncé son retrait de la Cedeao.', [MALI, CEDEAO])
    const e = ofType(ev, 'withdrawal')!
    expect(e.actor_entity_ids).toEqual([idOf('Mali')])
    expect(e.target_entity_ids).toEqual([idOf('Cedeao')])
  })

  it('after an article, makes the first complement leave the country named next', () => {
    const BARKHANE: EntitySpec = { name: 'Barkhane', type: 'organization', surfaces: ['Barkhane'] }
    const ev = eventsOf(
      'Il a regretté la façon dont s’est effectué le retrait de la force Barkhane du Mali.',
      [BARKHANE, MALI],
    )
    const e = ofType(ev, 'withdrawal')!
    expect(e.actor_entity_ids).toEqual([idOf('Barkhane')])
    expect(e.target_entity_ids).toEqual([idOf('Mali')])
  })
})

describe('passive voice', () => {
  it('finds the one summoned before an apposition', () => {
    const ev = eventsOf(
      'Joël Meyer, ambassadeur de France au Mali, a été convoqué aujourd’hui au ministère des Affaires étrangères.',
      [{ name: 'Joël Meyer', type: 'person', surfaces: ['Joël Meyer'] }, MALI],
    )
    expect(ofType(ev, 'summons')!.target_entity_ids).toContain(idOf('Joël Meyer'))
  })
})

describe('receivers and hosts', () => {
  it('makes the country a delivery is made to its target, not its place', () => {
    const ev = eventsOf('La Russie a livré au Mali quatre hélicoptères de combat.', [RUSSIE, MALI])
    const e = ofType(ev, 'delivery')!
    expect(e.actor_entity_ids).toEqual([idOf('Russie')])
    expect(e.target_entity_ids).toEqual([idOf('Mali')])
    expect(e.location_entity_id).toBeNull()
  })

  it('still takes a town as the place of a delivery', () => {
    const ev = eventsOf('La Russie a livré à Bamako quatre hélicoptères de combat.', [RUSSIE, BAMAKO])
    expect(ofType(ev, 'delivery')!.location_entity_id).toBe(idOf('Bamako'))
  })

  it('makes the country visited the other side of a visit', () => {
    const LAVROV: EntitySpec = {
      name: 'Sergueï Lavrov',
      type: 'person',
      surfaces: ['Sergueï Lavrov'],
      country_code: 'RU',
    }
    const ev = eventsOf(
      'Le chef de la diplomatie russe Sergueï Lavrov a effectué mardi une visite à Bamako, au Mali.',
      [LAVROV, BAMAKO, MALI],
    )
    const e = ofType(ev, 'visit')!
    expect(e.location_entity_id).toBe(idOf('Bamako'))
    expect(e.actor_entity_ids).toEqual([idOf('Sergueï Lavrov')])
    expect(e.target_entity_ids).toContain(idOf('Mali'))
  })
})

describe('where a signing or a sentence happened', () => {
  it('takes the town after `à` as the place of a signing, not as a participant', () => {
    const NIAMEY: EntitySpec = { name: 'Niamey', type: 'place', surfaces: ['Niamey'], country_code: 'NE' }
    const NIGER: EntitySpec = { name: 'Niger', type: 'country', surfaces: ['Niger'], country_code: 'NE' }
    const ev = eventsOf(
      'Les dirigeants du Mali et du Niger ont signé, ce samedi à Niamey, l’acte constitutif de la confédération.',
      [MALI, NIGER, NIAMEY],
    )
    const e = ofType(ev, 'agreement')!
    expect(e.location_entity_id).toBe(idOf('Niamey'))
    expect([...e.actor_entity_ids, ...e.target_entity_ids]).not.toContain(idOf('Niamey'))
  })

  it('keeps the town after `à` as the addressee of an ambassador’s recall', () => {
    const ALGERIE: EntitySpec = {
      name: 'Algérie',
      type: 'country',
      surfaces: ['Algérie'],
      country_code: 'DZ',
    }
    const PARIS: EntitySpec = { name: 'Paris', type: 'place', surfaces: ['Paris'], country_code: 'FR' }
    const ev = eventsOf('L’Algérie a décidé de rappeler son ambassadeur à Paris avec effet immédiat.', [
      ALGERIE,
      PARIS,
    ])
    expect(ofType(ev, 'expulsion')!.location_entity_id).toBeNull()
  })
})

describe('who takes no part', () => {
  it('makes those a toll counts the targets of the attack, not its authors', () => {
    const ev = eventsOf(
      'Au moins sept soldats camerounais ont trouvé la mort au cours des attaques le weekend dernier.',
      [{ name: 'Cameroun', type: 'country', surfaces: ['camerounais'], country_code: 'CM' }],
    )
    const e = ofType(ev, 'attack')!
    expect(e.actor_entity_ids).toEqual([])
    expect(e.target_entity_ids).toContain(idOf('Cameroun'))
  })

  it('never lets a place said as a place act (`la cité de`, `l’Extrême-Nord du Cameroun`)', () => {
    const ev = eventsOf('Un double attentat-suicide a frappé dimanche l’Extrême-Nord du Cameroun.', [
      { name: 'Extrême-Nord', type: 'place', surfaces: ['Extrême-Nord'], country_code: 'CM' },
      { name: 'Cameroun', type: 'country', surfaces: ['Cameroun'], country_code: 'CM' },
    ])
    const e = ofType(ev, 'attack')!
    expect(e.actor_entity_ids).toEqual([])
    expect(e.target_entity_ids).toEqual([])
  })

  it('takes a town said as a town as the place of an attack on it', () => {
    const DARUL: EntitySpec = { name: 'Darul Jamal', type: 'place', surfaces: ['Darul Jamal'] }
    const ev = eventsOf(
      'Au moins 63 personnes ont été tuées dans une attaque contre la ville de Darul Jamal, a annoncé samedi le gouverneur Babagana Zulum.',
      [DARUL, { name: 'Babagana Zulum', type: 'person', surfaces: ['Babagana Zulum'] }],
    )
    const e = ofType(ev, 'attack')!
    expect(e.location_entity_id).toBe(idOf('Darul Jamal'))
    // the governor reports the attack: he takes no part in it
    expect(e.actor_entity_ids).toEqual([])
    expect(e.target_entity_ids).toEqual([])
  })

  it('never makes the source of a report a participant', () => {
    const ev = eventsOf('Selon le ministère, deux soldats ont été tués lors de combats à Kidal.', [
      { name: 'Ministère', type: 'organization', surfaces: ['ministère'] },
      { name: 'Kidal', type: 'place', surfaces: ['Kidal'] },
    ])
    const e = ofType(ev, 'attack')!
    expect([...e.actor_entity_ids, ...e.target_entity_ids]).not.toContain(idOf('Ministère'))
  })
})

describe('two-sided events', () => {
  it('reads the other side of a signing elsewhere in the sentence when its clause names none', () => {
    const NIGER: EntitySpec = { name: 'Niger', type: 'country', surfaces: ['Niger'], country_code: 'NE' }
    const ev = eventsOf('Le Niger a signé, en présence de la délégation de la Russie, un accord militaire.', [
      NIGER,
      RUSSIE,
    ])
    const e = ofType(ev, 'agreement')!
    expect(e.actor_entity_ids).toEqual([idOf('Niger')])
    expect(e.target_entity_ids).toEqual([idOf('Russie')])
  })

  it('does not read another side into a one-sided event', () => {
    const ev = eventsOf('Le Mali a dénoncé, en présence de la délégation de la Russie, un accord.', [
      MALI,
      RUSSIE,
    ])
    expect(ofType(ev, 'accusation')!.target_entity_ids).toEqual([])
  })
})

describe('capitals and the country left', () => {
  it('makes the country of a capital that acts act too', () => {
    const MOSCOU: EntitySpec = { name: 'Moscou', type: 'place', surfaces: ['Moscou'], country_code: 'RU' }
    const ev = eventsOf(
      'Moscou dément tout lien avec les sociétés de sécurité privées. La Russie reste prudente.',
      [MOSCOU, RUSSIE],
    )
    expect(ofType(ev, 'rejection')!.actor_entity_ids).toEqual([idOf('Moscou'), idOf('Russie')])
  })

  it('makes the country a force withdraws from a target as well as the place', () => {
    const FRANCE: EntitySpec = { name: 'France', type: 'country', surfaces: ['France'], country_code: 'FR' }
    const ev = eventsOf('La France a décidé de réduire sa présence militaire au Mali.', [FRANCE, MALI])
    const e = ofType(ev, 'withdrawal')!
    expect(e.location_entity_id).toBe(idOf('Mali'))
    expect(e.target_entity_ids).toEqual([idOf('Mali')])
  })
})

describe('groups nearer than named ones', () => {
  it('keeps the authorities a support goes to before a country named further on', () => {
    const MOSCOU: EntitySpec = { name: 'Moscou', type: 'place', surfaces: ['Moscou'], country_code: 'RU' }
    const KIEV: EntitySpec = { name: 'Kiev', type: 'place', surfaces: ['Kiev'], country_code: 'UA' }
    const ev = eventsOf(
      'Moscou a affirmé son soutien aux autorités de la transition après la rupture des relations avec Kiev.',
      [MOSCOU, KIEV],
    )
    expect(ofType(ev, 'support')!.target_entity_ids[0]).toBe(entityId('group', 'autorités'))
  })

  it('reads no apposition into an attack (`…, la Fédération de Russie a réaffirmé …`)', () => {
    const ev = eventsOf(
      'À la suite de l’attaque terroriste contre l’école de gendarmerie, la Fédération de Russie a réaffirmé son soutien.',
      [{ name: 'Russie', type: 'country', surfaces: ['Fédération de Russie'], country_code: 'RU' }],
    )
    expect(ofType(ev, 'attack')!.actor_entity_ids).toEqual([])
  })
})

describe('agents and subjects further off', () => {
  it('reads the `par` agent of a passive past a comma', () => {
    const ADF: EntitySpec = { name: 'ADF', type: 'organization', surfaces: ['ADF'] }
    const ev = eventsOf(
      'Deux autres civils ont été tués à Kazaroho, toujours dans la même région par des ADF.',
      [ADF, { name: 'Kazaroho', type: 'place', surfaces: ['Kazaroho'] }],
    )
    expect(ofType(ev, 'attack')!.actor_entity_ids).toEqual([idOf('ADF')])
  })

  it('never takes the agent of another participle for the actor of an active verb', () => {
    const ANP: EntitySpec = { name: 'Armée nationale populaire', type: 'organization', surfaces: ['ANP'] }
    const ev = eventsOf(
      'Selon nos sources, le texte diffusé la veille par la présidence a été rejeté par l’ANP.',
      [ANP],
    )
    expect(ofType(ev, 'rejection')!.actor_entity_ids).toEqual([idOf('Armée nationale populaire')])
    const active = eventsOf('Hier, ils ont rejeté le texte diffusé la veille par la présidence.')
    expect(ofType(active, 'rejection')!.actor_entity_ids).toEqual([])
  })

  it('makes the group a trigger names its actor', () => {
    const text = "L'Assemblée nationale était en flammes après avoir été incendiée par des manifestants."
    const e = ofType(eventsOf(text), 'protest')!
    expect(e.actor_entity_ids).toEqual([entityId('group', 'manifestants')])
  })

  it('gives a noun governed by another event’s verb no subject from before that verb', () => {
    const SA: EntitySpec = { name: 'Arabie saoudite', type: 'country', surfaces: ['Arabie saoudite'] }
    const ev = eventsOf("L'Arabie saoudite a condamné l'attaque contre l'hôpital d'El-Facher.", [SA])
    expect(ofType(ev, 'accusation')!.actor_entity_ids).toEqual([idOf('Arabie saoudite')])
    expect(ofType(ev, 'attack')!.actor_entity_ids).toEqual([])
  })

  it('never lets a region said as a region act (`la région des Savanes`)', () => {
    const SAVANES: EntitySpec = { name: 'Savanes', type: 'place', surfaces: ['Savanes'] }
    const ev = eventsOf('La région des Savanes est sous état d’urgence sécuritaire.', [SAVANES])
    expect(ofType(ev, 'arrest')!.actor_entity_ids).toEqual([])
  })
})

describe('speech verbs', () => {
  it('reads the object of an accusation, not an inverted subject, when more follows it', () => {
    const DONDRA: EntitySpec = {
      name: 'Henri-Marie Dondra',
      type: 'person',
      surfaces: ['Henri-Marie Dondra'],
    }
    const ev = eventsOf(
      'Les candidats de l’opposition, dont Henri-Marie Dondra, ont accusé les autorités d’avoir imposé des restrictions.',
      [DONDRA],
    )
    const e = ofType(ev, 'accusation')!
    expect(e.actor_entity_ids).toEqual([idOf('Henri-Marie Dondra')])
    expect(e.target_entity_ids).toEqual([entityId('group', 'autorités')])
  })
})

describe('places said as places', () => {
  it('gives a place after `dans la région de` to the attack, not to the condolences nearer it', () => {
    const MOPTI: EntitySpec = { name: 'Mopti', type: 'place', surfaces: ['Mopti'], country_code: 'ML' }
    const MOSCOU: EntitySpec = { name: 'Moscou', type: 'place', surfaces: ['Moscou'], country_code: 'RU' }
    const BAMAKO: EntitySpec = { name: 'Bamako', type: 'place', surfaces: ['Bamako'], country_code: 'ML' }
    const ev = eventsOf(
      'Après l’attaque dans laquelle 31 civils ont péri au Mali, commise dans la région de Mopti, Moscou a présenté ses condoléances à Bamako.',
      [MALI, MOPTI, MOSCOU, BAMAKO],
    )
    expect(ofType(ev, 'attack')!.location_entity_id).toBe(idOf('Mopti'))
    expect(ofType(ev, 'support')!.location_entity_id).toBeNull()
  })
})

describe('addressees follow their verb', () => {
  it('gives the town after `à` to a summons before it, not to a demand after it', () => {
    const BAMAKO: EntitySpec = { name: 'Bamako', type: 'place', surfaces: ['Bamako'], country_code: 'ML' }
    const ev = eventsOf(
      'L’ambassadeur a été convoqué aujourd’hui au ministère des Affaires étrangères à Bamako et sommé de quitter le pays.',
      [BAMAKO],
    )
    expect(ofType(ev, 'summons')!.location_entity_id).toBe(idOf('Bamako'))
  })
})

describe('victims and summoners', () => {
  it('makes those in whose ranks the dead fell the targets of the attack', () => {
    const FAT: EntitySpec = {
      name: 'Forces armées togolaises',
      type: 'organization',
      surfaces: ['forces armées togolaises'],
    }
    const ev = eventsOf(
      'L’attaque meurtrière a occasionné une dizaine de morts dans le rang des forces armées togolaises.',
      [FAT],
    )
    const e = ofType(ev, 'attack')!
    expect(e.actor_entity_ids).toEqual([])
    expect(e.target_entity_ids).toContain(idOf('Forces armées togolaises'))
  })

  it('makes the ministry an ambassador is summoned to the summoner', () => {
    const MAE: EntitySpec = {
      name: 'MAE',
      type: 'organization',
      surfaces: ['ministère des Affaires étrangères'],
    }
    const ev = eventsOf('L’ambassadeur a été convoqué aujourd’hui au ministère des Affaires étrangères.', [
      MAE,
    ])
    expect(ofType(ev, 'summons')!.actor_entity_ids).toEqual([idOf('MAE')])
  })
})

describe('place words with an elided de', () => {
  it('reads `dans la ville d’Alep` and `dans les localités de` as saying where', () => {
    const text = 'Des frappes ont visé des quartiers dans la ville d’Alep et dans les localités de Masongo.'
    const tokens = tokenize(text)
    const mention = (surface: string, id: string) => {
      const start = text.indexOf(surface)
      return { entity_id: id, surface, start, end: start + surface.length } as MentionDraft
    }
    const roles = roleMentions(tokens, [mention('Alep', 'ent_a'), mention('Masongo', 'ent_m')], () => 'place')
    expect(roles.map((r) => r.locative)).toEqual(["dans la ville d'", 'dans les localités de'])
  })
})

describe('participles in apposition', () => {
  it('reads `X, accusé de …` as a passive: no actor from before, X undergoes it', () => {
    const PM: EntitySpec = { name: 'Choguel Maïga', type: 'person', surfaces: ['Choguel Maïga'] }
    const ev = eventsOf(
      'Le Premier ministre Choguel Maïga, accusé de corruption par l’opposition, a démissionné.',
      [PM],
    )
    const e = ofType(ev, 'accusation')!
    expect(e.actor_entity_ids).not.toContain(idOf('Choguel Maïga'))
    expect(e.target_entity_ids).toContain(idOf('Choguel Maïga'))
  })
})

describe('a noun trigger as its clause subject', () => {
  it('makes who follows its verb undergo it', () => {
    const HOUTHI: EntitySpec = { name: 'Houthi', type: 'organization', surfaces: ['Houthi'] }
    const ev = eventsOf(
      "D'après une source médicale, une frappe aérienne a atteint le domicile d'un responsable militaire du mouvement Houthi.",
      [HOUTHI],
    )
    const e = ev.find((x) => x.event_code === 'ASSAULT')!
    expect(e.actor_entity_ids).not.toContain(idOf('Houthi'))
    expect(e.target_entity_ids).toContain(idOf('Houthi'))
  })
})

describe('an accusation aimed at an act', () => {
  const MAIGA: EntitySpec = { name: 'Choguel Maïga', type: 'person', surfaces: ['Choguel Maïga'] }
  const BARKHANE: EntitySpec = {
    name: 'Opération Barkhane',
    type: 'organization',
    surfaces: ['Barkhane'],
    country_code: 'FR',
  }
  const FORCE: EntitySpec = {
    name: 'Force française',
    type: 'organization',
    surfaces: ['force française'],
    country_code: 'FR',
  }
  const MALI_: EntitySpec = {
    name: 'Mali',
    type: 'country',
    surfaces: ['Mali', 'malien'],
    country_code: 'ML',
  }
  const USA: EntitySpec = {
    name: 'États-Unis',
    type: 'country',
    surfaces: ['États unis'],
    country_code: 'US',
  }
  const AG: EntitySpec = {
    name: 'Assemblée générale de l’ONU',
    type: 'organization',
    surfaces: ['Assemblée générale de l’ONU'],
  }
  const NEW_YORK: EntitySpec = { name: 'New York', type: 'place', surfaces: ['New York'], country_code: 'US' }
  const ALL = [MAIGA, BARKHANE, FORCE, MALI_, USA, AG, NEW_YORK]

  it('accuses those who did the act it names next, past a parenthesis', () => {
    const ev = eventsOf(
      'Le Premier ministre malien Choguel Maïga s’est plaint samedi à l’Assemblée générale de l’ONU à New York (États unis) de la façon dont s’est effectué le retrait de la force française Barkhane du Mali.',
      ALL,
    )
    const e = ofType(ev, 'accusation')!
    expect(e.actor_entity_ids).toContain(idOf('Choguel Maïga'))
    expect(e.target_entity_ids.slice(0, 2)).toEqual([idOf('Force française'), idOf('Opération Barkhane')])
  })

  it('leaves an act told in another sentence alone', () => {
    const ev = eventsOf(
      'Choguel Maïga s’est plaint samedi à l’Assemblée générale de l’ONU à New York (États unis). La force française Barkhane a annoncé son retrait du Mali.',
      ALL,
    )
    expect(ofType(ev, 'accusation')?.target_entity_ids ?? []).not.toContain(idOf('Opération Barkhane'))
  })
})
