import { describe, expect, it } from 'vitest'
import {
  agrees,
  datesAgree,
  groupReadings,
  type Reading,
} from '../../../pipeline/enrich/events/merge-mentions.js'
import { type EntitySpec, eventsOf, idOf, PUBLISHED } from './fixtures.js'

// One attack told three times: the lead, a toll with no trigger of its own, a reference back.
const THRICE = `Une attaque a visé mardi 17 septembre le camp militaire à Djibo, dans le nord du Burkina Faso.
Au moins 31 soldats ont péri, selon une source sécuritaire.
Cette attaque n'a pas été revendiquée, a précisé l'armée.`

const PLACES = [
  { name: 'Djibo', type: 'place' as const, surfaces: ['Djibo'] },
  { name: 'Burkina Faso', type: 'country' as const, surfaces: ['Burkina Faso'] },
]
const DATES = [{ surface: 'mardi 17 septembre', value: '2024-09-17', precision: 'day' as const }]

describe('one event per real event of a document', () => {
  it('gives one row for an attack told three times, with its three mentions', () => {
    const attacks = eventsOf(THRICE, PLACES, DATES).filter((e) => e.event_code === 'ASSAULT')
    expect(attacks).toHaveLength(1)
    const a = attacks[0]!
    expect(a.mentions.map((m) => m.trigger)).toEqual(['attaque', 'péri', 'attaque'])
    expect(a.mentions.map((m) => m.method)).toEqual(['pattern', 'inference', 'coreference'])
    expect(a.mentions[2]!.anaphoric).toBe(true)
    // the event keeps the date of the lead, the toll of the second sentence, and says so
    expect(a).toMatchObject({ date: '2024-09-17', date_source: 'expression', fatalities: 31 })
    expect(a.date_from).toBe(0)
    expect(a.fatalities_from).toBe(1)
    expect(a).toMatchObject({ date_min: '2024-09-17', date_max: '2024-09-17' })
    // the place is the location, never a participant
    expect(a.location_entity_id).toBe(idOf('Djibo'))
    expect(a.location_name).toBe('Djibo')
    expect(a.actor_entity_ids).not.toContain(idOf('Djibo'))
    expect(a.target_entity_ids).not.toContain(idOf('Djibo'))
  })

  it('keeps apart two attacks told on different days', () => {
    const text = `Une attaque a frappé Djibo le 17 septembre. Une autre attaque avait visé le même camp le 2 mars.`
    const dates = [
      { surface: '17 septembre', value: '2024-09-17', precision: 'day' as const },
      { surface: '2 mars', value: '2024-03-02', precision: 'day' as const },
    ]
    const attacks = eventsOf(text, PLACES, dates).filter((e) => e.event_type === 'attack')
    expect(attacks.map((e) => e.date)).toEqual(['2024-09-17', '2024-03-02'])
  })

  it('keeps apart two tolls that differ, unless the second refers back', () => {
    const two = eventsOf('Des combats ont fait 12 morts. Plus loin, 40 civils ont péri dans un massacre.')
    expect(two.filter((e) => e.event_code === 'ASSAULT')).toHaveLength(2)
    const one = eventsOf("Une attaque a fait 12 morts. Le bilan de l'attaque s'est alourdi à 20 morts.")
    const attacks = one.filter((e) => e.event_code === 'ASSAULT')
    expect(attacks).toHaveLength(1)
    expect(attacks[0]!.fatalities).toBe(20)
  })

  it("takes another source's toll, with no trigger of its own, for the same attack", () => {
    const ev = eventsOf(
      "Une attaque contre l'hôpital a fait 70 morts. Une source médicale avait auparavant fait état de 67 morts.",
    )
    const attacks = ev.filter((e) => e.event_code === 'ASSAULT')
    expect(attacks).toHaveLength(1)
    expect(attacks[0]).toMatchObject({ fatalities: 70, fatalities_from: 0 })
    expect(attacks[0]!.mentions).toHaveLength(2)
  })

  it('makes no event of a reference back to nothing told', () => {
    expect(eventsOf('Cette attaque a choqué le pays.')).toEqual([])
  })

  it('keeps apart a meeting and a phone call, and two meetings of different people', () => {
    const ents = [
      { name: 'Vladimir Poutine', type: 'person' as const, surfaces: ['Vladimir Poutine', 'Poutine'] },
      { name: 'Idriss Déby', type: 'person' as const, surfaces: ['Idriss Déby'] },
      { name: 'Ali Lamine Zeine', type: 'person' as const, surfaces: ['Ali Lamine Zeine'] },
    ]
    const text = `Idriss Déby a rencontré Vladimir Poutine. Ali Lamine Zeine avait rencontré Poutine la semaine précédente. Idriss Déby a eu un entretien téléphonique avec Poutine.`
    const ev = eventsOf(text, ents).filter((e) => e.event_code === 'CONSULT')
    // Zeine meeting Poutine shares Poutine, but its actor is nobody of the first meeting: another one
    expect(ev.map((e) => e.event_type)).toEqual(['meeting', 'meeting', 'call'])
    const again = eventsOf(`${text} La rencontre entre Idriss Déby et Poutine a duré deux heures.`, ents)
    expect(again.filter((e) => e.event_type === 'meeting').map((e) => e.mentions.length)).toEqual([2, 1])
    const apart = eventsOf(
      'Idriss Déby a rencontré des officiels. Ali Lamine Zeine a rencontré des diplomates.',
      ents,
    ).filter((e) => e.event_code === 'CONSULT')
    expect(apart).toHaveLength(2)
  })
})

const reading = (over: Partial<Reading>): Reading => ({
  event_type: 'attack',
  trigger: 'attaque',
  trigger_start: 0,
  trigger_end: 7,
  anaphoric: false,
  definite: false,
  date: null,
  date_precision: null,
  date_source: null,
  location_entity_id: null,
  actors: [],
  targets: [],
  equipment: [],
  fatalities: null,
  fatalities_qualifier: null,
  fatalities_who: null,
  quantity: null,
  quantity_qualifier: null,
  quantity_unit: null,
  quantity_what: null,
  evidence: '',
  start: 0,
  end: 10,
  method: 'pattern',
  confidence: 0.7,
  ...over,
})

describe('what ties two mentions', () => {
  const facts = (id: string) =>
    ({
      mali: { type: 'country', name: 'Mali', country_code: 'ML', latitude: null, longitude: null },
      mopti: { type: 'place', name: 'Mopti', country_code: 'ML', latitude: null, longitude: null },
      kati: { type: 'place', name: 'Kati', country_code: 'ML', latitude: null, longitude: null },
    })[id]

  it('reads dates at any precision', () => {
    expect(datesAgree('2024-03', '2024-03-05')).toBe(true)
    expect(datesAgree('2024-03-04', '2024-03-05')).toBe(false)
  })

  it('takes a place and its country as one place, two towns as two', () => {
    const g = [reading({ location_entity_id: 'mopti', start: 0 })]
    expect(agrees(g, reading({ location_entity_id: 'mali', start: 20 }), facts)).toBe(true)
    expect(agrees(g, reading({ location_entity_id: 'kati', start: 20 }), facts)).toBe(false)
  })

  it('needs something in common for events that are not violent', () => {
    const g = [reading({ event_type: 'meeting', actors: ['a'], start: 0 })]
    expect(agrees(g, reading({ event_type: 'meeting', start: 20 }), facts)).toBe(false)
    expect(agrees(g, reading({ event_type: 'meeting', start: 20, definite: true }), facts)).toBe(true)
    expect(agrees(g, reading({ event_type: 'visit', targets: ['a'], start: 20 }), facts)).toBe(true)
    expect(agrees(g, reading({ event_type: 'call', targets: ['a'], start: 20 }), facts)).toBe(false)
  })

  it('groups readings in text order, each with the latest event that agrees', () => {
    const rs = [
      reading({ date: '2024-03-05', date_source: 'expression', date_precision: 'day', start: 0 }),
      reading({ date: '2022-07-22', date_source: 'expression', date_precision: 'day', start: 20 }),
      reading({ anaphoric: true, start: 40 }),
    ]
    expect(groupReadings(rs, facts).map((g) => g.map((r) => r.start))).toEqual([[0], [20, 40]])
  })
})

describe('a long article: each reading costs what the events it may join hold, not all their readings', () => {
  // One attack told again and again, at a town and in its country (`à Kati`, `au Mali`): every reading
  // joins the one event. Comparing a reading with each earlier reading asked for the places' facts
  // about n²/2 times; comparing it with the event's distinct places asks a few times a reading.
  const told = (n: number) => {
    let asked = 0
    const facts = (id: string) => {
      asked++
      return (
        {
          mali: { type: 'country', name: 'Mali', country_code: 'ML', latitude: null, longitude: null },
          kati: { type: 'place', name: 'Kati', country_code: 'ML', latitude: null, longitude: null },
        } as const
      )[id]
    }
    const rs = Array.from({ length: n }, (_, k) =>
      reading({ location_entity_id: k % 2 ? 'mali' : 'kati', start: k * 100, end: k * 100 + 90 }),
    )
    const groups = groupReadings(rs, facts)
    return { asked, groups: groups.map((g) => g.length) }
  }

  it('asks for the facts of places ten times as often for ten times the readings', () => {
    const short = told(200)
    const long = told(2000)
    expect(short.groups).toEqual([200])
    expect(long.groups).toEqual([2000])
    expect(short.asked).toBeGreaterThan(0)
    expect(long.asked, `${short.asked} → ${long.asked}`).toBeLessThanOrEqual(short.asked * 10 + 20)
  })
})

describe('places near one another', () => {
  it('merges deaths placed at a village, then near the town the first sentence measured it from', () => {
    const BAKOU: EntitySpec = { name: 'Bakou', type: 'place', surfaces: ['Bakou'], country_code: 'AZ' }
    const SIBUT: EntitySpec = { name: 'Sibut', type: 'place', surfaces: ['Sibut'], country_code: 'CF' }
    const ev = eventsOf(
      'Trois journalistes ont été tués au village Bakou situé à 20 km de la ville de Sibut par un groupe armé. ' +
        'Le véhicule a été retrouvé vide. Selon nos informations, les journalistes russes tués près de Sibut travaillaient pour une société privée.',
      [BAKOU, SIBUT],
    )
    expect(ev.filter((e) => e.event_code === 'ASSAULT')).toHaveLength(1)
  })
})

describe('places nothing is known of', () => {
  it('lets a quarter the gazetteer does not know lie within the known town of the event', () => {
    const ALEP: EntitySpec = { name: 'Alep', type: 'place', surfaces: ['Alep'], country_code: 'SY' }
    const CHAAR: EntitySpec = { name: 'Chaar', type: 'place', surfaces: ['Chaar'] }
    const ev = eventsOf(
      'Au moins 15 civils ont été tués mercredi dans des raids du régime sur Alep. ' +
        "Le quartier de Chaar a été visé par des barils d'explosifs largués par les avions du régime.",
      [ALEP, CHAAR],
    )
    expect(ev.filter((e) => e.event_code === 'ASSAULT')).toHaveLength(1)
  })

  it('keeps two known towns of two countries apart', () => {
    const ALEP: EntitySpec = { name: 'Alep', type: 'place', surfaces: ['Alep'], country_code: 'SY' }
    const MOSSOUL: EntitySpec = { name: 'Mossoul', type: 'place', surfaces: ['Mossoul'], country_code: 'IQ' }
    const ev = eventsOf(
      'Au moins 15 civils ont été tués mercredi dans des raids sur Alep. Des frappes ont aussi visé Mossoul.',
      [ALEP, MOSSOUL],
    )
    expect(ev.filter((e) => e.event_code === 'ASSAULT')).toHaveLength(2)
  })
})

describe('a mention that refers back', () => {
  it('takes no date or place from the rest of its sentence, only from its own complement', () => {
    const text =
      "L'accord a été adopté samedi à Paris par 195 pays. « Les règles de mise en oeuvre de cet accord seront déterminées lors de la COP22 que le Maroc organisera du 7 au 18 novembre à Marrakech », a déclaré la ministre."
    const ents = [
      { name: 'Paris', type: 'place' as const, surfaces: ['Paris'], country_code: 'FR' },
      { name: 'Marrakech', type: 'place' as const, surfaces: ['Marrakech'], country_code: 'MA' },
    ]
    const dates = [
      { surface: 'samedi', value: '2015-12-12', precision: 'day' as const },
      { surface: 'du 7 au 18 novembre', value: '2016-11-18', precision: 'day' as const },
    ]
    const agreements = eventsOf(text, ents, dates).filter((e) => e.event_type === 'agreement')
    expect(agreements).toHaveLength(1)
    expect(agreements[0]).toMatchObject({ date: '2015-12-12', location_entity_id: idOf('Paris') })
    // the reference back is one of its mentions, with neither the conference's date nor its place
    expect(agreements[0]!.mentions.map((m) => [m.trigger, m.date, m.location_entity_id])).toEqual([
      ['accord', '2015-12-12', idOf('Paris')],
      ['accord', null, null],
    ])
    // its own complement still dates it
    const own = eventsOf('Une attaque a visé Djibo. Cette attaque de mardi a fait dix morts.', PLACES, [
      { surface: 'mardi', value: '2024-09-17', precision: 'day' },
    ]).filter((e) => e.event_code === 'ASSAULT')
    expect(own).toHaveLength(1)
    expect(own[0]!.date).toBe('2024-09-17')
  })
})

describe('violence told on another day', () => {
  // the article is dated by its month only: `vendredi` and `jeudi` resolve to no date
  const MONTH = { ...PUBLISHED, value: '2025-07', precision: 'month' as const, max: '2025-07-31' }
  const BARAACHIT = { name: 'Baraachit', type: 'place' as const, surfaces: ['Baraachit'], country_code: 'LB' }
  const ISRAEL = {
    name: 'Israël',
    type: 'country' as const,
    surfaces: ['israélienne', 'israéliens'],
    country_code: 'IL',
  }

  it('is another event: another day of the week, or a sentence that goes back `plus tôt`', () => {
    const text =
      "Un drone de l'armée israélienne a visé vendredi un véhicule en périphérie de Baraachit, faisant un mort. Quelques heures plus tôt, un homme a été blessé par des tirs israéliens dans un village voisin. Jeudi, l'aviation israélienne avait mené une série de bombardements contre plusieurs régions du Liban-Sud. Cette attaque de vendredi n'a pas été commentée."
    const attacks = eventsOf(text, [BARAACHIT, ISRAEL], [], MONTH).filter((e) => e.event_code === 'ASSAULT')
    expect(attacks.map((e) => e.mentions.map((m) => m.trigger))).toEqual([
      ['visé', 'attaque'],
      ['tirs'],
      ['bombardements'],
    ])
  })

  it('does not set apart mentions that name no day', () => {
    const text = "Un drone a visé vendredi un véhicule à Baraachit. L'attaque a fait un mort, selon l'armée."
    const attacks = eventsOf(text, [BARAACHIT], [], MONTH).filter((e) => e.event_code === 'ASSAULT')
    expect(attacks).toHaveLength(1)
  })
})

describe('a visit and the talks held during it', () => {
  it('are one event when the talks name a counterpart of the country visited', () => {
    const text =
      "Les autorités maliennes s'adressent à la Russie, a déclaré jeudi le ministre Abdoulaye Diop, en visite à Moscou. Lors des négociations avec son homologue russe Sergueï Lavrov, il a souligné que Moscou avait aidé Bamako."
    const ents = [
      { name: 'Abdoulaye Diop', type: 'person' as const, surfaces: ['Abdoulaye Diop'], country_code: 'ML' },
      { name: 'Sergueï Lavrov', type: 'person' as const, surfaces: ['Sergueï Lavrov'], country_code: 'RU' },
      { name: 'Russie', type: 'country' as const, surfaces: ['Russie', 'russe'], country_code: 'RU' },
      { name: 'Moscou', type: 'place' as const, surfaces: ['Moscou'], country_code: 'RU' },
      { name: 'Bamako', type: 'place' as const, surfaces: ['Bamako'], country_code: 'ML' },
    ]
    const consult = eventsOf(text, ents).filter((e) => e.event_code === 'CONSULT')
    expect(consult.map((e) => e.mentions.map((m) => m.trigger))).toEqual([['visite', 'négociations']])
  })
})
