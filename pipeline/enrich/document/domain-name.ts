/**
 * A site's name from its web domain, for the domains the outlet list does not know: the registrable
 * domain (`www.lorientlejour.com` → `lorientlejour.com`, `lepatriote.com.ht` kept whole), written the
 * way the article itself writes it when the text spells the same letters as a name (`RJDH` for
 * `rjdh.org`, `L'Orient-Le Jour` for `lorientlejour.com`), else the registrable domain as it stands.
 * Hosts that only carry or point to other sites (archives, link shorteners, social networks, search
 * engines) give no outlet.
 */

/** Second-level labels under a two-letter country code that are not the site's own: `com.ht`, `co.uk`. */
const GENERIC_SLD = new Set(['com', 'co', 'net', 'org', 'gov', 'gouv', 'ac', 'edu', 'info', 'or', 'ne', 'go'])

/**
 * Hosts that are not publishers. Source: the archive, sharing and search services a copied URL most
 * often points to; extend as found.
 */
const NOT_OUTLETS = new Set([
  'archive.org',
  'archive.ph',
  'archive.today',
  'archive.is',
  'bit.ly',
  't.co',
  'tinyurl.com',
  'ow.ly',
  'facebook.com',
  'fb.com',
  'twitter.com',
  'x.com',
  'instagram.com',
  'linkedin.com',
  'youtube.com',
  'youtu.be',
  'tiktok.com',
  'telegram.org',
  't.me',
  'whatsapp.com',
  'google.com',
  'bing.com',
  'yahoo.com',
  'msn.com',
  'flipboard.com',
  'pressreader.com',
  'europresse.com',
])

/** `web.archive.org/web/2020…/https://www.lemonde.fr/…` → the archived URL; other URLs as they are. */
export function unwrapArchived(url: string): string {
  const inner = /^https?:\/\/(?:web\.)?archive\.(?:org|ph|today|is)\/(?:web\/)?[^/]*\/(https?:\/\/.+)$/i.exec(
    url,
  )
  return inner ? inner[1]! : url
}

/** `www.fr.le360.ma` → `le360.ma`; `lepatriote.com.ht` → `lepatriote.com.ht`; null for a bare name. */
export function registrableDomain(host: string): string | null {
  const labels = host.toLowerCase().replace(/\.$/, '').split('.').filter(Boolean)
  if (labels.length < 2 || labels.every((l) => /^\d+$/.test(l))) return null
  const tld = labels.at(-1)!
  const sld = labels.at(-2)!
  const n = labels.length >= 3 && tld.length === 2 && GENERIC_SLD.has(sld) ? 3 : 2
  return labels.slice(-n).join('.')
}

const squash = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '')

/** The site's own label: `lorientlejour` for `lorientlejour.com`, squashed (`sahel-intelligence` → `sahelintelligence`). */
export const siteLabel = (domain: string): string => squash(domain.slice(0, domain.indexOf('.')))

const WORD = /[\p{L}\p{N}]+/gu
/** What may join the words of a name spelled out: a space, an apostrophe, a hyphen, a dot. */
const JOINER = /^[\s'’.-]{0,2}$/u
const MAX_WORDS = 6

/**
 * The first place where the text writes `label`'s letters as a name of up to six words joined by
 * spaces, apostrophes, hyphens or dots, starting with a capital or a digit and not all in lower case.
 */
export function renderingInText(label: string, text: string): string | null {
  if (label.length < 2) return null
  const tokens: { start: number; end: number; key: string | null }[] = []
  WORD.lastIndex = 0
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text))
    tokens.push({ start: m.index, end: m.index + m[0].length, key: null })
  // a word's key is computed when needed: most words cannot begin the label (first letter test)
  const keyOf = (t: { start: number; end: number; key: string | null }): string =>
    (t.key ??= squash(text.slice(t.start, t.end)))
  const first = label.charCodeAt(0)
  for (let i = 0; i < tokens.length; i++) {
    const c = text.charCodeAt(tokens[i]!.start)
    // an ASCII letter or digit stays the key's first character, in lower case
    if (c < 0x80 && (c >= 0x41 && c <= 0x5a ? c + 0x20 : c) !== first) continue
    if (!label.startsWith(keyOf(tokens[i]!))) continue
    let key = ''
    for (let j = i; j < tokens.length && j < i + MAX_WORDS; j++) {
      if (j > i && !JOINER.test(text.slice(tokens[j - 1]!.end, tokens[j]!.start))) break
      key += keyOf(tokens[j]!)
      if (!label.startsWith(key)) break
      if (key.length < label.length) continue
      const written = text.slice(tokens[i]!.start, tokens[j]!.end)
      // inside a URL or an address the letters are the domain again, not a name
      const before = text[tokens[i]!.start - 1] ?? ''
      const after = text[tokens[j]!.end] ?? ''
      const inAddress =
        /[/@.]/.test(before) || (after === '.' && /\p{L}/u.test(text[tokens[j]!.end + 1] ?? ''))
      if (!inAddress && /^[\p{Lu}\p{N}]/u.test(written) && written !== written.toLowerCase()) return written
      break
    }
  }
  return null
}

/** The name an unlisted site goes by, from its host and the article's text; null for non-publishers. */
export function nameFromDomain(host: string, text: string): { name: string; domain: string } | null {
  const domain = registrableDomain(host)
  if (!domain || NOT_OUTLETS.has(domain)) return null
  const written = renderingInText(siteLabel(domain), text)
  return { name: written ?? domain, domain }
}
