import { describe, expect, it } from 'vitest'
import { links, names, run } from './helpers.js'

describe('names absent from the gazetteer', () => {
  it('are persons after a title, with source `inferred` and a lower confidence', () => {
    const text =
      'Le colonel Souleymane Dembélé a confirmé l’attaque, selon le maire de la commune, Hamadoun Guindo.'
    const r = run(text)
    const people = r.entities.filter((e) => e.type === 'person')
    expect(people.map((e) => [e.name, e.source])).toEqual(
      expect.arrayContaining([
        ['Souleymane Dembélé', 'inferred'],
        ['Hamadoun Guindo', 'inferred'],
      ]),
    )
    expect(people).toHaveLength(2)
    for (const m of r.mentions) expect(m.confidence).toBeLessThan(0.8)
  })

  it('are persons after an apposition with a country adjective and a portfolio', () => {
    const text =
      'Il a reçu son homologue sénégalais Yassine Fall, puis le ministre nigérien de la Défense, Salifou Mody.'
    expect(names(text, 'person')).toEqual(['Salifou Mody', 'Yassine Fall'])
  })

  it('are persons after M. or Mme, even a single surname', () => {
    expect(names('Selon M. Sangaré, la situation est calme.', 'person')).toEqual(['Sangaré'])
    expect(names('Mme Oumou Sall Seck a démissionné.', 'person')).toEqual(['Oumou Sall Seck'])
  })

  it('keep name particles inside the name', () => {
    expect(names('Le chef rebelle Mohamed Ould Mataly a été arrêté.', 'person')).toEqual([
      'Mohamed Ould Mataly',
    ])
    expect(names('Le député Ahmed ag Assarid a dénoncé la mesure.', 'person')).toEqual(['Ahmed ag Assarid'])
  })

  it('are never sentence-initial words or capitalised common nouns', () => {
    const text =
      'Dans la matinée, Selon les autorités, la Confédération a réagi. Le Président a parlé. Cette Décision surprend.'
    expect(run(text).entities).toEqual([])
  })

  it('skip facilities named after people', () => {
    const text =
      'L’avion a atterri à l’aéroport international Président Modibo Keita-Sénou, puis au stade Mamadou Konaté.'
    expect(names(text, 'person')).toEqual([])
  })

  it('are organisations when an apposition says so', () => {
    expect(names('Selon Wamaps, un média local, le pont a été détruit.', 'organization')).toEqual(['Wamaps'])
  })

  it('are organisations when their first word says so, whatever follows', () => {
    const text = 'Jean-Pierre Dupont, chercheur à l’Institut Clingendael, juge ce tournant prévisible.'
    expect(names(text, 'person')).toEqual(['Jean-Pierre Dupont'])
    expect(names(text, 'organization')).toEqual(['Institut Clingendael'])
  })

  it('are persons before a role apposition, but not before a verb', () => {
    expect(names('Amadou Abdramane, porte-parole de la junte, a lu le texte.', 'person')).toEqual([
      'Amadou Abdramane',
    ])
    expect(names('Kalanga Wuthi, juge la mesure injuste.', 'person')).toEqual([])
  })

  it('fold a later short form into the full name', () => {
    const text =
      'Le capitaine Mamadou Sidibé dirige l’unité. M. Sidibé a refusé tout commentaire. Sidibé est formel.'
    expect(links(text)).toEqual([
      'Mamadou Sidibé → Mamadou Sidibé (inference)',
      'Sidibé → Mamadou Sidibé (coreference)',
      'Sidibé → Mamadou Sidibé (coreference)',
    ])
  })
})
