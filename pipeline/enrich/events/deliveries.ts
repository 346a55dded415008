/**
 * What a delivery carried and how much: a quantity before one of the `things` of
 * `reference/events/materiel.json` (`quatre hélicoptères`), before a unit and what follows it
 * (`25.000 tonnes de blé`), or before an equipment mention (`deux Mi-171`). The quantity after the
 * trigger is preferred (`a livré … quatre hélicoptères`), else the nearest before it.
 */
import type { Qualifier } from './quantities.js'
import { quantitiesIn } from './quantities.js'
import { materielData } from './reference.js'
import type { Token } from './tokens.js'

export interface Delivered {
  readonly quantity: number | null
  readonly qualifier: Qualifier
  readonly unit: string | null
  readonly what: string | null
}

export function deliveredAt(
  tokens: readonly Token[],
  triggerFirst: number,
  equipmentStarts: readonly number[],
): Delivered | null {
  const data = materielData()
  const found: { at: number; d: Delivered }[] = []
  for (const q of quantitiesIn(tokens)) {
    let j = q.next
    const t = tokens[j]
    let unit: string | null = null
    let what: string | null = null
    if (t && data.units.includes(t.norm)) {
      unit = t.norm
      j++
      if (tokens[j]?.norm === 'de' || tokens[j]?.norm === "d'") j++
      const w = tokens[j]
      what = w?.kind === 'word' ? w.norm : null
    } else if (t && (t.norm === 'de' || t.norm === "d'") && data.things.includes(tokens[j + 1]?.norm ?? '')) {
      what = tokens[j + 1]!.norm // `des centaines d'hommes`
    } else if (t && data.things.includes(t.norm)) {
      what = t.norm
    } else {
      const near = tokens.slice(j, j + 3)
      const eq = near.find((n) => equipmentStarts.includes(n.start))
      if (!eq) continue
      what = eq.text
    }
    found.push({ at: q.first, d: { quantity: q.value, qualifier: q.qualifier, unit, what } })
  }
  const after = found.find((f) => f.at >= triggerFirst)
  if (after) return after.d
  const before = found.filter((f) => f.at < triggerFirst)
  return before[before.length - 1]?.d ?? null
}
