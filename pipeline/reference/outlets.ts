/** The outlet list (`reference/outlets.json`): lookup by web domain and by name or alias. */
import { readFileSync } from 'node:fs'
import { nameKey } from '../util/name-key.js'
import { repoFile } from '../util/paths.js'

export interface Outlet {
  readonly name: string
  readonly aliases: readonly string[]
  readonly domains: readonly string[]
  readonly country: string | null
  readonly state_affiliated: boolean | null
  readonly kind: 'agency' | 'newspaper' | 'magazine' | 'broadcaster' | 'online' | 'aggregator'
}

export interface OutletList {
  readonly version: string
  byDomain(host: string): Outlet | undefined
  /** All outlets whose name or an alias is `name` (accents, case and punctuation ignored). */
  byName(name: string): readonly Outlet[]
  /** All outlets whose name or an alias, with spaces and punctuation removed, is `label` (`lorientlejour`). */
  byLabel(label: string): readonly Outlet[]
  all(): readonly Outlet[]
}

const squashed = (name: string): string => nameKey(name).replace(/ /g, '')

export { nameKey }

export function outletList(data: { version: string; outlets: Outlet[] }): OutletList {
  const domains = new Map<string, Outlet>()
  const names = new Map<string, Outlet[]>()
  const labels = new Map<string, Outlet[]>()
  for (const o of data.outlets) {
    for (const d of o.domains) domains.set(d.toLowerCase(), o)
    for (const n of new Set([o.name, ...o.aliases].map(nameKey))) {
      const list = names.get(n) ?? []
      list.push(o)
      names.set(n, list)
    }
    for (const n of new Set([o.name, ...o.aliases].map(squashed))) {
      const list = labels.get(n) ?? []
      list.push(o)
      labels.set(n, list)
    }
  }
  return {
    version: data.version,
    byDomain(host) {
      let h = host.toLowerCase().replace(/^www\d?\./, '')
      // fr.sputniknews.com, then sputniknews.com
      while (h.includes('.')) {
        const o = domains.get(h)
        if (o) return o
        h = h.slice(h.indexOf('.') + 1)
      }
      return undefined
    },
    byName: (name) => names.get(nameKey(name)) ?? [],
    byLabel: (label) => labels.get(squashed(label)) ?? [],
    all: () => data.outlets,
  }
}

let cached: OutletList | undefined
export function defaultOutlets(): OutletList {
  cached ??= outletList(JSON.parse(readFileSync(repoFile('pipeline/reference/outlets.json'), 'utf8')))
  return cached
}
