import { findEntities } from '../../../pipeline/enrich/entities/index.js'

export const run = (text: string) => findEntities(text)

/** Canonical names of the entities of one type found in `text`, sorted. */
export function names(text: string, type: string): string[] {
  return run(text)
    .entities.filter((e) => e.type === type)
    .map((e) => e.name)
    .sort()
}

/** The entity each mention links to, as `surface → name (method)`. */
export function links(text: string): string[] {
  const r = run(text)
  const byId = new Map(r.entities.map((e) => [e.entity_id, e]))
  return r.mentions.map((m) => `${m.surface} → ${byId.get(m.entity_id)?.name} (${m.method})`)
}

export function countryCodes(text: string): string[] {
  return [
    ...new Set(
      run(text)
        .entities.filter((e) => e.type === 'country')
        .map((e) => e.country_code),
    ),
  ].sort() as string[]
}
