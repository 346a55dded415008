/** Hand-built inputs for the event extractor: a text, its entities (found by surface) and date expressions. */
import type { Published } from '../../../pipeline/enrich/document/published.js'
import { extractEvents } from '../../../pipeline/enrich/events/index.js'
import type { EventDraft } from '../../../pipeline/enrich/extract.js'
import {
  EMPTY,
  type EntityDraft,
  type Extracted,
  type ExtractInput,
  type MentionDraft,
  type TemporalDraft,
} from '../../../pipeline/enrich/extract.js'
import { sentenceSpans } from '../../../pipeline/enrich/sentences.js'

export interface EntitySpec {
  readonly name: string
  readonly type: EntityDraft['type']
  /** Every occurrence of each surface in the text becomes a mention. */
  readonly surfaces: readonly string[]
  readonly country_code?: string
}

export interface DateSpec {
  readonly surface: string
  readonly value: string
  readonly precision: 'day' | 'month' | 'year'
}

const hex = (s: string) => {
  let h = 0n
  for (const c of s) h = (h * 131n + BigInt(c.codePointAt(0)!)) % 2n ** 64n
  return h.toString(16).padStart(16, '0')
}
export const idOf = (name: string): string => `ent_${hex(name)}`

export const PUBLISHED: Published = {
  date: { year: 2024, month: 9, day: 24 },
  value: '2024-09-24',
  precision: 'day',
  source: 'header',
  min: '2024-09-24',
  max: '2024-09-24',
}

function occurrences(text: string, surface: string): number[] {
  const out: number[] = []
  for (let i = text.indexOf(surface); i >= 0; i = text.indexOf(surface, i + surface.length)) {
    const before = text[i - 1] ?? ' '
    const after = text[i + surface.length] ?? ' '
    if (!/[\p{L}\d]/u.test(before) && !/[\p{L}\d]/u.test(after)) out.push(i)
  }
  return out
}

export function soFarOf(
  text: string,
  entities: readonly EntitySpec[],
  dates: readonly DateSpec[] = [],
): Extracted {
  const ents: EntityDraft[] = entities.map(
    (e) =>
      ({
        entity_id: idOf(e.name),
        name: e.name,
        type: e.type,
        country_code: e.country_code ?? null,
        wikidata_id: null,
        geonames_id: null,
        latitude: null,
        longitude: null,
        source: 'gazetteer',
      }) as EntityDraft,
  )
  const mentions: MentionDraft[] = entities.flatMap((e) =>
    e.surfaces.flatMap((s) =>
      occurrences(text, s).map(
        (start) =>
          ({
            entity_id: idOf(e.name),
            surface: s,
            start,
            end: start + s.length,
            method: 'gazetteer',
            confidence: 0.9,
          }) as MentionDraft,
      ),
    ),
  )
  const temporal: TemporalDraft[] = dates.flatMap((d) =>
    occurrences(text, d.surface).map(
      (start) =>
        ({
          surface: d.surface,
          start,
          end: start + d.surface.length,
          value: d.value,
          precision: d.precision,
          method: 'pattern',
          confidence: 0.9,
        }) as TemporalDraft,
    ),
  )
  return { ...EMPTY, entities: ents, mentions, temporal_expressions: temporal }
}

export function inputOf(text: string, published: Published | null = PUBLISHED): ExtractInput {
  return {
    docId: 'doc_0000000000000000',
    text,
    sentences: sentenceSpans(text),
    published,
    reference: null,
    header: {},
    language: 'fr',
  }
}

/** Runs the event extractor on a text with hand-built entities and dates. */
export function eventsOf(
  text: string,
  entities: readonly EntitySpec[] = [],
  dates: readonly DateSpec[] = [],
  published: Published | null = PUBLISHED,
): EventDraft[] {
  return [...(extractEvents(inputOf(text, published), soFarOf(text, entities, dates)).events ?? [])]
}

export const ofType = (events: readonly EventDraft[], type: string): EventDraft | undefined =>
  events.find((e) => e.event_type === type)

export const types = (events: readonly EventDraft[]): string[] => events.map((e) => e.event_type)
