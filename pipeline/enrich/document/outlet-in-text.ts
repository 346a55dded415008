/**
 * The outlet an article names as its own, when neither its URL nor its header says: a credit line of
 * outlet names at the top (`AFP, Le Journal`), an interview given to it (`a déclaré à LE360`, `interrogé
 * par RFI`), a newsroom speaking of itself (`selon notre correspondant`) with one outlet named in the
 * text, or a page's logo (`La Gazette logo`). A source the article cites (`selon RFI`, `a rapporté
 * Reuters`) is not its publisher and is never taken; only outlets of the list count, except in a logo.
 */
import { nameKey, type Outlet, type OutletList } from '../../reference/outlets.js'

export interface NamedInText {
  readonly name: string
  readonly outlet: Outlet | null
  readonly how: 'credit' | 'interview' | 'newsroom' | 'logo'
}

interface Token {
  readonly start: number
  readonly end: number
  readonly key: string
}

const WORD = /[\p{L}\p{N}]+/gu
function tokenize(text: string): Token[] {
  const out: Token[] = []
  WORD.lastIndex = 0
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text))
    out.push({ start: m.index, end: m.index + m[0].length, key: nameKey(m[0]) })
  return out
}

/** Listed names by their first word, longest first, for lookups at a token. */
interface NameIndex {
  readonly byFirst: ReadonlyMap<string, readonly { words: readonly string[]; name: string }[]>
  readonly list: OutletList
}

const indexes = new WeakMap<OutletList, NameIndex>()
function indexOf(list: OutletList): NameIndex {
  const cached = indexes.get(list)
  if (cached) return cached
  const byFirst = new Map<string, { words: string[]; name: string }[]>()
  for (const o of list.all())
    for (const name of [o.name, ...o.aliases]) {
      const words = nameKey(name).split(' ').filter(Boolean)
      if (words.length === 0) continue
      const bucket = byFirst.get(words[0]!) ?? []
      bucket.push({ words, name })
      byFirst.set(words[0]!, bucket)
    }
  for (const b of byFirst.values()) b.sort((x, y) => y.words.length - x.words.length)
  const index = { byFirst, list }
  indexes.set(list, index)
  return index
}

/** The listed name that starts at token `i` and how many tokens it spans, as the text writes it. */
function nameAt(
  index: NameIndex,
  text: string,
  tokens: readonly Token[],
  i: number,
): { written: string; end: number } | null {
  const first = tokens[i]
  if (!first || !/^[\p{Lu}\p{N}]/u.test(text[first.start]!)) return null
  for (const cand of index.byFirst.get(first.key) ?? []) {
    const n = cand.words.length
    if (i + n > tokens.length) continue
    let ok = true
    for (let k = 1; k < n && ok; k++) {
      const gap = text.slice(tokens[i + k - 1]!.end, tokens[i + k]!.start)
      ok = tokens[i + k]!.key === cand.words[k] && /^[\s'’.-]{0,2}$/u.test(gap)
    }
    if (ok) return { written: text.slice(first.start, tokens[i + n - 1]!.end), end: i + n }
  }
  return null
}

const resolve = (list: OutletList, written: string): Outlet | null => {
  const found = list.byName(written)
  return found.length === 1 ? found[0]! : null
}

/** A short line at the top made only of listed outlet names: `AFP, Le Journal`, `Reuters / RFI`. */
function creditLine(index: NameIndex, body: string): NamedInText | null {
  const lines = body.split('\n', 12).filter((l) => l.trim().length > 0)
  for (const line of lines.slice(0, 6)) {
    if (line.length > 80) continue
    const parts = line.split(/\s*(?:[,/|&]|\bet\b|\bavec\b)\s*/u).filter((p) => p.trim().length > 0)
    if (parts.length < 2) continue
    const named = parts.map((p) => {
      const t = tokenize(p.trim())
      const at = nameAt(index, p.trim(), t, 0)
      return at && at.end === t.length ? at.written : null
    })
    if (named.some((n) => n === null)) continue
    const outlets = named.map((n) => ({ name: n!, outlet: resolve(index.list, n!) }))
    // the site, when one of the names is not an agency; else the first agency
    const site = outlets.find((o) => index.list.byName(o.name).every((x) => x.kind !== 'agency'))
    const pick = site ?? outlets[0]!
    return { name: pick.outlet?.name ?? pick.name, outlet: pick.outlet, how: 'credit' }
  }
  return null
}

/** `a déclaré à LE360`, `a confié au Monde`, `interrogé par RFI`, `dans un entretien accordé à TV5Monde`. */
const INTERVIEW =
  /\b(?:a|ont|avait|avaient)\s+(?:déclaré|confié|indiqué|expliqué|affirmé|précisé|raconté|assuré|dit|annoncé|souligné)\s+(?:à\s+l['’]|à\s+|au\s+)$|\b(?:interrogée?s?|jointe?s?|contactée?s?|sollicitée?s?)\s+par\s+(?:l['’]|le\s+)?$|\bentretien\s+(?:exclusif\s+)?(?:accordé\s+)?(?:à\s+l['’]|à\s+|au\s+)$/iu
/** A newsroom speaking of itself. */
const NEWSROOM =
  /\b(?:notre\s+(?:correspondante?|envoyée?\s+spéciale?|rédaction|journal|reporter|journaliste)|nos\s+(?:correspondants|envoyés\s+spéciaux|journalistes|reporters))\b/iu
/** A source named as someone else's (`nos confrères de`, `selon`): never the publisher. */
const CITED_BEFORE =
  /\b(?:confrères|consœurs|selon|d['’]après|cité\s+par|citée\s+par|rapporté\s+par|relayé\s+par|rapporte|rapportent|écrit|écrivait|révèle|révélé|indique|affirme|annonce|publié\s+par|diffusé\s+par)\s+(?:de\s+|du\s+|d['’])?(?:l['’]|le\s+|la\s+|les\s+)?$/iu

function interview(index: NameIndex, text: string, tokens: readonly Token[]): NamedInText | null {
  for (let i = 0; i < tokens.length; i++) {
    const at = nameAt(index, text, tokens, i)
    if (!at) continue
    const before = text.slice(Math.max(0, tokens[i]!.start - 60), tokens[i]!.start)
    if (INTERVIEW.test(before) && !CITED_BEFORE.test(before)) {
      const outlet = resolve(index.list, at.written)
      return { name: outlet?.name ?? at.written, outlet, how: 'interview' }
    }
    i = at.end - 1
  }
  return null
}

/** With a newsroom's `notre correspondant`, the one outlet of the list the text names, if only one. */
function newsroom(index: NameIndex, text: string, tokens: readonly Token[]): NamedInText | null {
  if (!NEWSROOM.test(text)) return null
  const seen = new Map<string, string>()
  for (let i = 0; i < tokens.length; i++) {
    const at = nameAt(index, text, tokens, i)
    if (!at) continue
    const before = text.slice(Math.max(0, tokens[i]!.start - 30), tokens[i]!.start)
    const outlets = index.list.byName(at.written)
    // an agency's dispatch is cited by the newsroom; a name in the same case as the list's
    const exact = outlets.some((o) =>
      [o.name, ...o.aliases].some((n) => n.replace(/’/g, "'") === at.written.replace(/’/g, "'")),
    )
    if (exact && !CITED_BEFORE.test(before) && outlets.every((o) => o.kind !== 'agency'))
      seen.set(outlets.length === 1 ? outlets[0]!.name : at.written, at.written)
    i = at.end - 1
  }
  if (seen.size !== 1) return null
  const [name] = [...seen.keys()]
  const outlet = resolve(index.list, name!)
  return { name: name!, outlet, how: 'newsroom' }
}

/** Image alt texts of sharing buttons and stores, not the site's own logo. */
const NOT_SITE_LOGOS = new Set(
  'facebook twitter x instagram linkedin youtube whatsapp telegram tiktok google apple android email e mail rss pinterest snapchat messenger flipboard app store google play'.split(
    ' ',
  ),
)

/** `La Gazette logo`: a page's logo copied with the text. */
function logo(body: string): NamedInText | null {
  for (const line of body.split('\n')) {
    const m = /^\s*(\p{Lu}[\p{L}\p{N}'’. -]{1,40}?)\s+(?:logo|Logo|LOGO)\s*$/u.exec(line)
    if (!m) continue
    const words = nameKey(m[1]!).split(' ')
    if (words.some((w) => NOT_SITE_LOGOS.has(w))) continue
    return { name: m[1]!.trim(), outlet: null, how: 'logo' }
  }
  return null
}

export function outletNamedInText(body: string, list: OutletList): NamedInText | null {
  const index = indexOf(list)
  const credit = creditLine(index, body)
  if (credit) return credit
  const tokens = tokenize(body)
  return interview(index, body, tokens) ?? newsroom(index, body, tokens) ?? logo(body)
}
