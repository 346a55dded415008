import { describe, expect, it } from 'vitest'
import { entityId } from '../../../pipeline/enrich/entities/gazetteer.js'
import { extractEntities } from '../../../pipeline/enrich/entities/index.js'
import { EMPTY, type ExtractInput } from '../../../pipeline/enrich/extract.js'
import { run } from './helpers.js'

const FRAGMENTS = [
  'Après l’attaque de Boulkessi, les FAMa ont riposté avec des Su-25. Le JNIM a revendiqué l’embuscade.',
  'Volodymyr Zelensky a remercié Emmanuel Macron ; la Maison-Blanche reste prudente sur le Donbass.',
  '« Nous ne partirons pas », a lancé le capitaine Ibrahim Traoré à Ouagadougou, entouré de VDP.',
  'À N’Djamena, Mahamat Idriss Déby a reçu une délégation de l’Union africaine et de l’ONU. 🇹🇩 Déby a salué…',
]

describe('spans, ids and scale', () => {
  it('every mention surface is exactly text.slice(start, end), also after astral characters', () => {
    for (const text of FRAGMENTS) {
      const r = run(text)
      expect(r.mentions.length).toBeGreaterThan(2)
      for (const m of r.mentions) expect(text.slice(m.start, m.end)).toBe(m.surface)
      const ids = new Set(r.entities.map((e) => e.entity_id))
      for (const m of r.mentions) expect(ids.has(m.entity_id)).toBe(true)
    }
  })

  it('ids depend only on type and folded canonical name', () => {
    const r = run('Le président Assimi Goïta est arrivé à Bamako.')
    const goita = r.entities.find((e) => e.type === 'person')!
    expect(goita.entity_id).toBe(entityId('person', 'Assimi Goïta'))
    expect(goita.entity_id).toMatch(/^ent_[0-9a-f]{16}$/)
    expect(entityId('person', 'ASSIMI GOITA')).toBe(goita.entity_id)
    expect(entityId('place', 'Assimi Goïta')).not.toBe(goita.entity_id)
  })

  it('is deterministic: same rows for the same text, sorted by position', () => {
    const text = FRAGMENTS.join('\n\n')
    const a = run(text)
    const b = run(text)
    expect(JSON.stringify(b)).toBe(JSON.stringify(a))
    const starts = a.mentions.map((m) => m.start)
    expect(starts).toEqual([...starts].sort((x, y) => x - y))
  })

  it('runs through the Extractor interface', () => {
    const text = FRAGMENTS[0]!
    const input: ExtractInput = {
      docId: 'doc_0000000000000000',
      text,
      sentences: [{ start: 0, end: text.length }],
      published: null,
      reference: null,
      header: {} as ExtractInput['header'],
      language: 'fr',
    }
    const r = extractEntities(input, EMPTY)
    expect(r.entities?.map((e) => e.name)).toEqual(
      expect.arrayContaining([
        'Boulkessi',
        'Forces armées maliennes',
        'Su-25',
        "Groupe de soutien à l'islam et aux musulmans",
      ]),
    )
    expect(r.messages).toEqual([])
  })

  it('completes on 2 MB of text, including a 200,000-character line', () => {
    const para = FRAGMENTS.join(' ')
    const oneLine = 'Mali '.repeat(40_000)
    const capitals = 'Ab Cd Ef Gh '.repeat(20_000)
    const text = `${para}\n${oneLine}\n${capitals}\n${para.repeat(Math.ceil(1_700_000 / para.length))}`
    expect(text.length).toBeGreaterThan(2_000_000)
    const r = run(text)
    expect(r.mentions.length).toBeGreaterThan(40_000)
    expect(r.entities.find((e) => e.name === 'Mali')).toBeDefined()
  })
})
