import { describe, expect, it } from 'vitest'
import { tokenize } from '../../../pipeline/enrich/entities/normalize.js'
import { inParentheses, spells } from '../../../pipeline/enrich/entities/organizations-open.js'
import { seedNames, seedText } from '../../helpers.js'
import { links, names } from './helpers.js'

describe('organisations outside the curated list', () => {
  it('are named by a capitalised head and its complements, up to the verb', () => {
    expect(
      names(
        'Le scrutin a été validé par la Cour constitutionnelle, qui a rejeté les recours.',
        'organization',
      ),
    ).toEqual(['Cour constitutionnelle'])
    expect(names('selon l’Autorité nationale des élections qui dispose d’un réseau', 'organization')).toEqual(
      ['Autorité nationale des élections'],
    )
    expect(
      names('le Bloc républicain pour la défense de la Constitution a appelé au boycott', 'organization'),
    ).toEqual(['Bloc républicain pour la défense de la Constitution'])
  })

  it('link an acronym to the long name it abbreviates, defined or not', () => {
    expect(
      links(
        'Selon l’ONG Convention pour le respect des droits de l’homme (CRDH), la CRDH réitère son appel.',
      ),
    ).toEqual([
      'Convention pour le respect des droits de l’homme → Convention pour le respect des droits de l’homme (pattern)',
      'CRDH → Convention pour le respect des droits de l’homme (pattern)',
      'CRDH → Convention pour le respect des droits de l’homme (pattern)',
    ])
    expect(names('un blindé de la Police nationale d’Haïti. La PNH a riposté.', 'organization')).toEqual([
      'Police nationale d’Haïti',
    ])
    expect(
      spells('RJDH', ['reseau', 'des', 'journalistes', 'pour', 'les', 'droits', 'de', 'l', 'homme']),
    ).toBe(true)
    expect(
      spells('FARDC', ['forces', 'armees', 'de', 'la', 'republique', 'democratique', 'du', 'congo']),
    ).toBe(true)
    expect(spells('UPDF', ['forces', 'de', 'defense', 'du', 'peuple', 'ougandais'])).toBe(false)
  })

  it('take bare acronyms, but not common abbreviations, numerals or words of a heading', () => {
    expect(names('Les combattants du BIR ont riposté.', 'organization')).toEqual(['BIR'])
    expect(names('Le PIB a reculé, selon une ONG. Louis XIV et la COP21.', 'organization')).toEqual([])
    expect(names('LIRE AUSSI\nAFP PHOTO / JOHN WESSELS\nLe texte.', 'organization')).not.toContain('WESSELS')
  })

  it('name the army of any country once, as the gazetteer names it when it lists it', () => {
    expect(names('L’armée togolaise et les forces armées togolaises.', 'organization')).toEqual([
      'Armée togolaise',
    ])
    expect(names('des soldats de l’armée malienne', 'organization')).toEqual(['Forces armées maliennes'])
    expect(names('une frappe de l’armée israélienne', 'organization')).toEqual(['Armée israélienne'])
  })

  it('name facilities run as bodies, not the town’s hospital', () => {
    expect(names('transportés à l’hôpital Bernard Mevs', 'organization')).toEqual(['Hôpital Bernard Mevs'])
    expect(names('transportés à l’hôpital de Gao', 'organization')).toEqual([])
  })

  it('give a ministry without its country the country the article is about', () => {
    expect(
      names(
        'Au Sénégal, le ministère de l’Intérieur a annoncé 16 morts. Le Sénégal est en deuil.',
        'organization',
      ),
    ).toEqual(["Ministère sénégalais de l'Intérieur"])
  })
})

describe('a token in parentheses (an acronym defined after its long name)', () => {
  /** The test as first written, on the slices around the token. */
  const bySlices = (text: string, from: number, start: number, end: number): boolean =>
    /\(\s*$/.test(text.slice(from, start)) && /^\s*\)/.test(text.slice(end, end + 3))

  it('reads the parentheses around the token, spaces allowed inside', () => {
    const at = (text: string, word: string) => {
      const tokens = tokenize(text)
      const i = tokens.findIndex((t) => t.raw === word)
      return inParentheses(text, tokens[i - 1]!.end, tokens[i]!.start, tokens[i]!.end)
    }
    expect(at('la Mission des Nations unies (MINUSMA) au Mali', 'MINUSMA')).toBe(true)
    expect(at('la Mission des Nations unies ( MINUSMA\u00a0) au Mali', 'MINUSMA')).toBe(true)
    expect(at('la Mission des Nations unies (MINUSMA, ex-MISMA)', 'MINUSMA')).toBe(false)
    expect(at('les Nations unies (la MINUSMA) au Mali', 'MINUSMA')).toBe(false)
    expect(at('les Nations unies (MINUSMA', 'MINUSMA')).toBe(false)
  })

  it('agrees with the slices test at every token of the seed articles', () => {
    let inside = 0
    for (const name of seedNames()) {
      const text = seedText(name)
      const tokens = tokenize(text)
      for (let i = 1; i < tokens.length; i++) {
        const [p, t] = [tokens[i - 1]!, tokens[i]!]
        const got = inParentheses(text, p.end, t.start, t.end)
        expect(got, `${name} at ${t.start}`).toBe(bySlices(text, p.end, t.start, t.end))
        if (got) inside++
      }
    }
    expect(inside).toBeGreaterThan(1)
  })
})
