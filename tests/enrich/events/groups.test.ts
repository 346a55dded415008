/** Participants the text does not name: `des hommes armés`, `les manifestants`, `soldats maliens`. */
import { describe, expect, it } from 'vitest'
import { extractEvents } from '../../../pipeline/enrich/events/index.js'
import { type EntitySpec, eventsOf, idOf, inputOf, soFarOf } from './fixtures.js'

const MALI: EntitySpec = { name: 'Mali', type: 'country', surfaces: ['maliens'], country_code: 'ML' }

const names = (text: string, ids: readonly string[], entities: readonly EntitySpec[] = []) => {
  const out = extractEvents(inputOf(text), soFarOf(text, entities))
  const byId = new Map((out.entities ?? []).map((e) => [e.entity_id, e]))
  return ids.map((id) => byId.get(id)?.name ?? id)
}

describe('unnamed participants', () => {
  it('makes armed men the actors of an attack and soldiers with their nationality its targets', () => {
    const text = 'Des hommes armés ont attaqué un convoi de soldats maliens près de la frontière.'
    const ev = eventsOf(text, [MALI])
    const a = ev.find((e) => e.event_type === 'attack')!
    expect(names(text, a.actor_entity_ids, [MALI])).toEqual(['hommes armés'])
    // the convoy struck, and the soldiers in it with their country
    expect(names(text, a.target_entity_ids, [MALI])).toEqual(['convoi', 'soldats maliens', idOf('Mali')])
    const out = extractEvents(inputOf(text), soFarOf(text, [MALI]))
    const soldiers = out.entities!.find((e) => e.name === 'soldats maliens')!
    expect(soldiers).toMatchObject({ type: 'group', country_code: 'ML', source: 'inferred' })
    // each group kept has its mention, spans in UTF-16 of the text
    const m = out.mentions!.find((x) => x.entity_id === soldiers.entity_id)!
    expect(text.slice(m.start, m.end)).toBe('soldats maliens')
  })

  it('reads forces with a nationality adjective as a group of that country, bare forces as none', () => {
    const US: EntitySpec = {
      name: 'États-Unis',
      type: 'country',
      surfaces: ['américaines'],
      country_code: 'US',
    }
    const text = 'Le gouvernement a exigé le départ des forces américaines.'
    const out = extractEvents(inputOf(text), soFarOf(text, [US]))
    const forces = out.entities!.find((e) => e.name === 'forces américaines')!
    expect(forces).toMatchObject({ type: 'group', country_code: 'US' })
    const request = out.events!.find((e) => e.event_type === 'request')!
    expect(request.target_entity_ids).toContain(forces.entity_id)
    const bare = 'Le gouvernement a exigé le départ des forces.'
    const none = extractEvents(inputOf(bare), soFarOf(bare, []))
    expect((none.entities ?? []).some((e) => e.name === 'forces')).toBe(false)
  })

  it('reads a group after a determiner and a premodifier, not a noun used as an adjective', () => {
    const text = 'Les attaques ont été perpétrées par des présumés séparatistes.'
    const a = eventsOf(text).find((e) => e.event_type === 'attack')!
    expect(names(text, a.actor_entity_ids)).toEqual(['séparatistes'])
    const adjective = "L'attaque terroriste contre l'école de gendarmerie a été revendiquée."
    const b = eventsOf(adjective).find((e) => e.event_type === 'attack')!
    expect(b.actor_entity_ids).toEqual([])
  })

  it('never makes civilians the authors of a violent event', () => {
    const text = 'Au moins 31 civils ont péri dans l’attaque.'
    const a = eventsOf(text).find((e) => e.event_type === 'attack')!
    expect(a.actor_entity_ids).toEqual([])
    expect(names(text, a.target_entity_ids)).toEqual(['civils'])
  })

  it('lets a named participant take the role before a group', () => {
    const JNIM: EntitySpec = { name: 'JNIM', type: 'organization', surfaces: ['JNIM'] }
    const text = 'Le JNIM et des combattants ont attaqué la ville.'
    const a = eventsOf(text, [JNIM]).find((e) => e.event_type === 'attack')!
    expect(a.actor_entity_ids).toEqual([idOf('JNIM')])
  })

  it('keeps no group that takes part in no event', () => {
    const text = 'Les habitants du quartier vivent dans la peur.'
    const out = extractEvents(inputOf(text), soFarOf(text, []))
    expect(out.entities ?? []).toEqual([])
    expect(out.mentions ?? []).toEqual([])
  })
})

describe('facilities', () => {
  it('makes the hospital a drone strikes the target of the attack', () => {
    const text = 'Une frappe de drone contre un hôpital a fait 70 morts samedi.'
    const a = eventsOf(text).find((e) => e.event_type === 'attack')!
    expect(names(text, a.target_entity_ids)).toEqual(['hôpital'])
    expect(a.actor_entity_ids).toEqual([])
  })

  it('keeps a hospital out of events that are not violent', () => {
    const text = "L'hôpital saoudien fournit des médicaments aux blessés."
    const d = eventsOf(text).find((e) => e.event_type === 'delivery')!
    expect([...d.actor_entity_ids, ...d.target_entity_ids]).toEqual([])
  })
})

describe('hosts', () => {
  it('makes the country of the place of an agreement its other side', () => {
    const MOSCOU: EntitySpec = { name: 'Moscou', type: 'place', surfaces: ['Moscou'], country_code: 'RU' }
    const RUSSIE: EntitySpec = { name: 'Russie', type: 'country', surfaces: ['Russie'], country_code: 'RU' }
    const NIGER: EntitySpec = { name: 'Niger', type: 'country', surfaces: ['nigérien'], country_code: 'NE' }
    const text = 'Le Premier ministre nigérien a signé un accord militaire à Moscou. La Russie salue.'
    const a = eventsOf(text, [MOSCOU, RUSSIE, NIGER]).find((e) => e.event_type === 'agreement')!
    expect(a.location_entity_id).toBe(idOf('Moscou'))
    expect(a.target_entity_ids).toContain(idOf('Russie'))
  })
})

describe('peoples named by a plural', () => {
  it('makes `les Européens` the ones an appeal is addressed to', () => {
    const ZELENSKY: EntitySpec = { name: 'Volodymyr Zelensky', type: 'person', surfaces: ['Zelensky'] }
    const text = 'Zelensky exhorte les Européens à agir.'
    const r = eventsOf(text, [ZELENSKY]).find((e) => e.event_type === 'request')!
    expect(r.actor_entity_ids).toEqual([idOf('Volodymyr Zelensky')])
    expect(names(text, r.target_entity_ids, [ZELENSKY])).toEqual(['Européens'])
  })
})
