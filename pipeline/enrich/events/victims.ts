/**
 * Who a violent event struck, when the text names them apart from its verb: after an identifier in
 * the event's sentence (`une frappe de drone avait tué un homme à Aïta el-Chaab, identifié comme un
 * combattant du Hezbollah`), or in a sentence about its victim that follows it (`La victime
 * s'appelait Ali Koussan, … et appartenait au Hezbollah`). The words are data (`roles.json`
 * `victim_nouns`, `victim_identifiers`).
 */
import { roleData } from './reference.js'
import { clauseOf, type RoleMention } from './roles.js'
import { phraseAt, phraseIndex, type Token } from './tokens.js'

let identifierIndex: ReadonlyMap<string, readonly (readonly string[])[]> | undefined
const identifiers = () => {
  if (!identifierIndex) identifierIndex = phraseIndex(roleData().victim_identifiers)
  return identifierIndex
}

/** Whether the sentence is about a victim: it opens with an article and a victim noun (`La victime`). */
export function opensOnVictim(tokens: readonly Token[]): boolean {
  const r = roleData()
  const a = tokens[0]
  const n = tokens[1]
  return (
    a !== undefined &&
    n !== undefined &&
    (r.definite.includes(a.norm) || r.skip.includes(a.norm)) &&
    r.victim_nouns.includes(n.norm)
  )
}

/** Whether the sentence names a victim with an identifier (`s'appelait`, `identifié comme`) from token `from`. */
export function identifiesFrom(tokens: readonly Token[], from: number): boolean {
  for (let k = from; k < tokens.length; k++) if (phraseAt(tokens, k, identifiers()) > 0) return true
  return false
}

/**
 * The entities named after each identifier from token `from` on, up to the end of the identifier's
 * clause: persons, bodies and groups (not places: `originaire de Aïtaroun` says where from).
 */
export function identifiedVictims(
  tokens: readonly Token[],
  roles: readonly RoleMention[],
  from: number,
): string[] {
  const out: string[] = []
  for (let k = from; k < tokens.length; k++) {
    const len = phraseAt(tokens, k, identifiers())
    if (len === 0) continue
    const [, end] = clauseOf(tokens, k, k + len)
    for (const r of roles)
      if (
        r.token >= k + len &&
        r.token < end &&
        (r.type === 'person' || r.type === 'organization' || r.type === 'group') &&
        !r.source &&
        !out.includes(r.entity_id)
      )
        out.push(r.entity_id)
    k += len - 1
  }
  return out
}
