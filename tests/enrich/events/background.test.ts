/**
 * An earlier attack recalled in passing keeps apart from the news (`qui rappelle l'attentat du 14
 * octobre, qui avait fait 358 morts`); the toll given as such (`le dernier bilan`) wins over a count of
 * some of the dead; a mention with no date or place of its own joins the article's news before an
 * event told in passing; who condemns a violence takes no part in it.
 */
import { describe, expect, it } from 'vitest'
import { type EntitySpec, eventsOf, idOf } from './fixtures.js'

const attacks = (
  text: string,
  entities: readonly EntitySpec[] = [],
  dates: Parameters<typeof eventsOf>[2] = [],
) => eventsOf(text, entities, dates).filter((e) => e.event_code === 'ASSAULT')

describe('earlier attacks and tolls', () => {
  it('keeps an attack recalled in a relative clause apart, with its own toll', () => {
    const ev = attacks(
      "L'attaque d'un hôtel de Mogadiscio par un commando s'est terminée ce dimanche 29 octobre. Le dernier bilan fait état de 29 morts. " +
        "Il s'agit d'un mode opératoire fréquemment utilisé par les shebabs et qui rappelle l'attentat du 14 octobre dernier, qui avait fait 358 morts.",
      [],
      [
        { surface: 'dimanche 29 octobre', value: '2017-10-29', precision: 'day' },
        { surface: '14 octobre dernier', value: '2017-10-14', precision: 'day' },
      ],
    )
    const tolls = ev.map((e) => e.fatalities).sort((a, b) => (a ?? 0) - (b ?? 0))
    expect(tolls).toEqual([29, 358])
  })

  it('prefers the toll given as such to the count of some of the dead', () => {
    const ev = attacks(
      'Des assaillants ont attaqué un hôtel samedi. Le dernier bilan fait état de 29 morts, selon Reuters. ' +
        'Du côté des assaillants, deux combattants sont morts en déclenchant leur ceinture.',
    )
    expect(ev).toHaveLength(1)
    expect(ev[0]!.fatalities).toBe(29)
  })

  it('gives a count with no date or place to the news, not to an attack told in passing', () => {
    const MORA: EntitySpec = { name: 'Mora', type: 'place', surfaces: ['Mora'], country_code: 'CM' }
    const KOLOFATA: EntitySpec = {
      name: 'Kolofata',
      type: 'place',
      surfaces: ['Kolofata'],
      country_code: 'CM',
    }
    const ev = attacks(
      'Un double attentat-suicide a frappé dimanche le nord du Cameroun, tuant trois personnes à Mora. ' +
        'La ville abrite une force régionale. Boko Haram reste actif dans la région. ' +
        'Au moins sept personnes ont été tuées le 13 septembre à Kolofata. ' +
        '“Le bilan est de 5 morts, dont les deux kamikazes”, a indiqué une source sécuritaire.',
      [MORA, KOLOFATA],
      [{ surface: '13 septembre', value: '2015-09-13', precision: 'day' }],
    )
    const kolofata = ev.find((e) => e.location_entity_id === idOf('Kolofata'))!
    expect(kolofata.fatalities).toBe(7)
    expect(ev.find((e) => e.location_entity_id === idOf('Mora'))!.mentions.length).toBeGreaterThan(1)
  })

  it('leaves who condemns a violence out of it, even a habit of condemning', () => {
    const ONU: EntitySpec = { name: 'ONU', type: 'organization', surfaces: ['ONU'] }
    const ev = attacks(
      "L'ONU a dénoncé maintes fois le recours du régime aux barils d'explosifs, une arme particulièrement destructrice qui tue sans distinction.",
      [ONU],
    )
    for (const e of ev) expect(e.actor_entity_ids).not.toContain(idOf('ONU'))
  })
})
