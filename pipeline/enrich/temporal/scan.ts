/**
 * One pass over the text with all the rules joined into a single pattern: each rule is a named
 * alternative, and the earliest, then highest-priority, match wins. Only the matched characters are read
 * again by the rule's own pattern (to get its groups): a document costs one scan, not one per rule.
 */

import { NAME_WORDS } from './lexicon.js'
import { TRIMMED_PREPOSITIONS } from './patterns.js'
import type { Part } from './readings.js'
import { RULES, type Rule, type RuleMatch } from './rules.js'

export interface Found {
  readonly rule: string
  /** UTF-16 span in the text. */
  readonly start: number
  readonly end: number
  readonly part: Part
}

interface Compiled {
  readonly combined: RegExp
  readonly local: ReadonlyMap<string, { rule: Rule; re: RegExp }>
}

let compiled: Compiled | undefined

/**
 * A match starts at the beginning of a word (`(?<![\p{L}\p{N}_])`) that begins with a letter or digit,
 * so every other position fails on its first test; and ends at the end of a word.
 */
function compile(): Compiled {
  const alternatives = RULES.map((r) => `(?<${r.id}>${r.source})`).join('|')
  return {
    combined: new RegExp(
      `(?<![\\p{L}\\p{N}_])(?=[\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`,
      'giu',
    ),
    local: new Map(RULES.map((r) => [r.id, { rule: r, re: new RegExp(`^(?:${r.source})$`, 'diu') }])),
  }
}

/** Characters of context a rule may look at before its match (`d'hier`, `Mouvement du`). */
const BEFORE = 24

/** `Mouvement du 23 mars`, `place du 26 Mars`: a name-word and `du` before a date make it part of a name. */
const NAME_BEFORE = new RegExp(
  `(?:^|[^\\p{L}])(?:${NAME_WORDS.join('|')})s?\\s{1,3}(?:du|de\\s{1,3}la|des)\\s{1,3}$`,
  'iu',
)

const partOfName = (parts: readonly Part[], before: string): boolean =>
  parts.length > 0 &&
  parts[0]!.start === 0 &&
  parts[0]!.reading.type === 'calendar' &&
  parts[0]!.reading.day !== null &&
  NAME_BEFORE.test(before)

export function scanTemporal(text: string): Found[] {
  compiled ??= compile()
  const { combined, local } = compiled
  const found: Found[] = []
  combined.lastIndex = 0
  for (let m = combined.exec(text); m !== null; m = combined.exec(text)) {
    const groups = m.groups ?? {}
    const id = RULES.find((r) => groups[r.id] !== undefined)?.id
    const entry = id === undefined ? undefined : local.get(id)
    const lm = entry?.re.exec(m[0]) as RuleMatch | null | undefined
    const before = text.slice(Math.max(0, m.index - BEFORE), m.index)
    const parts = entry && lm ? entry.rule.read(lm, { before }) : null
    if (!entry || !parts) {
      // Not a date after all: look again from the next character, where a shorter rule may match.
      combined.lastIndex = m.index + 1
      continue
    }
    // Part of a name: these characters are no date, and the scan goes on after them.
    if (partOfName(parts, before)) continue
    const cut = entry.rule.trim ? (TRIMMED_PREPOSITIONS.exec(m[0])?.[0].length ?? 0) : 0
    for (const part of parts) {
      const start = m.index + Math.max(part.start, cut)
      found.push({ rule: entry.rule.id, start, end: m.index + part.end, part })
    }
  }
  return found
}
