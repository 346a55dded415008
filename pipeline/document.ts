/**
 * One input, from bytes to rows: parse (decode, split) → clean → enrich → validate.
 * Pure apart from its arguments: no I/O, no clock, no shared state, so it can run anywhere.
 * Failures become a reject with a reason and a hint; nothing here throws on bad input.
 */
import type {
  DocumentsRow,
  EntitiesRow,
  EventMentionsRow,
  EventsRow,
  MentionsRow,
  QuotesRow,
  RejectsRow,
  TemporalExpressionsRow,
} from './_generated/tables.js'
import { cleanBody } from './clean/body.js'
import { cleanCharacters, cleanMappedCharacters } from './clean/characters.js'
import type { NearDuplicate } from './corpus/near-duplicates.js'
import { parseAbsoluteDate } from './dates/parse-absolute.js'
import { detectLanguage } from './enrich/document/language.js'
import { resolveOutlet } from './enrich/document/outlet.js'
import { explicitPublished, implicitPublished, type Published } from './enrich/document/published.js'
import { tidyAuthor, tidyTitle } from './enrich/document/title.js'
import { type EventDraft, type Extracted, type Extractor, runExtractors } from './enrich/extract.js'
import { sentenceIndexAt, sentenceSpans } from './enrich/sentences.js'
import { countWords } from './enrich/words.js'
import { controlRatio, type Decoded, decode } from './parse/decode.js'
import { extractHtml, type HtmlMeta } from './parse/html.js'
import { binarySignature, looksLikeHtml } from './parse/sniff.js'
import { type Header, structure } from './parse/structure.js'
import type { OutletList } from './reference/outlets.js'
import { MIN_WORDS, type RejectReason, rejectRow } from './rejects.js'
import type { Message, PartialDate, SourceInfo, Span, Stage } from './types.js'
import { codePointIndex } from './util/codepoints.js'
import { sha256Hex, stableId } from './util/hash.js'
import type { MappedText } from './util/mapped-text.js'
import { validateRows } from './validate/document-rows.js'
import type { RowValidator } from './validate/schema-validator.js'

/** Above this share of control characters, bytes are binary, not text. */
export const MAX_CONTROL_RATIO = 0.05

/**
 * Longest article text processed (UTF-16 units, after HTML extraction): an article is processed whole,
 * and its working memory grows with its length (tokens, offset maps, rows: about 120 bytes a
 * character), so a longer one could exhaust a worker's heap. Time per character is the same at any
 * length (README, scale section). Raw files may be larger (`MAX_INPUT_BYTES`): a saved page is mostly
 * markup.
 */
export const MAX_TEXT_UNITS = 8_000_000
const MEMORY_AT_CAP = 'about 1.5 GB'
const millions = (n: number) => (n / 1e6).toFixed(1)

/** What parse and clean make of an input: enough for the corpus passes (duplicates, reference date). */
export interface Prepared {
  readonly kind: 'prepared'
  readonly source: SourceInfo
  readonly decoded: Decoded
  readonly header: Header
  readonly body: MappedText
  readonly docId: string
  /** Words of the body (`enrich/words.ts`), counted once. */
  readonly words: number
  readonly explicit: Published | null
  readonly messages: readonly Message[]
}

export interface Rejected {
  readonly kind: 'reject'
  readonly reject: RejectsRow
}

export function prepare(source: SourceInfo, bytes: Uint8Array): Prepared | Rejected {
  const src = { path: source.path, sha256: source.sha256 }
  const reject = (
    stage: Stage,
    reason: RejectReason,
    msg: string,
    details: readonly string[] = [],
  ): Rejected => ({
    kind: 'reject',
    reject: rejectRow(src, stage, reason, msg, details),
  })
  if (bytes.length === 0) return reject('parse', 'empty', 'the file is empty (0 bytes)')
  const format = binarySignature(bytes)
  if (format) return reject('parse', 'binary', `binary data: ${format} (recognised by its first bytes)`)
  const decoded = decode(bytes)
  const ratio = controlRatio(decoded.text.slice(0, 65_536))
  if (ratio > MAX_CONTROL_RATIO)
    return reject(
      'parse',
      'binary',
      `binary data: ${(ratio * 100).toFixed(1)}% of the first characters are control characters${decoded.text.includes('\0') ? ' (NUL bytes among them)' : ''}`,
    )
  if (decoded.text.trim().length === 0)
    return reject('parse', 'whitespace-only', `the file holds only white space (${bytes.length} bytes)`)
  const html = looksLikeHtml(source.path, decoded.text) ? extractHtml(decoded.text) : null
  const length = html ? html.text.length : decoded.text.length
  if (length > MAX_TEXT_UNITS)
    return reject(
      'parse',
      'too-large',
      `the article's text is ${millions(length)} million characters; texts over ${millions(MAX_TEXT_UNITS)} million are not processed: an article is processed whole, in memory that grows with its length (${MEMORY_AT_CAP} at the limit)`,
    )
  // an HTML page: its paragraphs (traced to the decoded page) and meta tags go through the same clean
  // and structure steps as a text file, the meta tags taking the place of header lines
  const chars = html ? cleanMappedCharacters(html.text) : cleanCharacters(decoded.text)
  const st = structure(chars.text, html ? htmlHeader(html.meta) : {})
  const body = cleanBody(st.blocks)
  const messages = [
    ...decoded.messages,
    ...(html?.messages ?? []),
    ...chars.messages,
    ...st.messages,
    ...body.messages,
  ]
  const words = countWords(body.text.text)
  if (words < MIN_WORDS) {
    const details = st.header.url ? [`parse/url: ${st.header.url.value}`] : []
    if (html)
      return reject(
        'parse',
        'html-no-text',
        `no article text in the HTML page: ${words} words found (${html.bodySource === 'article' ? 'in <article>' : html.bodySource === 'main' ? 'in <main>' : html.bodySource === 'paragraphs' ? 'in <p> paragraphs' : 'in the whole page'})`,
        details,
      )
    if (words === 0 && st.header.url)
      return reject(
        'clean',
        'url-only',
        `the file holds only a link (${st.header.url.value}), not the article`,
        details,
      )
    return reject(
      'clean',
      'no-text',
      `no article text: ${words} words left after header lines were removed`,
      details,
    )
  }
  const docId = stableId('doc', body.text.text)
  return {
    kind: 'prepared',
    source,
    decoded,
    header: st.header,
    body: body.text,
    docId,
    words,
    explicit: explicitPublished(st.header, body.text.text),
    messages,
  }
}

/** Header fields from an HTML page's meta tags, in the shape `structure` reads from header lines. */
function htmlHeader(meta: HtmlMeta): Header {
  const header: { -readonly [K in keyof Header]: Header[K] } = {}
  if (meta.url) header.url = { value: meta.url.value, place: meta.url.place }
  if (meta.title) header.title = { value: { text: meta.title.value, how: 'html' }, place: meta.title.place }
  if (meta.author) header.byline = { value: meta.author.value, place: meta.author.place }
  const date = meta.published ? parseAbsoluteDate(meta.published.value.slice(0, 10)) : null
  if (date || meta.siteName)
    header.publishedLine = {
      value: { date, outlet: meta.siteName?.value ?? null },
      place: (meta.published ?? meta.siteName)!.place,
    }
  return header
}

export interface DocumentRows {
  readonly documents: DocumentsRow
  readonly mentions: readonly MentionsRow[]
  readonly quotes: readonly QuotesRow[]
  readonly temporal_expressions: readonly TemporalExpressionsRow[]
  readonly events: readonly EventsRow[]
  readonly event_mentions: readonly EventMentionsRow[]
  /** Entities this document mentions (without corpus counts). */
  readonly entities: readonly Omit<EntitiesRow, 'n_documents' | 'n_mentions'>[]
}

export interface Enriched {
  readonly kind: 'document'
  readonly rows: DocumentRows
  readonly messages: readonly Message[]
}

export interface DocumentContext {
  readonly reference: PartialDate | null
  readonly outlets: OutletList
  readonly extractors: readonly Extractor[]
  readonly validator: RowValidator
}

const formatMessage = (m: Message): string => `${m.stage}/${m.ruleId}: ${m.reason}`

export function enrich(
  p: Prepared,
  duplicates: readonly string[],
  ctx: DocumentContext,
  nearDuplicate: NearDuplicate | null = null,
): Enriched | Rejected {
  const text = p.body.text
  // `prepare` found the explicit date (or none): it is not looked for again
  const published = p.explicit ?? implicitPublished(p.header, text, ctx.reference)
  const outlet = resolveOutlet(p.header, ctx.outlets, text)
  const sentences = sentenceSpans(text)
  const language = detectLanguage(text)
  const messages: Message[] = [...p.messages]
  if (language !== null && language !== 'fr')
    messages.push({
      stage: 'enrich',
      ruleId: 'language',
      severity: 'warning',
      reason: `text is not French (${language}): French rules may miss or misread it`,
    })
  if (!published)
    messages.push({
      stage: 'enrich',
      ruleId: 'published',
      severity: 'info',
      reason: 'no publication date found',
    })
  const extracted = runExtractors(
    { docId: p.docId, text, sentences, published, reference: ctx.reference, header: p.header, language },
    ctx.extractors,
  )
  messages.push(...extracted.messages)
  const cp = codePointIndex(text)
  // every offset of the dataset is converted here, from the extractors' UTF-16 units
  const inner = (start: number, end: number): Located => {
    const o = p.body.origin(start, end)
    return {
      start: cp.toCodePoint(start),
      end: cp.toCodePoint(end),
      raw_start: p.decoded.byteOffsets[o.start] ?? null,
      raw_end: p.decoded.byteOffsets[o.end] ?? null,
    }
  }
  const place: Placer = (s: Span) => {
    const at = inner(s.start, s.end) as Placement
    at.sentence_index = sentenceIndexAt(sentences, s.start)
    return at
  }
  const author = tidyAuthor(p.header.byline?.value) ?? p.header.signoff?.value.initials ?? null
  const documents: DocumentsRow = {
    doc_id: p.docId,
    source_file: p.source.path,
    source_sha256: p.source.sha256,
    source_encoding: p.decoded.encoding,
    source_repaired_bytes: p.decoded.repairedBytes,
    duplicate_sources: duplicates,
    duplicate_cluster: nearDuplicate?.cluster ?? null,
    near_duplicate_of: nearDuplicate?.of ?? null,
    near_duplicate_similarity: nearDuplicate?.similarity ?? null,
    url: p.header.url?.value ?? null,
    outlet: outlet.outlet,
    outlet_source: outlet.source,
    outlet_country: outlet.country,
    outlet_state_affiliated: outlet.stateAffiliated,
    author,
    title: tidyTitle(p.header.title?.value.text),
    published: published?.value ?? null,
    published_precision: published?.precision ?? null,
    published_source: published?.source ?? null,
    published_min: published?.min ?? null,
    published_max: published?.max ?? null,
    language,
    text,
    n_chars: cp.length,
    n_words: p.words,
    n_sentences: sentences.length,
    warnings: messages.filter((m) => m.severity !== 'info' || m.stage === 'clean').map(formatMessage),
  }
  const rows = placeRows(p.docId, extracted, place, inner)
  const all: DocumentRows = { documents, ...rows, entities: extracted.entities }
  const errors = validateRows(all, ctx.validator)
  if (errors.length > 0)
    return {
      kind: 'reject',
      reject: rejectRow(
        p.source,
        'validate',
        errors[0]!.startsWith('integrity') ? 'integrity' : 'schema',
        `${errors.length} rows break the schema`,
        errors.slice(0, 50),
      ),
    }
  return { kind: 'document', rows: all, messages }
}

/** A span of `text` in code points and in bytes of the raw input (null where cleaning inserted it). */
interface Located {
  start: number
  end: number
  raw_start: number | null
  raw_end: number | null
}
interface Placement extends Located {
  sentence_index: number
}
type Placer = (s: Span) => Placement
/** A span inside a row (a trigger, a speaker), from UTF-16 units. */
type Locator = (start: number, end: number) => Located

/** The columns of an event row that `placeRows` fills in, the draft giving the others. */
type EventFilled =
  | keyof Placement
  | 'trigger_raw_start'
  | 'trigger_raw_end'
  | 'doc_id'
  | 'event_id'
  | 'date_mention_id'
  | 'location_mention_id'
  | 'fatalities_mention_id'
  | 'n_mentions'
  | 'event_cluster'
  | 'event_cluster_size'
type EventColumnsUnset = Exclude<keyof EventsRow, keyof EventDraft | EventFilled>
/** Compile-time check that draft and filled-in columns make a whole row: a new column must be set. */
const _eventRowsComplete: [EventColumnsUnset] extends [never] ? true : EventColumnsUnset = true

/** Keys of an event draft that are no column (`EventDraft`). */
const EVENT_DRAFT_ONLY: ReadonlySet<string> = new Set([
  'mentions',
  'date_from',
  'location_from',
  'fatalities_from',
])

/**
 * A row from a draft and its placement: the keys and values `{ ...draft, ...at }` gives (the draft's
 * own keys but `skip`, then the placement's), copied one by one — object spreads after the first, and
 * rest patterns, take V8's generic path, a third of this stage's time.
 */
function placed(draft: object, at: Placement, skip?: ReadonlySet<string>): Record<string, unknown> {
  const from = draft as Readonly<Record<string, unknown>>
  const row: Record<string, unknown> = {}
  for (const k of Object.keys(from)) if (skip === undefined || !skip.has(k)) row[k] = from[k]
  row.start = at.start
  row.end = at.end
  row.raw_start = at.raw_start
  row.raw_end = at.raw_end
  row.sentence_index = at.sentence_index
  return row
}

function setTrigger(row: Record<string, unknown>, at: Located): void {
  row.trigger_start = at.start
  row.trigger_end = at.end
  row.trigger_raw_start = at.raw_start
  row.trigger_raw_end = at.raw_end
}

function placeRows(docId: string, x: Extracted, place: Placer, locate: Locator) {
  const mentions = x.mentions.map((m) => {
    const at = place(m)
    const row = placed(m, at)
    row.doc_id = docId
    row.mention_id = stableId('men', docId, at.start, at.end, m.entity_id)
    return row as unknown as MentionsRow
  })
  const quotes = x.quotes.map((q) => {
    const at = place(q)
    const row = placed(q, at)
    const speaker =
      q.speaker_start === null || q.speaker_end === null ? null : locate(q.speaker_start, q.speaker_end)
    row.speaker_start = speaker?.start ?? null
    row.speaker_end = speaker?.end ?? null
    row.speaker_raw_start = speaker?.raw_start ?? null
    row.speaker_raw_end = speaker?.raw_end ?? null
    row.doc_id = docId
    row.quote_id = stableId('quo', docId, at.start, at.end)
    return row as unknown as QuotesRow
  })
  const temporal_expressions = x.temporal_expressions.map((t) => {
    const at = place(t)
    const row = placed(t, at)
    row.doc_id = docId
    row.expr_id = stableId('tex', docId, at.start, at.end)
    return row as unknown as TemporalExpressionsRow
  })
  const event_mentions: EventMentionsRow[] = []
  // a sentence may tell two events of one type (two attacks): the second id also takes its trigger
  const taken = new Set<string>()
  const unique = (prefix: string, parts: (string | number)[], trigger: number): string => {
    const first = stableId(prefix, ...parts)
    const out = taken.has(first) ? stableId(prefix, ...parts, trigger) : first
    taken.add(out)
    return out
  }
  const events = x.events.map((e) => {
    const { mentions, date_from, location_from, fatalities_from } = e
    const at = place(e)
    const trigger = locate(e.trigger_start, e.trigger_end)
    const event_id = unique('evt', [docId, at.start, at.end, e.event_type], trigger.start)
    const ids = mentions.map((m) => {
      const mat = place(m)
      const mtrigger = locate(m.trigger_start, m.trigger_end)
      const event_mention_id = unique('evm', [docId, mat.start, mat.end, m.event_type], mtrigger.start)
      const row = placed(m, mat)
      setTrigger(row, mtrigger)
      row.event_mention_id = event_mention_id
      row.event_id = event_id
      row.doc_id = docId
      event_mentions.push(row as unknown as EventMentionsRow)
      return event_mention_id
    })
    const idOf = (k: number | null) => (k === null ? null : (ids[k] ?? null))
    const row = placed(e, at, EVENT_DRAFT_ONLY)
    setTrigger(row, trigger)
    row.doc_id = docId
    row.event_id = event_id
    row.date_mention_id = idOf(date_from)
    row.location_mention_id = idOf(location_from)
    row.fatalities_mention_id = idOf(fatalities_from)
    row.n_mentions = mentions.length
    // a cluster of its own until the corpus-level pass (`corpus/event-clusters.ts`) joins it to others
    row.event_cluster = stableId('evc', event_id)
    row.event_cluster_size = 1
    return row as unknown as EventsRow
  })
  const byStart = <T extends { start: number; end: number }>(a: T, b: T) => a.start - b.start || a.end - b.end
  return {
    mentions: mentions.sort(
      (a, b) => byStart(a, b) || (a.entity_id < b.entity_id ? -1 : a.entity_id > b.entity_id ? 1 : 0),
    ),
    quotes: quotes.sort(byStart),
    temporal_expressions: temporal_expressions.sort(byStart),
    events: events.sort((a, b) => byStart(a, b) || (a.event_type < b.event_type ? -1 : 1)),
    event_mentions: event_mentions.sort((a, b) => byStart(a, b) || (a.event_type < b.event_type ? -1 : 1)),
  }
}

export const sourceInfo = (path: string, bytes: Uint8Array, sha256 = sha256Hex(bytes)): SourceInfo => ({
  path,
  sha256,
  bytes: bytes.length,
})
