/**
 * Places the gazetteer does not know, named after a word that only ever introduces a place: `la
 * localité de Pont-Sondé`, `en périphérie de Baraachit`, `le village de Kazaroho`. Each is a `place`
 * entity named by its capitalised words (no country, no coordinates: nothing certain is known of it).
 * The words are data (`roles.json` `place_heads`); a name inside a named entity's mention is that
 * entity.
 */
import { entityDraft } from '../entities/gazetteer.js'
import type { MentionDraft } from '../extract.js'
import type { GroupMention } from './groups.js'
import { roleData } from './reference.js'
import type { Token } from './tokens.js'

/** Confidence of a place read from the word that introduces it. */
export const PLACE_CONFIDENCE = 0.6
/** At most this many tokens in a name (`Aïta el-Chaab`, `Village-de-Dieu`). */
const MAX_NAME_TOKENS = 4
const FROM: ReadonlySet<string> = new Set(['de', "d'"])
/** Lower-case words a place name may hold between capitalised ones (`Aïta el Chaab`). */
const PARTICLES: ReadonlySet<string> = new Set(['el', 'al', 'de', 'du', 'des', 'la', 'le'])
const CAPITAL = /^\p{Lu}/u

let heads: ReadonlySet<string> | undefined

/** The places of a sentence (its tokens) that no named mention covers, left to right. */
export function findUnnamedPlaces(
  text: string,
  tokens: readonly Token[],
  named: readonly { readonly start: number; readonly end: number }[],
): GroupMention[] {
  if (!heads) heads = new Set(roleData().place_heads)
  const out: GroupMention[] = []
  for (let k = 0; k + 2 < tokens.length; k++) {
    if (!heads.has(tokens[k]!.norm) || !FROM.has(tokens[k + 1]!.norm)) continue
    const first = k + 2
    if (tokens[first]!.kind !== 'word' || !CAPITAL.test(tokens[first]!.text)) continue
    let last = first
    for (let j = first + 1; j < tokens.length && j < first + MAX_NAME_TOKENS; j++) {
      const t = tokens[j]!
      if (t.kind !== 'word') break
      if (CAPITAL.test(t.text)) last = j
      else if (!PARTICLES.has(t.norm) || !CAPITAL.test(tokens[j + 1]?.text ?? '')) break
    }
    const start = tokens[first]!.start
    const end = tokens[last]!.end
    if (named.some((m) => m.start < end && start < m.end)) continue
    const entity = entityDraft('place', text.slice(start, end), 'inferred')
    out.push({
      entity,
      mention: {
        entity_id: entity.entity_id,
        surface: text.slice(start, end),
        start,
        end,
        method: 'pattern',
        confidence: PLACE_CONFIDENCE,
      } as MentionDraft,
    })
    k = last
  }
  return out
}
