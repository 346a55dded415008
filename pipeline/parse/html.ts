/**
 * An HTML page saved from a browser → the article's paragraphs and its metadata.
 *
 * A small tolerant tokenizer, written by hand and linear in the length of the page: every loop moves
 * forward, searches are `indexOf` from the current position, and the only backwards looks (closing an
 * implied `<p>` or `<li>`) are bounded. No regular expression runs over the page itself.
 *
 * The body is chosen as a reader would: the longest `<article>`; else `<main>`; else the page's `<p>`
 * paragraphs; else all its text. Navigation, headers, footers, asides, scripts, styles, forms, figures
 * (and their captions), and blocks marked hidden or named like sharing/comment/advert widgets are left
 * out. The headline (`<h1>`) is metadata, not body. Every unit of the extracted text remembers the span
 * of the decoded page it came from (an entity `&eacute;` maps to all of its eight characters), so offsets
 * still lead back to the raw bytes.
 *
 * Metadata: title from `og:title` (or `twitter:title`), else the first `<h1>`, else `<title>` (which
 * usually carries the site's name too); publication date from `article:published_time` (or
 * `itemprop=datePublished`, `dc.date`…, then the JSON-LD article card); URL from `<link rel=canonical>`, else `og:url`, else the
 * browser's `<!-- saved from url=… -->` comment; author and site name from their meta tags, else the
 * JSON-LD card (`author.name`, `publisher.name`; its `headline` comes after `og:title`). Keys read
 * from the page live in `Map`s, never in plain objects, so `__proto__` or `constructor` in a page is
 * just a string.
 */
import { type Message, message } from '../types.js'
import { MappedText } from '../util/mapped-text.js'
import { decodeEntityAt } from './html-entities.js'

export interface HtmlValue {
  readonly value: string
  /** Span of the decoded page the value was read from (UTF-16). */
  readonly place: { readonly start: number; readonly end: number }
}

export interface HtmlMeta {
  readonly title?: HtmlValue
  readonly published?: HtmlValue
  readonly url?: HtmlValue
  readonly author?: HtmlValue
  readonly siteName?: HtmlValue
}

export type BodySource = 'article' | 'main' | 'paragraphs' | 'all-text'

export interface HtmlPage {
  /** The article's paragraphs, separated by blank lines, traced to the decoded page. */
  readonly text: MappedText
  readonly meta: HtmlMeta
  readonly bodySource: BodySource
  readonly messages: readonly Message[]
}

const set = (s: string) => new Set(s.split(' '))
const VOID = set('area base br col embed hr img input link meta param source track wbr keygen')
/** Elements whose content is raw text: never parsed for tags. */
const RAW = set('script style noscript textarea title xmp iframe noembed noframes')
/** Elements that start a new paragraph when they open or close. */
const BLOCK = set(
  'address article aside blockquote body br caption center dd details dialog div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html legend li main menu nav ol option p pre section summary table tbody td tfoot th thead tr ul',
)
/** Elements whose text is not article text. */
const SKIP = set(
  'nav header footer aside form figure figcaption template svg math button select dialog object video audio canvas map head',
)
/** Openers that close an open `<p>` (HTML's "close a p element" rule, for the common block tags). */
const CLOSES_P = set(
  'address article aside blockquote details div dl fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr main menu nav ol p pre section table ul',
)
/** `class`/`id` words of page furniture that sits inside articles. */
const FURNITURE =
  /(?:^|[\s_-])(?:share|sharing|social|related|comments?|newsletter|advert|advertisement|ads?|promo|cookie|breadcrumbs?|subscribe|paywall|outbrain|taboola)(?:$|[\s_-])/i
const P_SCOPE = set('button')
const LIST_SCOPE = set('ul ol')
const DL_SCOPE = set('dl')
/** Implied closes look at most this far down the stack, so that a page of unclosed tags stays linear. */
const IMPLIED_CLOSE_DEPTH = 64
const PUBLISHED_KEYS = [
  'article:published_time',
  'og:article:published_time',
  'datepublished',
  'dc.date',
  'dc.date.issued',
  'dcterms.created',
  'date',
  'pubdate',
  'publish-date',
  'ld:datepublished',
]
/** JSON-LD blocks larger than this are not parsed (a page's whole catalogue, not an article's card). */
const MAX_JSON_LD = 256 * 1024
/** schema.org types of a news article's card. */
const ARTICLE_TYPES =
  /^(?:News|Reportage|Analysis|Opinion|Review|Background)?Article$|^BlogPosting$|^LiveBlogPosting$/

/** The first schema.org article card in a JSON-LD value (top level, a list, or an `@graph`). */
function articleCard(v: unknown, depth = 0): Record<string, unknown> | null {
  if (depth > 4 || v === null || typeof v !== 'object') return null
  if (Array.isArray(v)) {
    for (const x of v) {
      const c = articleCard(x, depth + 1)
      if (c) return c
    }
    return null
  }
  const o = v as Record<string, unknown>
  const types = ([] as unknown[]).concat(o['@type'] ?? [])
  if (types.some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t))) return o
  return articleCard(o['@graph'], depth + 1)
}

/** A name from a schema.org value: a string, `{ name }`, or the first of a list of them. */
function nameOf(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null
  if (Array.isArray(v)) return v.length > 0 ? nameOf(v[0]) : null
  if (v !== null && typeof v === 'object') {
    const n = (v as Record<string, unknown>).name
    return typeof n === 'string' ? n.trim() || null : null
  }
  return null
}

/**
 * Reads the article card of a `<script type="application/ld+json">` (`html[from, to)`) into `meta` under
 * `ld:` keys, which rank after the page's meta tags. Each value's place is where its text stands in the
 * page when it is written there as is, else the whole script.
 */
function readJsonLd(html: string, from: number, to: number, meta: Map<string, HtmlValue>): void {
  if (to - from > MAX_JSON_LD) return
  let card: Record<string, unknown> | null
  try {
    card = articleCard(JSON.parse(html.slice(from, to)))
  } catch {
    return
  }
  if (!card) return
  const put = (key: string, value: string | null) => {
    if (value === null || meta.has(key)) return
    const at = html.indexOf(value, from)
    const place =
      at >= 0 && at + value.length <= to ? { start: at, end: at + value.length } : { start: from, end: to }
    meta.set(key, { value, place })
  }
  put('ld:datepublished', typeof card.datePublished === 'string' ? card.datePublished.trim() : null)
  put('ld:headline', nameOf(card.headline))
  put('ld:author', nameOf(card.author))
  put('ld:publisher', nameOf(card.publisher))
}

interface Attr {
  readonly value: string
  readonly start: number
  readonly end: number
}

interface Tag {
  readonly name: string
  readonly attrs: ReadonlyMap<string, Attr>
  /** Index just after the tag's `>`. */
  readonly end: number
}

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c
const isAlpha = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)

/** Decodes entities in `html[start, end)` into a builder, one call per output unit. */
function decodeInto(
  html: string,
  start: number,
  end: number,
  put: (unit: string, from: number, to: number) => void,
): void {
  let i = start
  while (i < end) {
    if (html.charCodeAt(i) === 0x26) {
      const e = decodeEntityAt(html, i, end)
      if (e) {
        for (let k = 0; k < e.text.length; k++) put(e.text[k]!, i, i + e.length)
        i += e.length
        continue
      }
    }
    put(html[i]!, i, i + 1)
    i++
  }
}

const decodeString = (html: string, start: number, end: number): string => {
  const out: string[] = []
  decodeInto(html, start, end, (u) => out.push(u))
  return out.join('')
}

const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim()

/** Reads a start tag whose `<` is at `lt` and whose name starts at `lt + 1`. */
function readStartTag(html: string, lt: number): Tag {
  const n = html.length
  let i = lt + 1
  while (i < n && !isSpace(html.charCodeAt(i)) && html[i] !== '>' && html[i] !== '/') i++
  const name = html.slice(lt + 1, i).toLowerCase()
  const attrs = new Map<string, Attr>()
  while (i < n) {
    const c = html.charCodeAt(i)
    if (isSpace(c) || c === 0x2f /* / */) {
      i++
      continue
    }
    if (c === 0x3e /* > */) return { name, attrs, end: i + 1 }
    const nameStart = i
    i++ // a first `=` belongs to the name, as in the HTML standard
    while (i < n) {
      const d = html.charCodeAt(i)
      if (isSpace(d) || d === 0x2f || d === 0x3e || d === 0x3d) break
      i++
    }
    const attrName = html.slice(nameStart, i).toLowerCase()
    let j = i
    while (j < n && isSpace(html.charCodeAt(j))) j++
    let value: Attr = { value: '', start: i, end: i }
    if (html[j] === '=') {
      j++
      while (j < n && isSpace(html.charCodeAt(j))) j++
      const q = html[j]
      if (q === '"' || q === "'") {
        let close = html.indexOf(q, j + 1)
        if (close < 0) close = n
        value = { value: decodeString(html, j + 1, close), start: j + 1, end: close }
        i = Math.min(n, close + 1)
      } else {
        let k = j
        while (k < n && !isSpace(html.charCodeAt(k)) && html[k] !== '>') k++
        value = { value: decodeString(html, j, k), start: j, end: k }
        i = k
      }
    }
    if (!attrs.has(attrName)) attrs.set(attrName, value)
  }
  return { name, attrs, end: n }
}

/** Index of the `<` of the end tag of raw element `name` at or after `from`, or the page's length. */
function rawEnd(html: string, name: string, from: number): number {
  let p = html.indexOf('</', from)
  while (p >= 0) {
    const after = html.charCodeAt(p + 2 + name.length)
    if (
      html.slice(p + 2, p + 2 + name.length).toLowerCase() === name &&
      (Number.isNaN(after) || isSpace(after) || after === 0x3e || after === 0x2f)
    )
      return p
    p = html.indexOf('</', p + 2)
  }
  return html.length
}

interface Block {
  readonly text: MappedText
  readonly article: number
  readonly main: boolean
  readonly paragraph: boolean
  readonly headline: boolean
  readonly words: number
}

/** Accumulates one paragraph: white space collapsed, every unit mapped to its span of the page. */
class BlockBuilder {
  private units: string[] = []
  private from: number[] = []
  private to: number[] = []
  private space = -1

  get empty(): boolean {
    return this.units.length === 0
  }

  put(unit: string, from: number, to: number): void {
    const c = unit.charCodeAt(0)
    if (isSpace(c)) {
      if (this.space < 0) this.space = from
      return
    }
    if (this.space >= 0 && this.units.length > 0) {
      this.units.push(' ')
      this.from.push(this.space)
      this.to.push(this.space + 1)
    }
    this.space = -1
    this.units.push(unit)
    this.from.push(from)
    this.to.push(to)
  }

  take(): MappedText {
    const t = new MappedText(this.units.join(''), Int32Array.from(this.from), Int32Array.from(this.to))
    this.units = []
    this.from = []
    this.to = []
    this.space = -1
    return t
  }
}

const countWords = (s: string): number => {
  let n = 0
  let inWord = false
  for (let i = 0; i < s.length; i++) {
    const sp = isSpace(s.charCodeAt(i))
    if (!sp && !inWord) n++
    inWord = !sp
  }
  return n
}

export function extractHtml(html: string): HtmlPage {
  const messages: Message[] = []
  const n = html.length
  const stack: { name: string; skip: boolean }[] = []
  const counts = new Map<string, number>()
  const meta = new Map<string, HtmlValue>()
  let canonical: Attr | undefined
  let savedFrom: HtmlValue | undefined
  let titleTag: HtmlValue | undefined
  let h1: HtmlValue | undefined
  const h1Text: string[] = []
  let h1Start = -1
  let h1End = -1
  let skipDepth = 0
  let articleDepth = 0
  let articleSeq = 0
  let article = -1
  const blocks: Block[] = []
  const cur = new BlockBuilder()
  let curCtx: Omit<Block, 'text' | 'words'> | null = null

  const inc = (name: string, d: number) => counts.set(name, (counts.get(name) ?? 0) + d)
  const flush = () => {
    if (!cur.empty && curCtx) {
      const text = cur.take()
      blocks.push({ ...curCtx, text, words: countWords(text.text) })
    } else cur.take()
    curCtx = null
  }
  const push = (name: string, attrs: ReadonlyMap<string, Attr>) => {
    const marker = `${attrs.get('class')?.value ?? ''} ${attrs.get('id')?.value ?? ''}`
    const skip =
      SKIP.has(name) ||
      attrs.has('hidden') ||
      attrs.get('aria-hidden')?.value === 'true' ||
      (name !== 'article' && name !== 'main' && name !== 'body' && FURNITURE.test(marker))
    stack.push({ name, skip })
    inc(name, 1)
    if (skip) skipDepth++
    if (name === 'article' && articleDepth++ === 0) article = ++articleSeq
  }
  const pop = () => {
    const e = stack.pop()!
    inc(e.name, -1)
    if (e.skip) skipDepth--
    if (e.name === 'article' && --articleDepth === 0) article = -1
    if (e.name === 'h1' && h1Start >= 0 && !h1) {
      const value = collapse(h1Text.join(''))
      if (value) h1 = { value, place: { start: h1Start, end: h1End } }
    }
  }
  const popTo = (name: string) => {
    if ((counts.get(name) ?? 0) === 0) return
    while (stack.length > 0 && stack.at(-1)!.name !== name) pop()
    if (stack.length > 0) pop()
  }
  /** Closes an open `name` if it lies within the last few entries of the stack, above any `stop`. */
  const closeImplied = (name: string, stop: ReadonlySet<string>) => {
    if ((counts.get(name) ?? 0) === 0) return
    for (let k = stack.length - 1; k >= 0 && k >= stack.length - IMPLIED_CLOSE_DEPTH; k--) {
      const e = stack[k]!.name
      if (e === name) {
        popTo(name)
        return
      }
      if (stop.has(e)) return
    }
  }
  const text = (start: number, end: number) => {
    const inH1 = (counts.get('h1') ?? 0) > 0
    if (skipDepth > 0 && !inH1) return
    decodeInto(html, start, end, (u, from, to) => {
      if (inH1 && !h1) {
        if (h1Start < 0) h1Start = from
        h1End = to
        h1Text.push(u)
      }
      if (skipDepth > 0) return
      if (!curCtx) {
        if (isSpace(u.charCodeAt(0))) return
        curCtx = {
          article,
          main: (counts.get('main') ?? 0) > 0,
          paragraph: (counts.get('p') ?? 0) > 0,
          headline: inH1,
        }
      }
      cur.put(u, from, to)
    })
  }

  let i = 0
  while (i < n) {
    const lt = html.indexOf('<', i)
    const stop = lt < 0 ? n : lt
    if (stop > i) text(i, stop)
    if (lt < 0) break
    const next = html.charCodeAt(lt + 1)
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4)
      const close = end < 0 ? n : end
      const saved = /^\s*saved from url=\(\d+\)(\S+)/.exec(html.slice(lt + 4, Math.min(close, lt + 2100)))
      if (saved && !savedFrom) {
        const start = lt + 4 + saved.index + saved[0].length - saved[1]!.length
        savedFrom = { value: saved[1]!, place: { start, end: start + saved[1]!.length } }
      }
      i = end < 0 ? n : end + 3
    } else if (next === 0x21 /* ! */ || next === 0x3f /* ? */) {
      const end = html.indexOf('>', lt)
      i = end < 0 ? n : end + 1
    } else if (next === 0x2f /* / */ && isAlpha(html.charCodeAt(lt + 2))) {
      let j = lt + 2
      while (j < n && !isSpace(html.charCodeAt(j)) && html[j] !== '>') j++
      const name = html.slice(lt + 2, j).toLowerCase()
      const end = html.indexOf('>', j)
      i = end < 0 ? n : end + 1
      if (BLOCK.has(name)) flush()
      popTo(name)
    } else if (isAlpha(next)) {
      const tag = readStartTag(html, lt)
      i = tag.end
      const { name, attrs } = tag
      if (BLOCK.has(name)) flush()
      if (name === 'meta') readMeta(attrs, meta)
      else if (
        name === 'link' &&
        !canonical &&
        /(?:^|\s)canonical(?:\s|$)/i.test(attrs.get('rel')?.value ?? '')
      )
        canonical = attrs.get('href')
      else if (attrs.has('itemprop') && /^datepublished$/i.test(attrs.get('itemprop')!.value)) {
        const v = attrs.get('content') ?? attrs.get('datetime')
        if (v && !meta.has('datepublished')) meta.set('datepublished', { value: v.value, place: v })
      }
      if (RAW.has(name)) {
        const end = rawEnd(html, name, i)
        if (name === 'title' && !titleTag) {
          const value = collapse(decodeString(html, i, end))
          if (value) titleTag = { value, place: { start: i, end } }
        }
        if (name === 'script' && /^\s*application\/ld\+json\s*$/i.test(attrs.get('type')?.value ?? ''))
          readJsonLd(html, i, Math.min(end, n), meta)
        const close = html.indexOf('>', end)
        i = end >= n || close < 0 ? n : close + 1
        continue
      }
      if (VOID.has(name)) continue
      if (CLOSES_P.has(name)) closeImplied('p', P_SCOPE)
      if (name === 'li') closeImplied('li', LIST_SCOPE)
      if (name === 'dd' || name === 'dt') {
        closeImplied('dd', DL_SCOPE)
        closeImplied('dt', DL_SCOPE)
      }
      push(name, attrs)
    } else {
      // a `<` that opens no tag (`a < b`) is text
      text(lt, lt + 1)
      i = lt + 1
    }
  }
  flush()
  while (stack.length > 0) pop()

  const { chosen, bodySource } = chooseBody(blocks)
  if (bodySource !== 'article')
    messages.push(
      message(
        'parse',
        'html/no-article-element',
        'info',
        `no <article> element with text: body taken from ${bodySource === 'main' ? '<main>' : bodySource === 'paragraphs' ? 'the page’s <p> paragraphs' : 'all the page’s text'}`,
      ),
    )
  return {
    text: MappedText.join(chosen, '\n\n'),
    meta: pageMeta(meta, canonical, savedFrom, titleTag, h1),
    bodySource,
    messages,
  }
}

function readMeta(attrs: ReadonlyMap<string, Attr>, meta: Map<string, HtmlValue>): void {
  const key = (attrs.get('property') ?? attrs.get('name') ?? attrs.get('itemprop'))?.value
    .toLowerCase()
    .trim()
  const content = attrs.get('content')
  if (!key || !content || meta.has(key)) return
  const value = collapse(content.value)
  if (value) meta.set(key, { value, place: { start: content.start, end: content.end } })
}

function chooseBody(blocks: readonly Block[]): { chosen: MappedText[]; bodySource: BodySource } {
  const body = blocks.filter((b) => !b.headline)
  const words = (bs: readonly Block[]) => bs.reduce((s, b) => s + b.words, 0)
  const byArticle = new Map<number, Block[]>()
  for (const b of body)
    if (b.article >= 0) {
      const list = byArticle.get(b.article)
      if (list) list.push(b)
      else byArticle.set(b.article, [b])
    }
  let best: Block[] = []
  for (const list of byArticle.values()) if (words(list) > words(best)) best = list
  if (words(best) > 0) return { chosen: best.map((b) => b.text), bodySource: 'article' }
  const main = body.filter((b) => b.main)
  if (words(main) > 0) return { chosen: main.map((b) => b.text), bodySource: 'main' }
  const paragraphs = body.filter((b) => b.paragraph)
  if (words(paragraphs) > 0) return { chosen: paragraphs.map((b) => b.text), bodySource: 'paragraphs' }
  return { chosen: body.map((b) => b.text), bodySource: 'all-text' }
}

const httpUrl = (raw: string, base?: string): string | null => {
  try {
    const u = base ? new URL(raw, base) : new URL(raw)
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null
  } catch {
    return null
  }
}

function pageMeta(
  meta: ReadonlyMap<string, HtmlValue>,
  canonical: Attr | undefined,
  savedFrom: HtmlValue | undefined,
  titleTag: HtmlValue | undefined,
  h1: HtmlValue | undefined,
): HtmlMeta {
  const out: { -readonly [K in keyof HtmlMeta]: HtmlMeta[K] } = {}
  const title = meta.get('og:title') ?? meta.get('twitter:title') ?? meta.get('ld:headline') ?? h1 ?? titleTag
  if (title) out.title = title
  for (const k of PUBLISHED_KEYS) {
    const v = meta.get(k)
    if (v && /^\d{4}-\d{2}/.test(v.value)) {
      out.published = v
      break
    }
  }
  const ogUrl = meta.get('og:url')
  const og = ogUrl ? httpUrl(ogUrl.value) : null
  const saved = savedFrom ? httpUrl(savedFrom.value) : null
  // a relative canonical link is resolved against the page's own address, when the page gives one
  const canon = canonical ? httpUrl(canonical.value, og ?? saved ?? undefined) : null
  if (canonical && canon) out.url = { value: canon, place: { start: canonical.start, end: canonical.end } }
  else if (ogUrl && og) out.url = { value: og, place: ogUrl.place }
  else if (savedFrom && saved) out.url = { value: saved, place: savedFrom.place }
  const author =
    meta.get('author') ?? meta.get('article:author') ?? meta.get('dc.creator') ?? meta.get('ld:author')
  if (author && !httpUrl(author.value)) out.author = author
  const site = meta.get('og:site_name') ?? meta.get('application-name') ?? meta.get('ld:publisher')
  if (site) out.siteName = site
  return out
}
