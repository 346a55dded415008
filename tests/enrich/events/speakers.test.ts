/**
 * Acts done by saying them inside a quotation (`« Je voudrais exprimer mes condoléances », a déclaré
 * Déby`): the quotation's speaker does them, unless the quotation names its own subject before the
 * trigger or sits inside a clause of the sentence (`son « soutien tous azimuts »`). And an act the
 * other way round (`X a félicité Y`, then `Y a présenté ses condoléances à X`) is another event.
 */
import { describe, expect, it } from 'vitest'
import { extractEvents } from '../../../pipeline/enrich/events/index.js'
import type { QuoteDraft } from '../../../pipeline/enrich/extract.js'
import { type EntitySpec, eventsOf, idOf, inputOf, ofType, soFarOf } from './fixtures.js'

const DEBY: EntitySpec = { name: 'Idriss Déby', type: 'person', surfaces: ['Déby'], country_code: 'TD' }
const POUTINE: EntitySpec = {
  name: 'Vladimir Poutine',
  type: 'person',
  surfaces: ['Poutine'],
  country_code: 'RU',
}
const RUSSIE: EntitySpec = {
  name: 'Russie',
  type: 'country',
  surfaces: ['Russie', 'russe'],
  country_code: 'RU',
}
const MALI: EntitySpec = { name: 'Mali', type: 'country', surfaces: ['Mali'], country_code: 'ML' }
const LAVROV: EntitySpec = {
  name: 'Sergueï Lavrov',
  type: 'person',
  surfaces: ['Sergueï Lavrov'],
  country_code: 'RU',
}

/** The events of a text whose quotation `quoted` is said by `speaker`. */
function withQuote(text: string, quoted: string, speaker: string, entities: readonly EntitySpec[]) {
  const start = text.indexOf(quoted)
  const quote = {
    text: quoted,
    start,
    end: start + quoted.length,
    speaker,
    speaker_entity_id: idOf(speaker),
  } as QuoteDraft
  const soFar = soFarOf(text, entities)
  return extractEvents(inputOf(text), { ...soFar, quotes: [quote] }).events ?? []
}

describe('quotation speakers', () => {
  it('makes the speaker the one who offers condolences in the first person', () => {
    const text =
      '« Je voudrais, au nom du peuple, exprimer mes sincères condoléances pour ces décès », a déclaré Déby.'
    const ev = withQuote(
      text,
      'Je voudrais, au nom du peuple, exprimer mes sincères condoléances pour ces décès',
      'Idriss Déby',
      [DEBY],
    )
    expect(ofType(ev, 'support')!.actor_entity_ids).toEqual([idOf('Idriss Déby')])
  })

  it('keeps the subject the quotation names itself', () => {
    const text = '« La Russie condamne fermement cet acte barbare au Mali », a déclaré Sergueï Lavrov.'
    const ev = withQuote(text, 'La Russie condamne fermement cet acte barbare au Mali', 'Sergueï Lavrov', [
      RUSSIE,
      MALI,
      LAVROV,
    ])
    expect(ofType(ev, 'accusation')!.actor_entity_ids).toEqual([idOf('Russie')])
  })

  it('leaves a quoted phrase inside a clause to the clause', () => {
    const text =
      'La Russie continuera d’apporter son « soutien tous azimuts » au Mali, a promis Sergueï Lavrov.'
    const ev = withQuote(text, 'soutien tous azimuts', 'Sergueï Lavrov', [RUSSIE, MALI, LAVROV])
    expect(ofType(ev, 'support')!.actor_entity_ids).toEqual([idOf('Russie')])
  })
})

describe('acts the other way round', () => {
  it('keeps congratulations and the condolences returned as two events', () => {
    const ev = eventsOf(
      'Le dirigeant russe a félicité Déby pour son succès. Pour sa part, Déby a présenté ses condoléances à Poutine.',
      [RUSSIE, DEBY, POUTINE],
    )
    const supports = ev.filter((e) => e.event_type === 'support')
    expect(supports).toHaveLength(2)
    expect(supports[1]!.actor_entity_ids).toEqual([idOf('Idriss Déby')])
    expect(supports[1]!.target_entity_ids).toContain(idOf('Vladimir Poutine'))
  })

  it('still merges a meeting told from each side', () => {
    const ev = eventsOf(
      'Idriss Déby a rencontré mercredi Vladimir Poutine. Poutine a reçu Déby pendant deux heures.',
      [
        { name: 'Idriss Déby', type: 'person', surfaces: ['Idriss Déby', 'Déby'] },
        { name: 'Vladimir Poutine', type: 'person', surfaces: ['Vladimir Poutine', 'Poutine'] },
      ],
    )
    expect(ev.filter((e) => e.event_code === 'CONSULT')).toHaveLength(1)
  })
})

describe('accusations after a quotation', () => {
  it('aims an accusation in an incise at who the quotation names', () => {
    const ev = eventsOf(
      "« La décision du gouvernement de la République du Mali de rompre ses relations avec l'Ukraine est précipitée », a fustigé la diplomatie ukrainienne.",
      [MALI, { name: 'Ukraine', type: 'country', surfaces: ['Ukraine', 'ukrainienne'], country_code: 'UA' }],
    )
    const e = ofType(ev, 'accusation')!
    expect(e.actor_entity_ids).toEqual([idOf('Ukraine')])
    expect(e.target_entity_ids).toContain(idOf('Mali'))
  })
})

describe('the other side of a joint event told inside a quotation', () => {
  it('is never the quotation’s speaker, nor whom it was told to', () => {
    const LE360: EntitySpec = { name: 'LE360', type: 'organization', surfaces: ['LE360'] }
    const EL_HAITE: EntitySpec = { name: 'Hakima El Haite', type: 'person', surfaces: ['Hakima El Haite'] }
    const MAROC: EntitySpec = { name: 'Maroc', type: 'country', surfaces: ['Maroc'], country_code: 'MA' }
    const text =
      '« Le Maroc a signé un accord cette semaine », a déclaré à LE360 la ministre déléguée, Hakima El Haite.'
    const events = withQuote(text, 'Le Maroc a signé un accord cette semaine', 'Hakima El Haite', [
      LE360,
      EL_HAITE,
      MAROC,
    ])
    const e = ofType(events, 'agreement')!
    expect(e.actor_entity_ids).toEqual([idOf('Maroc')])
    expect(e.target_entity_ids).toEqual([])
  })
})
