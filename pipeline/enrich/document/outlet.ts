/**
 * The outlet of a document, from (in order of trust) the URL's domain, a `Publié le … | Outlet` line,
 * a link-preview teaser's `…, Outlet`, or an agency sign-off. Names are made canonical with the outlet
 * list; a name the list does not know is kept as written, except from a sign-off (where a bare code is
 * too ambiguous to be an outlet unless listed). A name shared by two listed outlets keeps its spelling
 * and gets no country.
 */
import type { Header } from '../../parse/structure.js'
import type { Outlet, OutletList } from '../../reference/outlets.js'
import { findDateline } from './dateline.js'
import { nameFromDomain, siteLabel, unwrapArchived } from './domain-name.js'
import { outletNamedInText } from './outlet-in-text.js'

export interface OutletInfo {
  readonly outlet: string | null
  readonly source: 'url' | 'domain' | 'header' | 'teaser' | 'dateline' | 'signoff' | 'text' | null
  readonly country: string | null
  readonly stateAffiliated: boolean | null
}

const NONE: OutletInfo = { outlet: null, source: null, country: null, stateAffiliated: null }

const fromListed = (o: Outlet, source: OutletInfo['source']): OutletInfo => ({
  outlet: o.name,
  source,
  country: o.country,
  stateAffiliated: o.state_affiliated,
})

function fromName(
  name: string,
  source: OutletInfo['source'],
  list: OutletList,
  keepUnknown: boolean,
): OutletInfo | null {
  const cleaned = name.replace(/^[\s|–—-]+|[\s|.–—-]+$/g, '')
  if (cleaned.length < 2 || cleaned.length > 80) return null
  const found = list.byName(cleaned)
  if (found.length === 1) return fromListed(found[0]!, source)
  if (found.length > 1) return { outlet: cleaned, source, country: null, stateAffiliated: null }
  return keepUnknown ? { outlet: cleaned, source, country: null, stateAffiliated: null } : null
}

export function hostOf(url: string): string | null {
  try {
    return new URL(unwrapArchived(url)).hostname || null
  } catch {
    return null
  }
}

/** A bare agency code in a dateline: `RJDH`, `AIB`. */
const ACRONYM = /^\p{Lu}{2,8}$/u

/**
 * An unlisted domain: a listed outlet whose name spells the site's label (`lorientlejour.com` →
 * `L’Orient-Le Jour`), else the name the text writes with those letters, else the domain itself.
 */
function fromDomain(host: string, list: OutletList, body: string): OutletInfo | null {
  const found = nameFromDomain(host, body)
  if (!found) return null
  const listed = list.byLabel(siteLabel(found.domain))
  if (listed.length === 1) return fromListed(listed[0]!, 'domain')
  return { outlet: found.name, source: 'domain', country: null, stateAffiliated: null }
}

export function resolveOutlet(header: Header, list: OutletList, body = ''): OutletInfo {
  const host = header.url ? hostOf(header.url.value) : null
  if (host) {
    const o = list.byDomain(host)
    if (o) return fromListed(o, 'url')
  }
  const line = header.publishedLine?.value.outlet
  if (line) {
    const r = fromName(line, 'header', list, true)
    if (r) return r
  }
  const teaser = header.teaser?.value.outlet
  if (teaser) {
    const r = fromName(teaser, 'teaser', list, true)
    if (r) return r
  }
  const rights = header.copyright?.value
  if (rights) {
    const r = fromName(rights, 'header', list, true)
    if (r) return r
  }
  if (host) {
    const r = fromDomain(host, list, body)
    if (r) return r
  }
  const dateline = findDateline(body)
  if (dateline) {
    // `(AFP)`, `(AFP/APA)`: the first listed agency; an unlisted one only as an acronym after a date
    // (`BANGUI, 31 juillet 2018 (RJDH)-`), where a parenthesis cannot be a place's qualifier
    for (const name of dateline.agencies) {
      const r = fromName(name, 'dateline', list, dateline.date !== null && ACRONYM.test(name))
      if (r) return r
    }
  }
  const agency = header.signoff?.value.agency
  if (agency) {
    const r = fromName(agency, 'signoff', list, false)
    if (r) return r
  }
  const named = outletNamedInText(body, list)
  if (named)
    return named.outlet
      ? fromListed(named.outlet, 'text')
      : { outlet: named.name, source: 'text', country: null, stateAffiliated: null }
  return NONE
}
