/** Running the temporal extractor on a fragment, with a publication date given as `YYYY[-MM[-DD]]`. */
import { parseIsoPartial, periodBounds, precisionOf } from '../../../pipeline/dates/calendar.js'
import type { Published } from '../../../pipeline/enrich/document/published.js'
import { EMPTY, type TemporalDraft } from '../../../pipeline/enrich/extract.js'
import { sentenceSpans } from '../../../pipeline/enrich/sentences.js'
import { extractTemporal } from '../../../pipeline/enrich/temporal/index.js'

export function published(iso: string): Published {
  const date = parseIsoPartial(iso)
  if (!date) throw new Error(`bad date ${iso}`)
  const [min, max] = periodBounds(date)
  return { date, value: iso, precision: precisionOf(date), source: 'header', min, max }
}

/**
 * `wholeText` makes the text one sentence: the hostile-input tests time this extractor alone, not the
 * sentence splitter.
 */
export function temporal(text: string, pub: string | null, wholeText = false): readonly TemporalDraft[] {
  return (
    extractTemporal(
      {
        docId: 'doc_0000000000000000',
        text,
        sentences: wholeText ? [{ start: 0, end: text.length }] : sentenceSpans(text),
        published: pub === null ? null : published(pub),
        reference: null,
        header: {},
        language: 'fr',
      },
      EMPTY,
    ).temporal_expressions ?? []
  )
}

/** `surface=value` for each expression, the compact form the tests compare. */
export const pairs = (text: string, pub: string | null): string[] =>
  temporal(text, pub).map((t) => `${t.surface}=${t.value ?? 'null'}`)

/** The one expression whose surface contains `needle`. */
export function only(text: string, pub: string | null, needle: string): TemporalDraft {
  const hits = temporal(text, pub).filter((t) => t.surface.includes(needle))
  if (hits.length !== 1) throw new Error(`${hits.length} expressions hold "${needle}" in: ${text}`)
  return hits[0]!
}
