import { describe, expect, it } from 'vitest'
import { entityId } from '../../../pipeline/enrich/entities/gazetteer.js'
import { extractEvents } from '../../../pipeline/enrich/events/index.js'
import { type EntitySpec, eventsOf, idOf, inputOf, ofType, PUBLISHED, soFarOf } from './fixtures.js'

const MALI: EntitySpec = { name: 'Mali', type: 'country', surfaces: ['Mali', 'malien', 'malienne'] }
const RUSSIE: EntitySpec = { name: 'Russie', type: 'country', surfaces: ['Russie', 'russe'] }
const MOSCOU: EntitySpec = { name: 'Moscou', type: 'place', surfaces: ['Moscou'] }
const BAMAKO: EntitySpec = { name: 'Bamako', type: 'place', surfaces: ['Bamako'] }
const MOPTI: EntitySpec = { name: 'Mopti', type: 'place', surfaces: ['Mopti'] }
const LAVROV: EntitySpec = { name: 'Sergueï Lavrov', type: 'person', surfaces: ['Sergueï Lavrov', 'Lavrov'] }
const DIOP: EntitySpec = { name: 'Abdoulaye Diop', type: 'person', surfaces: ['Abdoulaye Diop'] }
const MI171: EntitySpec = { name: 'Mi-171', type: 'equipment', surfaces: ['Mi-171'] }

describe('location', () => {
  it('prefers a place after a locative over the country', () => {
    const ev = eventsOf(
      "L'attaque, dans laquelle 31 civils ont péri au Mali, a été commise dans la région de Mopti.",
      [MALI, MOPTI],
    )
    expect(ofType(ev, 'attack')?.location_entity_id).toBe(idOf('Mopti'))
  })

  it('takes the country when no place is named', () => {
    const ev = eventsOf('Des affrontements ont éclaté au Mali samedi.', [MALI])
    expect(ofType(ev, 'fight')?.location_entity_id).toBe(idOf('Mali'))
  })

  it('reads the place of a visit', () => {
    const ev = eventsOf(
      'Le ministre malien Abdoulaye Diop, en visite à Moscou, a rencontré Sergueï Lavrov.',
      [MALI, DIOP, MOSCOU, LAVROV],
    )
    expect(ofType(ev, 'visit')?.location_entity_id).toBe(idOf('Moscou'))
    expect(ofType(ev, 'visit')?.actor_entity_ids[0]).toBe(idOf('Abdoulaye Diop'))
  })

  it('does not take an addressee after `à` as the place of a statement', () => {
    const ev = eventsOf('Moscou a présenté ses condoléances à Bamako en lui annonçant son soutien.', [
      MOSCOU,
      BAMAKO,
    ])
    const support = ofType(ev, 'support')!
    expect(support.location_entity_id).toBeNull()
    expect(support.actor_entity_ids).toEqual([idOf('Moscou')])
    expect(support.target_entity_ids).toEqual([idOf('Bamako')])
  })

  it('gives a place to the violent event even when a reporting verb stands nearer to it', () => {
    const DJIBO: EntitySpec = { name: 'Djibo', type: 'place', surfaces: ['Djibo'] }
    const ev = eventsOf(
      "Au moins quarante civils ont été tués samedi dans l'attaque d'un convoi près de Djibo, ont indiqué dimanche des sources locales.",
      [DJIBO],
    )
    const attack = ofType(ev, 'attack')!
    expect(attack.location_entity_id).toBe(idOf('Djibo'))
    // the town is no participant: the civilians and the convoy are what the attack struck
    expect(attack.target_entity_ids).toEqual([entityId('group', 'civils'), entityId('group', 'convoi')])
    expect(ofType(ev, 'statement')?.location_entity_id).toBeNull()
  })

  it('ignores entities without a locative word', () => {
    const ev = eventsOf('Des combats ont opposé les forces du Mali aux rebelles.', [MALI])
    expect(ofType(ev, 'fight')?.location_entity_id).toBeNull()
  })
})

describe('actors and targets', () => {
  const WAGNER: EntitySpec = { name: 'Groupe Wagner', type: 'organization', surfaces: ['Wagner'] }
  const KIDAL: EntitySpec = { name: 'Kidal', type: 'place', surfaces: ['Kidal'] }
  const GOITA: EntitySpec = { name: 'Assimi Goïta', type: 'person', surfaces: ['Assimi Goïta'] }
  const FRANCE: EntitySpec = { name: 'France', type: 'country', surfaces: ['France', 'françaises'] }
  const OUAGA: EntitySpec = { name: 'Ouagadougou', type: 'place', surfaces: ['Ouagadougou'] }

  it('reads the subject of a passive as the target, and no actor without `par`', () => {
    const ev = eventsOf(
      'Au moins 47 soldats du Mali et 84 combattants du groupe russe Wagner ont été tués dans la région de Kidal.',
      [MALI, RUSSIE, WAGNER, KIDAL],
    )
    const attack = ofType(ev, 'attack')!
    expect(attack.actor_entity_ids).toEqual([])
    expect(new Set(attack.target_entity_ids)).toEqual(
      new Set([idOf('Mali'), idOf('Russie'), idOf('Groupe Wagner')]),
    )
    expect(attack.location_entity_id).toBe(idOf('Kidal'))
  })

  it('takes the `par` agent of a passive as the actor', () => {
    const ev = eventsOf('Deux bergers ont été tués par des combattants de Wagner près de Kidal.', [
      WAGNER,
      KIDAL,
    ])
    expect(ofType(ev, 'attack')!.actor_entity_ids).toEqual([idOf('Groupe Wagner')])
  })

  it('finds a subject set off by an apposition, and reads `recevoir` a minister as a meeting', () => {
    const ev = eventsOf(
      'Le colonel Assimi Goïta, président de la transition, avait reçu en juin le vice-ministre russe de la Défense à Bamako.',
      [GOITA, RUSSIE, BAMAKO],
    )
    const meeting = ofType(ev, 'meeting')!
    expect(meeting.actor_entity_ids).toEqual([idOf('Assimi Goïta')])
    expect(meeting.target_entity_ids).toEqual([idOf('Russie')])
    expect(meeting.location_entity_id).toBe(idOf('Bamako'))
  })

  it('does not read `recevoir` weapons as a meeting', () => {
    const ev = eventsOf('Le Mali a reçu quatre hélicoptères de combat.', [MALI])
    expect(ofType(ev, 'meeting')).toBeUndefined()
  })

  it('takes the group an attack is attributed to as its actor', () => {
    const EIGS: EntitySpec = {
      name: 'État islamique au Sahel',
      type: 'organization',
      surfaces: ['État islamique au Sahel', 'EIGS'],
    }
    const ev = eventsOf(
      "Dimanche, 42 soldats du Mali ont été tués dans une attaque attribuée à l'EIGS près de Kidal.",
      [MALI, EIGS, KIDAL],
    )
    const attack = ofType(ev, 'attack')!
    expect(attack.actor_entity_ids).toEqual([idOf('État islamique au Sahel')])
    expect(attack.target_entity_ids).toEqual([idOf('Mali')])
    expect(attack.location_entity_id).toBe(idOf('Kidal'))
    const claimed = ofType(
      eventsOf("L'embuscade contre l'armée du Mali a été revendiquée par l'EIGS.", [MALI, EIGS]),
      'attack',
    )!
    expect(claimed.actor_entity_ids).toEqual([idOf('État islamique au Sahel')])
  })

  it('takes the author of a noun trigger whose passive verb names it (`lancés par`), with those coordinated', () => {
    const text =
      "Plusieurs appels au calme ont été lancés par des organisations internationales et de personnalités sénégalaises, tels que le chanteur Youssou N'Dour."
    const SENEGAL: EntitySpec = {
      name: 'Sénégal',
      type: 'country',
      surfaces: ['sénégalaises'],
      country_code: 'SN',
    }
    const out = extractEvents(inputOf(text), soFarOf(text, [SENEGAL]))
    const name = (id: string) => out.entities?.find((x) => x.entity_id === id)?.name ?? id
    const e = ofType(out.events ?? [], 'request')!
    expect(e.actor_entity_ids.map(name)).toEqual(['organisations internationales'])
    // the country adjective of a coordinated author qualifies it: it is not what the appeal is made to
    expect(e.target_entity_ids).toEqual([])
  })

  it('coordinates authors only across `et`/`ou`, not into a complement (`contre le camp de Kati`)', () => {
    const JNIM: EntitySpec = { name: 'JNIM', type: 'organization', surfaces: ['JNIM'] }
    const EIGS: EntitySpec = { name: 'EIGS', type: 'organization', surfaces: ['EIGS'] }
    const KATI: EntitySpec = { name: 'Kati', type: 'place', surfaces: ['Kati'], country_code: 'ML' }
    const both = ofType(
      eventsOf("L'attaque a été revendiquée par le JNIM et l'EIGS.", [JNIM, EIGS]),
      'attack',
    )!
    expect(both.actor_entity_ids).toEqual([idOf('JNIM'), idOf('EIGS')])
    const one = ofType(
      eventsOf("L'attaque a été revendiquée par le JNIM contre le camp de Kati.", [JNIM, KATI]),
      'attack',
    )!
    expect(one.actor_entity_ids).toEqual([idOf('JNIM')])
  })

  it('reads a country adjective on the complement of a governed noun as governed too', () => {
    const FRANCE: EntitySpec = { name: 'France', type: 'country', surfaces: ['français'], country_code: 'FR' }
    const MAROC: EntitySpec = { name: 'Maroc', type: 'country', surfaces: ['marocain'], country_code: 'MA' }
    const e = ofType(
      eventsOf("Paris a réaffirmé le soutien du gouvernement français au plan d'autonomie marocain.", [
        FRANCE,
        MAROC,
      ]),
      'support',
    )!
    expect(e.target_entity_ids).toContain(idOf('Maroc'))
    expect(e.actor_entity_ids).not.toContain(idOf('Maroc'))
  })

  it('takes a place that locates another noun (`toute intervention militaire au Niger`) for no participant', () => {
    const NIGER: EntitySpec = { name: 'Niger', type: 'country', surfaces: ['Niger'], country_code: 'NE' }
    const opposed = ofType(
      eventsOf("La Russie faisait partie des pays à s'opposer à toute intervention militaire au Niger.", [
        RUSSIE,
        NIGER,
      ]),
      'rejection',
    )!
    expect(opposed.actor_entity_ids).toEqual([idOf('Russie')])
    expect(opposed.target_entity_ids).toEqual([])
    // the trigger's own complement is still its target
    const support = ofType(
      eventsOf('La Russie a réaffirmé son soutien au Niger.', [RUSSIE, NIGER]),
      'support',
    )!
    expect(support.target_entity_ids).toEqual([idOf('Niger')])
  })

  it('keeps the actor of a noun trigger after it', () => {
    const ev = eventsOf(
      'Ouagadougou s’est rapproché de Moscou, après le départ des forces spéciales françaises.',
      [OUAGA, MOSCOU, FRANCE],
    )
    // the unnamed `forces spéciales françaises` stand beside the country their adjective names
    expect(ofType(ev, 'withdrawal')!.actor_entity_ids).toEqual([
      entityId('group', 'forces spéciales françaises'),
      idOf('France'),
    ])
  })

  it('takes the subject before the trigger and the partner after it', () => {
    const ev = eventsOf(
      'Sergueï Lavrov a eu un entretien téléphonique avec son homologue malien, Abdoulaye Diop, jeudi.',
      [LAVROV, DIOP, MALI],
    )
    const call = ofType(ev, 'call')!
    expect(call.actor_entity_ids).toEqual([idOf('Sergueï Lavrov')])
    expect(call.target_entity_ids).toContain(idOf('Mali'))
  })

  it('reads an inverted subject after a speech verb', () => {
    const ev = eventsOf(
      'La Russie continuera de soutenir le pays, a déclaré mardi le ministère russe des Affaires étrangères.',
      [
        RUSSIE,
        {
          name: 'Ministère russe des Affaires étrangères',
          type: 'organization',
          surfaces: ['ministère russe des Affaires étrangères'],
        },
      ],
    )
    expect(ofType(ev, 'statement')?.actor_entity_ids[0]).toBe(idOf('Ministère russe des Affaires étrangères'))
    expect(ofType(ev, 'support')?.actor_entity_ids).toEqual([idOf('Russie')])
  })

  it('reads the agent of a passive', () => {
    const ev = eventsOf("L'accord a été signé par la Russie et le Mali.", [RUSSIE, MALI])
    expect(ofType(ev, 'agreement')?.actor_entity_ids).toContain(idOf('Russie'))
  })

  it('lists equipment of a delivery apart, with the quantity', () => {
    const ev = eventsOf(
      'La Russie a livré au Mali quatre hélicoptères de type Mi-171, des armes et des munitions.',
      [RUSSIE, MALI, MI171],
    )
    const d = ofType(ev, 'delivery')!
    expect(d.actor_entity_ids).toEqual([idOf('Russie')])
    expect(d.equipment_entity_ids).toEqual([idOf('Mi-171')])
    expect(d.target_entity_ids).not.toContain(idOf('Mi-171'))
    expect(d).toMatchObject({
      quantity: 4,
      quantity_what: 'hélicoptères',
      quantity_unit: null,
      quantity_qualifier: 'exact',
    })
  })

  it('reads a quantity with a unit', () => {
    const ev = eventsOf('Moscou a livré 25.000 tonnes de blé au Mali.', [MOSCOU, MALI])
    expect(ofType(ev, 'delivery')).toMatchObject({
      quantity: 25000,
      quantity_unit: 'tonnes',
      quantity_what: 'blé',
    })
  })

  it('works without any entity', () => {
    const ev = eventsOf('Des combats ont eu lieu hier.')
    expect(ofType(ev, 'fight')).toMatchObject({
      actor_entity_ids: [],
      target_entity_ids: [],
      location_entity_id: null,
    })
  })
})

describe('dates', () => {
  it('dates each event by the expression nearest its trigger', () => {
    const text =
      'Dans le cadre d’un accord de coopération militaire signé en 2019, la Russie avait livré le 30 septembre dernier au Mali quatre hélicoptères.'
    const ev = eventsOf(
      text,
      [RUSSIE, MALI],
      [
        { surface: 'en 2019', value: '2019', precision: 'year' },
        { surface: 'le 30 septembre dernier', value: '2021-09-30', precision: 'day' },
      ],
    )
    expect(ofType(ev, 'agreement')).toMatchObject({
      date: '2019',
      date_precision: 'year',
      date_source: 'expression',
    })
    expect(ofType(ev, 'delivery')).toMatchObject({
      date: '2021-09-30',
      date_precision: 'day',
      date_source: 'expression',
    })
  })

  it('dates the undated news of the lead by the publication date, said as such, with no lower bound', () => {
    const ev = eventsOf('Des affrontements ont éclaté à Kidal.')
    expect(ofType(ev, 'fight')).toMatchObject({
      date: PUBLISHED.value,
      date_precision: PUBLISHED.precision,
      date_source: 'published',
      date_min: null,
      date_max: PUBLISHED.max,
    })
  })

  it('never takes the publication date for background: past the lead, or in the pluperfect', () => {
    const later = eventsOf(
      'Le calme est revenu. Les habitants sont rentrés chez eux. Les écoles ont rouvert. Des affrontements ont éclaté à Kidal.',
    )
    expect(ofType(later, 'fight')).toMatchObject({ date: null, date_source: null, date_max: PUBLISHED.max })
    const pluperfect = eventsOf('Des affrontements avaient éclaté à Kidal.')
    expect(ofType(pluperfect, 'fight')).toMatchObject({ date: null, date_source: null })
  })

  it('leaves the date empty with neither', () => {
    const ev = eventsOf('Des affrontements ont éclaté à Kidal.', [], [], null)
    expect(ofType(ev, 'fight')).toMatchObject({
      date: null,
      date_precision: null,
      date_source: null,
      date_max: null,
    })
  })

  it('ignores expressions of other sentences and unresolved ones', () => {
    const ev = eventsOf(
      'Le 3 mars, rien. Des affrontements ont éclaté à Kidal à une date inconnue.',
      [],
      [{ surface: 'Le 3 mars', value: '2024-03-03', precision: 'day' }],
    )
    // the other sentence's date is not this event's: the lead's news is dated by the publication
    expect(ofType(ev, 'fight')).toMatchObject({
      date: PUBLISHED.value,
      date_source: 'published',
      date_max: PUBLISHED.max,
    })
  })
})

describe('a place is a location, never a participant', () => {
  it('makes the town an attack is directed at its location', () => {
    const ev = eventsOf('Des jihadistes ont attaqué Kati, faisant plusieurs blessés.', [
      { name: 'Kati', type: 'place', surfaces: ['Kati'] },
    ])
    const attack = ofType(ev, 'attack')!
    expect(attack.location_entity_id).toBe(idOf('Kati'))
    expect(attack.target_entity_ids).toEqual([])
  })

  it('reads the other side of a meeting in an apposition', () => {
    const ev = eventsOf(
      'Sergueï Lavrov a rencontré le chef du régime militaire, le capitaine Ibrahim Traoré.',
      [
        { name: 'Sergueï Lavrov', type: 'person', surfaces: ['Sergueï Lavrov'] },
        { name: 'Ibrahim Traoré', type: 'person', surfaces: ['Ibrahim Traoré'] },
      ],
    )
    expect(ofType(ev, 'meeting')).toMatchObject({
      actor_entity_ids: [idOf('Sergueï Lavrov')],
      target_entity_ids: [idOf('Ibrahim Traoré')],
    })
  })
})
