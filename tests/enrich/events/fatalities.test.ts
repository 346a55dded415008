import { describe, expect, it } from 'vitest'
import { findFatalities } from '../../../pipeline/enrich/events/fatalities.js'
import { tokenize } from '../../../pipeline/enrich/events/tokens.js'
import { eventsOf, ofType } from './fixtures.js'

const tolls = (text: string) =>
  findFatalities(tokenize(text)).map((s) => ({ count: s.count, qualifier: s.qualifier, who: s.who }))

describe('findFatalities', () => {
  it.each([
    ["Après l'attaque dans laquelle 31 civils ont péri au Mali.", 31, 'exact', 'civils'],
    ['Au moins 20 personnes tuées dimanche dans le nord.', 20, 'at_least', 'personnes'],
    ["L'embuscade a fait une cinquantaine de morts.", 50, 'approximate', null],
    ['Les assaillants ont ouvert le feu, tuant 12 soldats.', 12, 'exact', 'soldats'],
    ['Douze soldats maliens ont été tués lors de l’attaque.', 12, 'exact', 'soldats'],
    ['Plus de 40 villageois ont trouvé la mort.', 40, 'more_than', 'villageois'],
    ['Le bilan est de 9 morts.', 9, 'exact', null],
    ["L'attentat a coûté la vie à 7 civils.", 7, 'exact', 'civils'],
    ['Trois gendarmes sont morts dans l’explosion.', 3, 'exact', 'gendarmes'],
    ['Un soldat a été tué et deux autres blessés.', 1, 'exact', 'soldat'],
    ['31 civils, dont des femmes et des enfants, ont péri.', 31, 'exact', 'civils'],
    ['Près de 60 personnes auraient été tuées.', 60, 'approximate', 'personnes'],
    ['Le raid a tué au moins 15 djihadistes.', 15, 'at_least', 'djihadistes'],
    ['2.500 personnes ont perdu la vie en dix ans.', 2500, 'exact', 'personnes'],
    ['Quatre casques bleus de la mission onusienne ont été tués.', 4, 'exact', 'casques'],
    ['Deux soldats, a-t-on appris, ont été tués le 11 septembre.', 2, 'exact', 'soldats'],
    ['Deux autres civils, un homme et sa femme ont été tués à Kazaroho.', 2, 'exact', 'civils'],
  ])('%s → %d', (text, count, qualifier, who) => {
    expect(tolls(text)).toEqual([{ count, qualifier, who }])
  })

  it('reads groups of victims qualified by a complement', () => {
    expect(
      tolls(
        'Au moins 47 soldats maliens et 84 combattants du groupe paramilitaire russe Wagner ont été tués entre le 25 et le 27 juillet.',
      ),
    ).toEqual([{ count: 131, qualifier: 'at_least', who: 'soldats et combattants' }])
  })

  it('does not read a number of people qualified by a complement without a word of death', () => {
    expect(tolls('Quelque 1 000 soldats de la force française Barkhane ont quitté le pays.')).toEqual([])
  })

  it('adds conjoined groups of victims', () => {
    expect(tolls('12 soldats et 3 civils ont été tués.')).toEqual([
      { count: 15, qualifier: 'exact', who: 'soldats et civils' },
    ])
    expect(tolls('tuant 4 militaires et 2 civils')).toEqual([
      { count: 6, qualifier: 'exact', who: 'militaires et civils' },
    ])
  })

  it('makes a group without a number a lower bound', () => {
    expect(tolls('5 soldats et des civils ont été tués.')).toEqual([
      { count: 5, qualifier: 'at_least', who: 'soldats et civils' },
    ])
  })

  it('keeps an indefinite toll without a count', () => {
    expect(tolls('Les combats ont fait des dizaines de morts.')).toEqual([
      { count: null, qualifier: 'indefinite', who: null },
    ])
  })

  it.each([
    "l'objectif de maintenir entre 2.500 et 3.000 hommes au Sahel, sur les 5.100 impliqués dans l'opération",
    "L'attaque a fait 20 blessés.",
    '31 civils ont été blessés.',
    'Le 30 septembre, 4 hélicoptères ont été livrés.',
    'Les 400 soldats tués en 2019 ont été honorés en 2021.'.replace('400 soldats tués', 'soldats tués'),
    'Aucun mort n’est à déplorer.',
    'Des pertes humaines et matérielles importantes.',
    'La mort de 3 otages a été annoncée.'
      .replace('3 otages', 'trois otages')
      .replace('La mort de', 'Le sort de'),
  ])('no toll in: %s', (text) => expect(tolls(text)).toEqual([]))
})

describe('a toll named as a subject (shape D)', () => {
  it.each([
    [
      "Le nombre de morts suite à l'attaque d'un gang criminel dans la localité de Pont-Sondé en Haïti, le 3 octobre dernier, a atteint 115.",
      115,
      'exact',
    ],
    [
      "D'après le ministère, un nouveau décès enregistré ce week-end porte à 16 le nombre de personnes tuées.",
      16,
      'exact',
    ],
    ['Le bilan des morts s’élève désormais à au moins 27 dans la province.', 27, 'at_least'],
    ['Ce nombre de tués est passé à 40 selon la Croix-Rouge.', 40, 'exact'],
    ['Le nombre de morts est passé de 10 à 20 en une nuit.', 20, 'exact'],
  ])('%s → %d', (text, count, qualifier) => {
    expect(tolls(text)).toEqual([{ count, qualifier, who: null }])
  })

  it.each([
    'Le nombre de blessés a atteint 40 selon l’hôpital.',
    'Le bilan de la réunion est de 3 accords signés.',
    'Le nombre de morts a atteint des sommets inquiétants dans la région.',
    'Le nombre de morts reste inconnu. Le chiffre de 12 circule sur les réseaux.',
    'Le nombre de morts est inconnu à ce stade.',
  ])('reads no toll in: %s', (text) => {
    expect(tolls(text)).toEqual([])
  })
})

describe('fatalities on events', () => {
  it('puts the toll on the attack of the sentence, not on the other events', () => {
    const ev = eventsOf(
      "Après l'attaque terroriste dans laquelle 31 civils ont péri au Mali, Moscou a présenté ses condoléances à Bamako tout en lui annonçant son soutien.",
    )
    expect(ofType(ev, 'attack')?.fatalities).toBe(31)
    expect(ofType(ev, 'attack')?.fatalities_who).toBe('civils')
    expect(ofType(ev, 'attack')?.fatalities_qualifier).toBe('exact')
    expect(ofType(ev, 'support')?.fatalities).toBeNull()
    expect(ev.filter((e) => e.fatalities !== null)).toHaveLength(1)
  })

  it('gives fights their toll', () => {
    const ev = eventsOf('De violents affrontements ont fait au moins 20 morts samedi près de Ménaka.')
    expect(ofType(ev, 'fight')).toMatchObject({ fatalities: 20, fatalities_qualifier: 'at_least' })
  })

  it('infers an attack from a toll without a trigger word', () => {
    const ev = eventsOf('Au moins 14 civils ont péri dimanche dans le centre du pays.')
    expect(ev).toHaveLength(1)
    expect(ev[0]).toMatchObject({
      event_type: 'attack',
      fatalities: 14,
      method: 'inference',
      trigger: 'péri',
    })
    expect(ev[0]!.confidence).toBeLessThan(0.7)
  })

  it('infers no attack from deaths by a non-violent cause', () => {
    expect(eventsOf('Au moins 14 passagers ont péri dans le naufrage de la pirogue.')).toEqual([])
  })

  it('never turns troop numbers into fatalities', () => {
    const ev = eventsOf(
      "En juin, Emmanuel Macron a annoncé une transformation de la présence militaire française au Mali, avec l'objectif de maintenir entre 2.500 et 3.000 hommes au Sahel, sur les 5.100 impliqués aujourd'hui dans l'opération Barkhane.",
    )
    expect(ev.every((e) => e.fatalities === null)).toBe(true)
  })
})

describe('tolls of no event, or of another', () => {
  it('keeps a toll summing a whole conflict as the conflict’s, apart from any event', () => {
    const ev = eventsOf(
      'Selon des ONG, le conflit anglophone a déjà causé plus de 3500 morts dont 1000 soldats.',
    )
    expect(ev.filter((e) => e.event_code !== null)).toEqual([])
    expect(ev.map((e) => [e.event_type, e.fatalities])).toEqual([['conflict_toll', 3500]])
  })

  it('leaves the toll of a second attack told in passing off the first', () => {
    const ev = eventsOf(
      'Au moins sept personnes ont été tuées le 13 septembre à Kolofata, également frappée le 3 septembre par un double attentat ayant fait de 20 à 40 morts.',
    )
    expect(ev.find((e) => e.event_type === 'attack')!.fatalities).toBe(7)
  })

  it('keeps a toll whose death word is a trigger itself', () => {
    const ev = eventsOf(
      'Un double attentat-suicide a frappé dimanche le nord du pays, tuant trois personnes.',
    )
    expect(ev.find((e) => e.event_type === 'attack')!.fatalities).toBe(3)
  })
})

describe('another source’s count', () => {
  it('joins the event it counts again, and leaves the toll the text states itself', () => {
    const ev = eventsOf(
      'Trois personnes ont été tuées dans une frappe aérienne contre le domicile. La télévision des Houthis a rapporté que 12 personnes ont été tuées.',
    )
    const attacks = ev.filter((e) => e.event_type === 'attack')
    expect(attacks).toHaveLength(1)
    expect(attacks[0]!.fatalities).toBe(3)
    expect(attacks[0]!.mentions).toHaveLength(2)
  })
})
