/**
 * Participants the text does not name: `des hommes armés`, `les manifestants`, `deux soldats
 * maliens`. Each is a `group` entity (ACLED's generic actors) named by its noun — with the
 * nationality adjective that follows it, which also gives its country (`journalistes russes`). The
 * nouns are data (`reference/events/groups.json`); a form inside a named entity's mention is that
 * entity, and a form counts only after a determiner or a number (never as an adjective:
 * `instructeurs militaires`).
 */
import { readFileSync } from 'node:fs'
import { repoFile } from '../../util/paths.js'
import { entityDraft } from '../entities/gazetteer.js'
import type { EntityDraft, MentionDraft } from '../extract.js'
import { numberData } from './reference.js'
import { phraseAt, phraseIndex, phraseWords, type Token } from './tokens.js'

interface GroupData {
  readonly version: string
  readonly groups: Readonly<Record<string, readonly string[]>>
  readonly determiners: readonly string[]
  readonly premodifiers: readonly string[]
  readonly victims: readonly string[]
  readonly collectives: readonly string[]
  readonly facilities: readonly string[]
  readonly qualified_only: readonly string[]
}

interface GroupLexicon {
  readonly index: ReadonlyMap<string, readonly (readonly string[])[]>
  /** Form (normalized words joined by spaces) → the group's name. */
  readonly nameOf: ReadonlyMap<string, string>
  readonly determiners: ReadonlySet<string>
  readonly premodifiers: ReadonlySet<string>
  readonly collectives: ReadonlySet<string>
  readonly facilities: ReadonlySet<string>
  /** Names of the groups that are one only with a nationality adjective (`forces américaines`). */
  readonly qualifiedOnly: ReadonlySet<string>
  /** Names of the groups that suffer violence and never carry it out (`civils`). */
  readonly victims: ReadonlySet<string>
}

let lexicon: GroupLexicon | undefined

function groupLexicon(): GroupLexicon {
  if (lexicon) return lexicon
  const file = 'pipeline/reference/events/groups.json'
  const data = JSON.parse(readFileSync(repoFile(file), 'utf8')) as GroupData
  if (
    typeof data.groups !== 'object' ||
    !Array.isArray(data.determiners) ||
    !Array.isArray(data.premodifiers) ||
    !Array.isArray(data.victims) ||
    !Array.isArray(data.collectives) ||
    !Array.isArray(data.facilities) ||
    !Array.isArray(data.qualified_only)
  )
    throw new Error(`${file}: unexpected shape`)
  const forms: string[] = []
  const nameOf = new Map<string, string>()
  for (const [name, list] of Object.entries(data.groups))
    for (const f of list) {
      forms.push(f)
      nameOf.set(phraseWords(f).join(' '), name)
    }
  // a number word counts as a determiner (`quarante civils`), and so does each word of a compound
  const numbers = Object.keys(numberData().units).filter((w) => w !== 'zéro')
  lexicon = {
    index: phraseIndex(forms),
    nameOf,
    determiners: new Set([...data.determiners, ...numbers, 'mille']),
    premodifiers: new Set(data.premodifiers),
    collectives: new Set(data.collectives),
    facilities: new Set(data.facilities),
    qualifiedOnly: new Set(data.qualified_only),
    victims: new Set(data.victims),
  }
  return lexicon
}

/** A group found in a sentence: its entity and its mention. */
export interface GroupMention {
  readonly entity: EntityDraft
  readonly mention: MentionDraft
}

/** What is known of a named mention of the sentence: its span and, for a country, its code. */
export interface NamedMention {
  readonly start: number
  readonly end: number
  readonly surface: string
  readonly country_code: string | null
  readonly isCountry: boolean
}

export const GROUP_CONFIDENCE = 0.6

/** Whether a group, by its name (`civils`, `journalistes russes`), only ever suffers violence. */
export const isVictim = (name: string): boolean =>
  groupLexicon().victims.has(name.split(' ')[0]!) || isFacility(name)

/** Whether a group is a place an attack strikes (`hôpital`, `école`): only a violent event's target. */
export const isFacility = (name: string): boolean => {
  const { facilities } = groupLexicon()
  return facilities.has(name) || facilities.has(name.split(' ')[0]!)
}

/** The unnamed participants of a sentence (its tokens), left to right. */
export function findGroups(
  text: string,
  tokens: readonly Token[],
  named: readonly NamedMention[],
): GroupMention[] {
  const { index, nameOf, determiners, premodifiers, collectives, qualifiedOnly } = groupLexicon()
  const out: GroupMention[] = []
  const inside = (start: number, end: number) => named.some((m) => m.start < end && start < m.end)
  // the token index right after the last group found: a bare noun coordinated with it is one too
  // (`entre forces de l'ordre et manifestants`)
  let afterLast = -1
  const determined = (i: number) => {
    const prev = tokens[i - 1]
    if (!prev) return false
    if (prev.kind === 'number' || determiners.has(prev.norm)) return true
    if (COORDINATORS.has(prev.norm) && i - 1 === afterLast) return true
    const before = tokens[i - 2]
    if ((prev.norm === 'de' || prev.norm === "d'") && before !== undefined && collectives.has(before.norm))
      return true
    return (
      before !== undefined &&
      premodifiers.has(prev.norm) &&
      (before.kind === 'number' || determiners.has(before.norm))
    )
  }
  for (let i = 0; i < tokens.length; i++) {
    const len = phraseAt(tokens, i, index)
    if (len === 0) continue
    const first = tokens[i]!
    let last = tokens[i + len - 1]!
    if (inside(first.start, last.end) || !determined(i)) {
      i += len - 1
      continue
    }
    let name = nameOf.get(
      tokens
        .slice(i, i + len)
        .map((t) => t.norm)
        .join(' '),
    )!
    // a nationality adjective right after: `soldats maliens`
    let country: string | null = null
    const adjective = named.find(
      (m) => m.isCountry && m.start === tokens[i + len]?.start && /^\p{Ll}/u.test(m.surface),
    )
    if (!adjective && qualifiedOnly.has(name)) {
      i += len - 1
      continue
    }
    if (adjective) {
      country = adjective.country_code
      name = `${name} ${adjective.surface.toLowerCase()}`
      last = tokens[i + len]!
    }
    const entity = entityDraft('group', name, 'inferred', { country_code: country })
    out.push({
      entity,
      mention: {
        entity_id: entity.entity_id,
        surface: text.slice(first.start, last.end),
        start: first.start,
        end: last.end,
        method: 'pattern',
        confidence: GROUP_CONFIDENCE,
      } as MentionDraft,
    })
    afterLast = i + len + (adjective ? 1 : 0)
    i += len - 1
  }
  return out
}

const COORDINATORS: ReadonlySet<string> = new Set(['et', 'ou'])
