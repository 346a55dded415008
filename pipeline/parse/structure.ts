/**
 * Splits a normalised input into header material and body blocks, recognising what copy-pasted
 * articles carry: a ` date YYYY-MM` prefix, URL lines, `Publié le … | Outlet` lines, a headline
 * repeated twice, link-preview teasers ending in `… dd.mm.yyyy, Outlet`, photo credits and their
 * captions, `Lire aussi` lines, by-lines, author lines and agency sign-offs (`MD/ac/APA`).
 *
 * Nothing here depends on a particular outlet: each form is a shape of line, and what it yields
 * (outlet names, dates) is interpreted later against reference data.
 */
import { type ParsedDate, parseAbsoluteDate } from '../dates/parse-absolute.js'
import { type Message, message, type Span } from '../types.js'
import { MappedText } from '../util/mapped-text.js'
import { readDatedHeadline, readDateLine } from './header-lines.js'

export interface Found<T> {
  readonly value: T
  /** Where it was found, in the normalised input (UTF-16 units). */
  readonly place: Span
}

export interface Header {
  readonly datePrefix?: Found<ParsedDate>
  readonly url?: Found<string>
  readonly publishedLine?: Found<{ date: ParsedDate | null; outlet: string | null }>
  readonly teaser?: Found<{ date: ParsedDate | null; outlet: string | null }>
  readonly title?: Found<{ text: string; how: 'repeated' | 'published-line' | 'standalone' | 'html' }>
  readonly byline?: Found<string>
  readonly signoff?: Found<{ initials: string | null; agency: string }>
  /** `© 2024 Koaci.com. Tous droits réservés`: the site's own name, from its rights notice. */
  readonly copyright?: Found<string>
  /** `Mis à jour le 17 février 2022 à 16:59`: a bound on the publication date, used when nothing else dates it. */
  readonly updated?: Found<ParsedDate>
}

export interface Structured {
  readonly header: Header
  /** Body paragraphs, in order, each traced to the input. */
  readonly blocks: readonly MappedText[]
  readonly messages: readonly Message[]
}

const DATE_PREFIX = /^\s*date\s*:?\s*(\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?)(?=\s|$)[ \t]*/i
const URL_LINE = /^(?:(?:source|url|lien)\s*:\s*)?<?(https?:\/\/[^\s<>"]+)>?$/i
/**
 * `<headline> Publié le <date> | <Outlet>`. Read in three linear steps rather than one pattern: the
 * single pattern `^(.*?)[\s|–—-]*\bPublié…` backtracked quadratically on a long run of dashes or
 * spaces not followed by the keyword (a 20,000-dash line took a second).
 */
const PUBLISHED_KEY = /\b(?:Publié|Mis en ligne|Paru)\s+le\s*:?\s*/iu
/** The outlet after the date: a separator, then 2–80 characters without `|` up to the end. */
const PUBLISHED_TAIL = /\s*[|–—]\s*([^|]{2,80})$/uy
const isSeparator = (c: string) => /[\s|–—-]/u.test(c)
const UPDATED = /^(?:mis à jour|modifié|actualisé)\s+le\b\s*:?\s*/iu
/** What may follow a header's date on its line: a time, an update stamp, nothing else. */
const DATE_TRAILER =
  /(?:[\s,–—-]*(?:(?:à|a|-)\s*)?\d{1,2}\s*(?:h|:)\s*(?:\d{2})?(?:\s*(?:min|GMT|UTC|heures?))?)?(?:[\s,–—|-]*\(?(?:mis à jour|modifié|actualisé)\b.*)?\s*$/iu
/** A header line is short: a headline, a date, an outlet (a long line is a paragraph). */
const HEADER_MAX_WORDS = 40
/** Words of the date itself (`mardi 24 septembre 2024`), once its time and update stamp are set aside. */
const DATE_MAX_WORDS = 5

/**
 * The date of a header line, or null when the text after the keyword runs on as a sentence
 * (`publié le 12 mai 2023 par le ministère, le rapport…`): a sentence is body, never a header.
 */
export function headerDate(dateText: string): ParsedDate | null {
  const t = dateText.trim()
  if (t.length > 160) return null // a date, a time and an update stamp are short
  const m = DATE_TRAILER.exec(t)
  const date = (m ? t.slice(0, m.index) : t).trim().replace(/[,.]$/u, '')
  if (words(date) > DATE_MAX_WORDS) return null
  return parseAbsoluteDate(date)
}
const TEASER = /(?:\.\.\.|…)\s*(\d{1,2}[./]\d{1,2}[./]\d{4}),\s*([^,.…]{2,60})$/u
/** A site's rights notice: `© 2024 Jeune Afrique. Tous droits réservés`, `Copyright © Koaci.com - All rights reserved`. */
const COPYRIGHT =
  /^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(\p{Lu}[^\n]{1,60}?)\s*[.,|–—-]?\s*(?:tous droits réservés|all rights reserved)\.?$/iu
const CREDIT = /^(?:©|\(c\)\s|crédits?\s*(?:photo)?\s*:|photo\s*:|source photo|illustration\s*:)/iu
const READ_ALSO = /^(?:à |a )?lire (?:aussi|également)\b|^voir aussi\s*:/iu
/** `Par Jean Dupont`, `Propos recueillis par …`, `By …`, `Auteur : …`, with a role or a date after a dash or comma. */
const BYLINE =
  /^(?:[Pp]ar|PAR|By|Auteur\s*:|[ÉE]crit par|[Rr]édigé par|[Pp]ropos recueillis par)\s+(\p{Lu}[\p{L}.'’-]*(?:\s+(?:de\s+|du\s+|d[’'])?\p{Lu}[\p{L}.'’-]*){0,4})(?:\s*[,–—-]\s*.{0,60})?$/u
/** `Jean Dupont, envoyé spécial à Bamako`: a name, then the writer's role. */
const BYLINE_ROLE =
  /^(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){1,3})\s*,\s*(?:not(?:re)?\s+)?(?:envoyée?s?\s+spéciale?s?|correspondante?|journaliste|rédact(?:eur|rice)|reporter)\b.{0,60}$/u
/**
 * A photo caption: people placed in the picture (`(G)`, `(à droite)`) or a credit at its end (`… - AFP`,
 * `… / DR`, `(Photo d'illustration)`). Never a headline.
 */
const CAPTION =
  /\((?:G|D|C|à gauche|à droite|au centre|de g(?:\.|auche) à d(?:\.|roite))\)|(?:[/©|–—-]\s*(?:AFP|Reuters|AP|DR|EPA|Getty Images|Anadolu|Xinhua|Sputnik|Shutterstock|iStock|Archives?)(?:\s*\/\s*[\p{L} .'’-]{1,40})?|\((?:[Pp]hoto[^)]{0,60}|[Ii]llustration|[Aa]rchives?)\))\s*$/u
/** `MD/ac/APA`, `(AFP)`, `avec AFP`, `JD/APA`: initials and an agency at the foot of a dispatch. */
const SIGNOFF = /^\(?(?:avec\s+(?:l['’])?)?((?:[\p{L}]{1,6}\s*\/\s*){0,4})(\p{Lu}[\p{L}]{1,7})\)?\.?$/u
/** A signature alone on the last line: `M.SaNGaRé`, `Jean Dupont`, `A. Diallo`. */
const AUTHOR_LINE =
  /^(?:(?:\p{Lu}{1,3}\.\s?)?\p{Lu}[\p{L}’'-]+|\p{Lu}\.\s?\p{Lu}[\p{L}’'-]+)(?:\s+\p{Lu}[\p{L}’'-]+){0,2}$/u

/** Lines of a page's frame copied after an article: newsletter and sharing prompts, logos, tags. */
const FURNITURE =
  /^(?:newsletter|inscrivez-vous\b.*|abonnez-vous\b.*|partager\b.*|partagez\b.*|suivez-nous\b.*|commentaires?|publicité|lire la suite|tags?\s*:.*|mots-clés\s*:.*|.{1,40}\slogo)$/iu

const TERMINAL = /[.!?…:;»"”)\]]$/u
const words = (s: string) => s.split(/\s+/).filter(Boolean).length

interface Line {
  t: MappedText
  /** Start in the input (UTF-16), for provenance of header fields. */
  readonly start: number
  readonly end: number
  /** Blank lines before this one in the input. */
  readonly gapBefore: boolean
}

const place = (l: Line): Span => ({ start: l.start, end: l.end })
/** Where part of a line stands in the input. */
const span = (l: Line, from: number, to: number): Span => l.t.origin(from, to)
const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()

function splitLines(t: MappedText): Line[] {
  const out: Line[] = []
  let pos = 0
  let gap = false
  while (pos <= t.length) {
    let nl = t.text.indexOf('\n', pos)
    if (nl < 0) nl = t.length
    const piece = t.text.slice(pos, nl)
    if (piece.trim().length === 0) gap = true
    else {
      const lead = piece.length - piece.trimStart().length
      const trail = piece.length - piece.trimEnd().length
      const s = pos + lead
      const e = nl - trail
      out.push({ t: t.slice(s, e), start: t.origin(s, e).start, end: t.origin(s, e).end, gapBefore: gap })
      gap = false
    }
    pos = nl + 1
  }
  return out
}

/**
 * Lines broken inside a sentence (by a hard wrap or a stray blank line) are joined when the first does
 * not end a sentence and the next starts in lower case: `renforçant` / `ainsi les liens`.
 */
function joinWrapped(lines: Line[]): Line[] {
  // groups of lines are collected first and joined once: joining line by line copied the growing
  // paragraph each time (quadratic on a hard-wrapped 8 MB text); word counts add up across the join
  const groups: { first: Line; last: Line; parts: MappedText[]; words: number }[] = []
  for (const l of lines) {
    const prev = groups.at(-1)
    // a lower-case run glued to a capital (`imgUn double attentat…`) is page debris before a new paragraph
    const continues = /^\p{Ll}/u.test(l.t.text) && !/^\p{Ll}+\p{Lu}/u.test(l.t.text)
    if (prev && !TERMINAL.test(prev.last.t.text) && continues && prev.words >= 4) {
      prev.parts.push(l.t)
      prev.last = l
      prev.words += words(l.t.text)
    } else groups.push({ first: l, last: l, parts: [l.t], words: words(l.t.text) })
  }
  return groups.map((g) =>
    g.parts.length === 1 ? { ...g.first } : { ...g.first, t: MappedText.join(g.parts, ' '), end: g.last.end },
  )
}

/**
 * What stands before `Publié le` on a header line: nothing, a headline, or an outlet and a separator. A
 * lower-case `publié le` after a comma or a word (`L'accord, publié le…`) is inside a sentence.
 */
function headerLike(before: string): boolean {
  const b = before.trimEnd()
  return b.length === 0 || !/[,;(]$/u.test(b)
}

/** `[headline, date text, outlet?]` of a `… Publié le <date> | <Outlet>` line, as the old single pattern read it. */
export function matchPublished(s: string): [string, string, string | undefined] | null {
  const key = PUBLISHED_KEY.exec(s)
  if (!key) return null
  let cut = key.index
  while (cut > 0 && isSeparator(s[cut - 1]!)) cut--
  const rest = s.slice(key.index + key[0].length)
  if (rest.length === 0) return null
  // the date is the shortest non-empty text after which a separator and an outlet end the line
  for (let k = 1; k < rest.length; k++) {
    const c = rest[k]!
    if (c !== '|' && c !== '–' && c !== '—' && !/\s/u.test(c)) continue
    PUBLISHED_TAIL.lastIndex = k
    const tail = PUBLISHED_TAIL.exec(rest)
    if (tail) return [s.slice(0, cut), rest.slice(0, k), tail[1]!]
  }
  return [s.slice(0, cut), rest, undefined]
}

/**
 * `known` holds header fields already read elsewhere (an HTML page's meta tags): they win over what the
 * lines say, and the header lines themselves are still recognised and removed from the body.
 */
export function structure(input: MappedText, known: Header = {}): Structured {
  const messages: Message[] = []
  const header: {
    -readonly [K in keyof Header]: Header[K]
  } = { ...known }
  let text = input
  const pre = DATE_PREFIX.exec(text.text)
  if (pre) {
    const date = parseIsoLoose(pre[1]!)
    const o = text.origin(pre.index, pre.index + pre[0].length)
    if (date) header.datePrefix = { value: date, place: o }
    else
      messages.push(
        message('parse', 'header/bad-date-prefix', 'warning', `unreadable date prefix "${pre[1]}"`, o),
      )
    text = text.slice(pre[0].length, text.length)
  }
  let lines = joinWrapped(splitLines(text))
  const drop = new Set<number>()
  /** Lines recognised as non-headline material that stays in the body (captions, teasers). */
  const keep = new Set<number>()

  let publishedSeen = false
  lines.forEach((l, i) => {
    const s = l.t.text
    const url = URL_LINE.exec(s)
    const pub = !publishedSeen && i < 6 && words(s) <= HEADER_MAX_WORDS ? matchPublished(s) : null
    const pubDate = pub && headerLike(pub[0]) ? headerDate(pub[1]) : null
    const teaser = TEASER.exec(s)
    if (url) {
      if (!header.url) header.url = { value: url[1]!, place: place(l) }
      drop.add(i)
    } else if (pub && pubDate) {
      publishedSeen = true
      if (!header.publishedLine)
        header.publishedLine = { value: { date: pubDate, outlet: pub[2]?.trim() || null }, place: place(l) }
      const before = pub[0].trim()
      if (words(before) >= 2 && !header.title)
        header.title = { value: { text: before, how: 'published-line' }, place: place(l) }
      drop.add(i)
    } else if (UPDATED.test(s) && words(s) < 15 && headerDate(s.replace(UPDATED, '')) !== null) {
      if (!header.updated) header.updated = { value: headerDate(s.replace(UPDATED, ''))!, place: place(l) }
      drop.add(i)
    } else if (i < 8 && !header.publishedLine && readDateLine(s)) {
      // `Lundi 31 Janvier 2022`, `- 17 septembre 2015 --`, or `13 mars 2016La station…` glued to the body
      const d = readDateLine(s)!
      const cut = d.bodyAt ?? l.t.length
      header.publishedLine = { value: { date: d.date, outlet: null }, place: span(l, 0, cut) }
      if (d.bodyAt === null) drop.add(i)
      else l.t = l.t.slice(d.bodyAt, l.t.length)
    } else if (i < 3 && !header.title && readDatedHeadline(s)) {
      // `<headline> Par <Name> <date> [time] <body…>`: a headline sharing its line with what follows it
      const h = readDatedHeadline(s)!
      const cut = h.bodyAt ?? l.t.length
      header.title = { value: { text: h.title, how: 'published-line' }, place: span(l, 0, cut) }
      if (h.author && !header.byline) header.byline = { value: h.author, place: span(l, 0, cut) }
      if (!header.publishedLine)
        header.publishedLine = { value: { date: h.date, outlet: null }, place: span(l, 0, cut) }
      if (h.bodyAt === null) drop.add(i)
      else l.t = l.t.slice(h.bodyAt, l.t.length)
    } else if (teaser && words(s) < 80) {
      // the lead of the article as a link preview: its date and outlet are header facts, its words are
      // the article's own (they can hold quotes), so the line stays in the body
      if (!header.teaser)
        header.teaser = {
          value: { date: parseAbsoluteDate(teaser[1]!), outlet: teaser[2]!.trim() },
          place: place(l),
        }
      keep.add(i)
    } else if (COPYRIGHT.test(s) && words(s) <= 20) {
      if (!header.copyright) header.copyright = { value: COPYRIGHT.exec(s)![1]!.trim(), place: place(l) }
      drop.add(i)
    } else if (CREDIT.test(s) && words(s) <= 20) {
      drop.add(i)
      // a caption stands next to its credit: a short line that does not end a sentence. It names who
      // is in the picture, so it stays in the body, but it is never taken for a headline
      for (const j of [i - 1, i + 1]) {
        const c = lines[j]
        const short = c && !drop.has(j) && words(c.t.text) <= 14 && !TERMINAL.test(c.t.text)
        if (c && short && !(j === 0 && !header.title)) {
          keep.add(j)
          messages.push(
            message('parse', 'structure/caption', 'info', `photo caption: "${c.t.text}"`, place(c)),
          )
        }
      }
      messages.push(message('parse', 'structure/credit', 'info', `photo credit removed: "${s}"`, place(l)))
    } else if (READ_ALSO.test(s) && words(s) < 40) {
      drop.add(i)
      messages.push(message('parse', 'structure/read-also', 'info', `"read also" link removed`, place(l)))
    }
  })
  // a headline repeated twice in a row (a page's title and its h1)
  for (let i = 0; i + 1 < lines.length && i < 8; i++) {
    if (drop.has(i)) continue
    const j = nextKept(lines, drop, i)
    if (j < 0) break
    const a = lines[i]!.t.text
    // a headline is short: a long paragraph is not normalised to be compared
    const n = words(a)
    if (n >= 2 && n <= 40 && norm(a) === norm(lines[j]!.t.text)) {
      if (!header.title) header.title = { value: { text: a, how: 'repeated' }, place: place(lines[i]!) }
      drop.add(i)
      drop.add(j)
      break
    }
  }
  // by-line near the top
  for (let i = 0; i < Math.min(lines.length, 6); i++) {
    if (drop.has(i)) continue
    const m = BYLINE.exec(lines[i]!.t.text) ?? BYLINE_ROLE.exec(lines[i]!.t.text)
    if (m) {
      header.byline = { value: m[1]!, place: place(lines[i]!) }
      // `Par Jean Dupont - 12 mars 2024 à 10h30`: the date of the by-line
      const tail = lines[i]!.t.text.slice(m.index + m[0].indexOf(m[1]!) + m[1]!.length)
      const dated = readDateLine(tail.replace(/^\s*[,–—-]\s*/u, ''))
      if (dated && !header.publishedLine && dated.bodyAt === null)
        header.publishedLine = { value: { date: dated.date, outlet: null }, place: place(lines[i]!) }
      drop.add(i)
      break
    }
  }
  // the foot: an agency sign-off and/or a signature, last lines first
  for (let k = 0, i = lines.length - 1; i >= 0 && k < 2; i--) {
    if (drop.has(i)) continue
    // page furniture copied after the signature (`Newsletter`, `La Gazette logo`) is passed over
    if (FURNITURE.test(lines[i]!.t.text) && words(lines[i]!.t.text) <= 8) continue
    k++
    const s = lines[i]!.t.text
    const sig = SIGNOFF.exec(s)
    if (sig && !header.signoff && (sig[1] || /^\(|^avec/i.test(s) || /^\p{Lu}{2,8}$/u.test(s))) {
      const initials = sig[1] ? sig[1].replace(/\s*\/\s*$/, '').replace(/\s+/g, '') : null
      header.signoff = { value: { initials, agency: sig[2]! }, place: place(lines[i]!) }
      drop.add(i)
      continue
    }
    if (!header.byline && AUTHOR_LINE.test(s) && words(s) <= 4 && i > 0) {
      header.byline = { value: s, place: place(lines[i]!) }
      drop.add(i)
    }
    break
  }
  const flagged = lines.map((l, i) => ({ l, i })).filter(({ i }) => !drop.has(i))
  lines = flagged.map(({ l }) => l)
  // a headline standing alone among the first two paragraphs
  if (!header.title) {
    for (let i = 0; i < Math.min(lines.length - 1, 2); i++) {
      if (keep.has(flagged[i]!.i)) continue
      const s = lines[i]!.t.text
      const n = words(s)
      if (CAPTION.test(s)) continue
      if (n >= 5 && n <= 25 && /^[\p{Lu}«"“]/u.test(s) && !/[.,;:]$/u.test(s) && !/[«"“]$/u.test(s)) {
        header.title = { value: { text: s, how: 'standalone' }, place: place(lines[i]!) }
        lines.splice(i, 1)
        flagged.splice(i, 1)
        break
      }
    }
  }
  return { header, blocks: lines.map((l) => l.t), messages }
}

function nextKept(lines: Line[], drop: Set<number>, i: number): number {
  for (let j = i + 1; j < lines.length; j++) if (!drop.has(j)) return j
  return -1
}

function parseIsoLoose(s: string): ParsedDate | null {
  const [y, m, d] = s.split('-').map(Number)
  if (y === undefined) return null
  if (m === undefined) return { year: y }
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}${d === undefined ? '' : `-${String(d).padStart(2, '0')}`}`
  const p = parseAbsoluteDate(d === undefined ? `${iso}-01` : iso)
  if (!p) return null
  return d === undefined ? { year: y, month: m } : p
}
