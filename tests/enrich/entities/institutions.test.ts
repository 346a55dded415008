import { describe, expect, it } from 'vitest'
import { links, run } from './helpers.js'

describe('ministries', () => {
  it('name a ministry from adjective + portfolio, whatever the order and case', () => {
    const forms = [
      'a déclaré le ministère russe des Affaires étrangères.',
      'selon le ministère des affaires étrangères de la Russie.',
      'Le Ministère des Affaires étrangères russe a réagi.',
    ]
    for (const text of forms) {
      const orgs = run(text).entities.filter((e) => e.type === 'organization')
      expect(orgs.map((e) => [e.name, e.country_code])).toEqual([
        ['Ministère russe des Affaires étrangères', 'RU'],
      ])
    }
  })

  it('handles other portfolios and countries, with the right article', () => {
    const text =
      'Le ministère malien de la Défense et le ministère de l’Intérieur du Niger ont publié un bilan, ' +
      'que le ministère français des Armées a commenté.'
    const orgs = run(text)
      .entities.filter((e) => e.type === 'organization')
      .map((e) => e.name)
      .sort()
    expect(orgs).toEqual([
      'Ministère français des Armées',
      'Ministère malien de la Défense',
      "Ministère nigérien de l'Intérieur",
    ])
  })

  it('gives one id to every spelling of the same ministry', () => {
    const a = run('le ministère malien des affaires étrangères').entities
    const b = run('le ministère des Affaires étrangères du Mali').entities
    const id = (xs: typeof a) => xs.find((e) => e.type === 'organization')?.entity_id
    expect(id(a)).toBeDefined()
    expect(id(a)).toBe(id(b))
  })

  it('links a later bare `le ministère` to the only ministry of the document', () => {
    const text =
      'Le ministère burkinabè de la Sécurité a confirmé l’attaque. Le ministère a ajouté que les renforts étaient arrivés.'
    expect(links(text).filter((l) => l.startsWith('ministère '))).toEqual([
      'ministère burkinabè de la Sécurité → Ministère burkinabè de la Sécurité (pattern)',
      'ministère → Ministère burkinabè de la Sécurité (coreference)',
    ])
  })

  it('does not invent a ministry without a country, nor from the minister (a person)', () => {
    expect(run('Le ministère des Finances a publié son budget.').entities).toEqual([])
    const orgs = run('Le ministre malien des Affaires étrangères est arrivé.').entities.filter(
      (e) => e.type === 'organization',
    )
    expect(orgs).toEqual([])
  })
})
