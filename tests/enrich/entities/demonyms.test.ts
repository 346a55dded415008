import { describe, expect, it } from 'vitest'
import { countryCodes, links } from './helpers.js'

describe('country adjectives and demonyms', () => {
  it('count every inflection as a mention of the country', () => {
    const text =
      'Des instructeurs russes, une unité malienne, des soldats ukrainiens, la diplomatie française, ' +
      'un officier burkinabè et des autorités nigériennes.'
    expect(countryCodes(text)).toEqual(['BF', 'FR', 'ML', 'NE', 'RU', 'UA'])
  })

  it('inflect -ain with one n: américaines, marocaine, centrafricaines', () => {
    const text = 'Le départ des forces américaines, la diplomatie marocaine et les autorités centrafricaines.'
    expect(countryCodes(text)).toEqual(['CF', 'MA', 'US'])
    expect(links('les forces américaines')).toContain('américaines → États-Unis (gazetteer)')
  })

  it('keep nigérien (Niger) and nigérian (Nigeria) apart', () => {
    expect(countryCodes('Un responsable nigérien a rencontré un diplomate nigérian.')).toEqual(['NE', 'NG'])
  })

  it('read compounds: russo-malien, franco-algérienne', () => {
    expect(countryCodes('Le partenariat russo-malien et la crise franco-algérienne.')).toEqual([
      'DZ',
      'FR',
      'ML',
      'RU',
    ])
    expect(links('le conflit russo-ukrainien')).toEqual([
      'russo → Russie (gazetteer)',
      'ukrainien → Ukraine (gazetteer)',
    ])
  })

  it('do not take a combining prefix alone, nor a continental adjective for a country', () => {
    expect(countryCodes('Le russo est un mot inventé.')).toEqual([])
    expect(countryCodes('Les pays latino-américains et nord-américains.')).toEqual([])
  })

  it('map country names and their formal variants to one ISO code', () => {
    expect(
      countryCodes('La Fédération de Russie, les Etats-Unis, la RDC, la Côte d’Ivoire et la Centrafrique.'),
    ).toEqual(['CD', 'CF', 'CI', 'RU', 'US'])
  })
})
