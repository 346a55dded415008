import { describe, expect, it } from 'vitest'
import { names, run } from './helpers.js'

const place = (text: string, name: string) =>
  run(text).entities.find((e) => e.type === 'place' && e.name === name)

describe('places outside the curated list', () => {
  it('takes any capitalised name after a place noun or a locative preposition', () => {
    const text =
      'Huit personnes ont été tuées dans les localités de Masongo, Apamayaya, Apakolu dans la chefferie de Walese Vonkutu au sud du territoire d’Irumu.'
    expect(names(text, 'place')).toEqual(['Apakolu', 'Apamayaya', 'Irumu', 'Masongo', 'Walese Vonkutu'])
    expect(
      names('L’attaque a été enregistrée à Blamonga dans le canton de Koundjoaré et à Kpemboli.', 'place'),
    ).toEqual(['Blamonga', 'Koundjoaré', 'Kpemboli'])
    expect(names('leurs opérations à Madina vers la colline Butani où l’ennemi', 'place')).toContain('Butani')
  })

  it('keeps Arabic and Portuguese particles inside the name', () => {
    expect(names('une attaque contre la police à Mocímboa da Praia, selon la police', 'place')).not.toContain(
      'Mocímboa',
    )
    expect(names('Un hôpital à Deir al-Balah (centre) a été touché.', 'place')).toEqual(['Deir al-Balah'])
  })

  it('finds GeoNames towns and regions without a frame when large or in a country of the article', () => {
    expect(
      names('Au Cameroun, des soldats ont été tués près de la frontière, entre Kumbo et Nkambe.', 'place'),
    ).toContain('Kumbo')
    const alep = place(
      'Les raids ont repris sur les quartiers rebelles, selon des habitants d’Alep et des ONG.',
      'Alep',
    )
    expect(alep?.country_code).toBe('SY')
    expect(alep?.geonames_id).toBe(170063)
    const ituri = place('Le porte-parole de l’armée en Ituri rassure.', 'Ituri')
    expect(ituri?.country_code).toBe('CD')
    expect(
      names('Au Cameroun, dans la région du Nord-Ouest, et dans l’Extrême-Nord du Cameroun.', 'place'),
    ).toEqual(['Extrême-Nord', 'Nord-Ouest'])
  })

  it('does not make towns of common words, first names, sentence-initial capitals, people or sources', () => {
    expect(names('Culture. Orange a publié ses résultats. Le texte est en Sports.', 'place')).toEqual([])
    expect(names('« Nous avons été attaqués », a déclaré à Reuters un responsable.', 'place')).toEqual([])
    expect(names('Il a rendu visite à Babagana Zulum, le gouverneur.', 'place')).toEqual([])
    expect(names('le président Saliou Ndong a parlé à Jeune Afrique.', 'place')).toEqual([])
  })

  it('never becomes a person: a region named after a title-like apposition stays a place', () => {
    expect(
      names('Le porte-parole de l’armée en Ituri, le lieutenant Jules Ngongo, rassure.', 'person'),
    ).not.toContain('Ituri')
  })
})

describe('a village that bears a city’s name', () => {
  it('is an unlisted place of its own, not the city (no country, no coordinates, its own id)', () => {
    const text =
      'Les trois journalistes ont été tués au village Bakou situé à 20 km de la ville Sibut. Le président s’est rendu à Bakou, la capitale azerbaïdjanaise.'
    const villages = run(text).entities.filter((e) => e.type === 'place' && e.name.startsWith('Bakou'))
    const village = villages.find((e) => e.name === 'Bakou (village)')
    const city = villages.find((e) => e.name === 'Bakou')
    expect(village).toMatchObject({ source: 'inferred', country_code: null, latitude: null })
    expect(city).toMatchObject({ source: 'gazetteer', country_code: 'AZ' })
    expect(village!.entity_id).not.toBe(city!.entity_id)
    // after `la localité de` too
    expect(
      names('Des tirs ont été entendus dans la localité de Bamako, au sud de Sibut.', 'place'),
    ).toContain('Bamako (localité)')
  })
})
