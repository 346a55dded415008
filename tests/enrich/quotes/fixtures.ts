/** Test helpers: run the quote extractor on a fragment, with hand-built entity fixtures. */
import {
  EMPTY,
  type EntityDraft,
  type Extracted,
  type MentionDraft,
  type QuoteDraft,
} from '../../../pipeline/enrich/extract.js'
import { extractQuotes } from '../../../pipeline/enrich/quotes/index.js'
import { sentenceSpans } from '../../../pipeline/enrich/sentences.js'

export interface EntityFixture {
  readonly name: string
  readonly type: EntityDraft['type']
  readonly country?: string
  /** Surfaces to mark as mentions wherever they occur in the text. */
  readonly surfaces: readonly string[]
}

let n = 0
const id = () => `ent_${(++n).toString(16).padStart(16, '0')}`

/** Entities and mentions as the entity extractor would give them: every occurrence of each surface. */
export function soFar(text: string, fixtures: readonly EntityFixture[]): Extracted {
  const entities: EntityDraft[] = []
  const mentions: MentionDraft[] = []
  for (const f of fixtures) {
    const entity_id = id()
    entities.push({
      entity_id,
      name: f.name,
      type: f.type,
      country_code: f.country ?? null,
      wikidata_id: null,
      geonames_id: null,
      latitude: null,
      longitude: null,
      source: 'gazetteer',
    } as EntityDraft)
    for (const s of f.surfaces) {
      for (let at = text.indexOf(s); at >= 0; at = text.indexOf(s, at + s.length))
        mentions.push({
          entity_id,
          surface: s,
          start: at,
          end: at + s.length,
          method: 'gazetteer',
          confidence: 1,
        } as MentionDraft)
    }
  }
  return { ...EMPTY, entities, mentions }
}

export function quotesOf(text: string, fixtures: readonly EntityFixture[] = []): QuoteDraft[] {
  const found = extractQuotes(
    {
      docId: 'doc_0000000000000000',
      text,
      sentences: sentenceSpans(text),
      published: null,
      reference: null,
      header: {},
      language: 'fr',
    },
    soFar(text, fixtures),
  )
  return [...(found.quotes ?? [])]
}

/** The quote whose text starts with `prefix`. */
export function quote(quotes: readonly QuoteDraft[], prefix: string): QuoteDraft {
  const q = quotes.find((x) => x.text.startsWith(prefix))
  if (!q)
    throw new Error(
      `no quote starting with ${JSON.stringify(prefix)} in ${JSON.stringify(quotes.map((x) => x.text))}`,
    )
  return q
}
