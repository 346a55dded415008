import { describe, expect, it } from 'vitest'
import { links, run } from './helpers.js'

describe('coreference within a document', () => {
  it('links a common surname only after the full name', () => {
    expect(links('Abdoulaye Diop est arrivé. M. Diop a ensuite rencontré la presse.')).toEqual([
      'Abdoulaye Diop → Abdoulaye Diop (gazetteer)',
      'Diop → Abdoulaye Diop (coreference)',
    ])
    // Without the full name, `Diop` could be anyone: no gazetteer link.
    const alone = run('M. Diop a rencontré la presse.').entities
    expect(alone.map((e) => [e.name, e.source])).toEqual([['Diop', 'inferred']])
  })

  it('links a unique surname everywhere, even first', () => {
    expect(links('Lavrov à Bamako : Sergueï Lavrov promet son soutien.')).toEqual([
      'Lavrov → Sergueï Lavrov (gazetteer)',
      'Bamako → Bamako (gazetteer)',
      'Sergueï Lavrov → Sergueï Lavrov (gazetteer)',
    ])
  })

  it('links a role phrase to the one person of the document holding it', () => {
    const text =
      'Sergueï Lavrov a reçu Abdoulaye Diop. Le chef de la diplomatie russe a salué « un partenaire fiable », ' +
      'et le ministre malien des Affaires étrangères a remercié Moscou.'
    const l = links(text)
    expect(l).toContain('chef de la diplomatie russe → Sergueï Lavrov (coreference)')
    expect(l).toContain('ministre malien des Affaires étrangères → Abdoulaye Diop (coreference)')
  })

  it('leaves a role phrase unlinked when nobody in the document holds it', () => {
    const l = links('Le chef de la diplomatie russe a appelé son homologue.')
    expect(l).toEqual(['russe → Russie (gazetteer)'])
  })

  it('does not merge two people sharing a surname', () => {
    const text = 'Choguel Kokalla Maïga et Abdoulaye Maïga étaient présents. Maïga a pris la parole.'
    const r = run(text)
    const maiga = r.mentions.filter((m) => m.surface === 'Maïga')
    expect(maiga).toEqual([])
    expect(r.entities.filter((e) => e.type === 'person')).toHaveLength(2)
  })
})
