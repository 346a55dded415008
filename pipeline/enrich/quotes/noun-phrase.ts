/**
 * A shallow French noun-phrase reader for speaker phrases: determiner, head (a role such as
 * `ministre` or `chef de la diplomatie`, a body such as `ministère`, a document such as
 * `communiqué`, or a proper name), then adjectives, `de …` complements and an apposed name
 * (`le ministre Lavrov`). It reads forward from a token and stops at punctuation, at a stop word
 * (`à`, `lors`, `qui`, a verb auxiliary) or after a name; nothing here needs a dictionary of French.
 */
import type { Gender, Lexicon } from './lexicon.js'
import { isCapitalized, type Token } from './text.js'

export type PhraseKind = 'pronoun' | 'name' | 'role' | 'body' | 'document' | 'other'

export interface NounPhrase {
  readonly kind: PhraseKind
  /** First and last (exclusive) token index. */
  readonly from: number
  readonly to: number
  /** Span of the phrase without its determiner. */
  readonly start: number
  readonly end: number
  readonly gender: Gender
  readonly definite: boolean
  /** Points back to something already said: `cette source`, `la même source`, `ledit communiqué`. */
  readonly anaphoric?: boolean
  /** Role, body or document noun (lower case), or the pronoun. */
  readonly head: string | null
  /** Coreference class of a role noun (`chef de la diplomatie` → `ministre`); the head for bodies. */
  readonly headClass: string | null
  /** Words after the head: `russe des Affaires étrangères` (0 for `le ministère`). */
  readonly modifiers: number
  /** A capitalised run naming a person or a thing (`Sergueï Lavrov` in `le ministre Sergueï Lavrov`). */
  readonly name: { readonly start: number; readonly end: number } | null
  /** ISO country code of a nationality adjective (`russe` → RU). */
  readonly country: string | null
  /** For a document noun, the token index of its `de …` complement (`du ministère …`). */
  readonly complement: number | null
}

const DEMONSTRATIVES = new Set(['ce', 'cet', 'cette', 'ces', 'ledit', 'ladite', 'lesdits', 'lesdites'])
const DE = new Set(['de', 'du', 'des', "d'"])
const INNER_DET = new Set(['la', 'le', 'les', "l'"])
const MAX_TOKENS = 16

const roleFirsts = new WeakMap<Lexicon, ReadonlySet<string>>()
/** The first token (lower case) of every role noun: `chef` of `chef de l'état`, `l'` of `l'envoyé`. */
function roleFirstTokens(lex: Lexicon): ReadonlySet<string> {
  let set = roleFirsts.get(lex)
  if (!set) {
    set = new Set(
      [...lex.roles.keys()].map((k) => {
        const space = k.indexOf(' ')
        const word = space < 0 ? k : k.slice(0, space)
        const apostrophe = word.indexOf("'")
        return apostrophe < 0 ? word : word.slice(0, apostrophe + 1)
      }),
    )
    roleFirsts.set(lex, set)
  }
  return set
}

/** The role noun (possibly several words) starting at token i, longest first. */
export function roleAt(
  tokens: readonly Token[],
  i: number,
  lex: Lexicon,
): { key: string; next: number } | null {
  // most tokens begin no role: known from one look-up, without building the keys of the words after
  const first = tokens[i]
  if (first?.kind !== 'word' || !roleFirstTokens(lex).has(first.lower)) return null
  let best: { key: string; next: number } | null = null
  let key = ''
  for (let j = i; j < tokens.length && j < i + lex.maxRoleWords; j++) {
    const t = tokens[j]!
    if (t.kind !== 'word') break
    key = j === i ? t.lower : key.endsWith("'") ? key + t.lower : `${key} ${t.lower}`
    if (lex.roles.has(key)) best = { key, next: j + 1 }
  }
  return best
}

export function readNounPhrase(tokens: readonly Token[], i0: number, lex: Lexicon): NounPhrase | null {
  let i = i0
  const first = tokens[i]
  if (first?.kind !== 'word') return null
  const pron = lex.pronouns.get(first.lower)
  if (pron !== undefined)
    return {
      kind: 'pronoun',
      from: i,
      to: i + 1,
      start: first.start,
      end: first.end,
      gender: first.lower.endsWith('s') ? 'p' : pron,
      definite: true,
      head: first.lower,
      headClass: null,
      modifiers: 0,
      name: null,
      country: null,
      complement: null,
    }
  let gender: Gender = null
  let definite = true
  let anaphoric = false
  const det = lex.determiners.get(first.lower)
  if (det !== undefined) {
    gender = det
    definite = !['un', 'une', 'des'].includes(first.lower)
    anaphoric = DEMONSTRATIVES.has(first.lower)
    i++
  }
  // `la même source`, `plusieurs habitants`, `l'ancien président`: words before the noun.
  for (let k = 0; k < 2 && tokens[i]?.kind === 'word' && !roleAt(tokens, i, lex); k++) {
    const pre = lex.preHead.get(tokens[i]!.lower)
    if (pre === undefined) break
    if (tokens[i]!.lower.startsWith('même')) anaphoric = true
    if (pre === 'indefinite') {
      definite = false
      gender = 'p'
    }
    i++
  }
  // Civility: `M.`, `Mme`, then a name.
  const civ = tokens[i] && lex.civilities.get(tokens[i]!.lower)
  let civility = false
  const afterCiv = tokens[i + 1]?.text === '.' ? tokens[i + 2] : tokens[i + 1]
  if (civ !== undefined && tokens[i] && isCapitalized(tokens[i]!) && afterCiv && isCapitalized(afterCiv)) {
    gender = civ ?? gender
    civility = true
    i++
    if (tokens[i]?.text === '.') i++
  }
  const headTok = tokens[i]
  if (headTok?.kind !== 'word') return null
  const start = civility ? tokens[i0 + (det !== undefined ? 1 : 0)]!.start : headTok.start
  let kind: PhraseKind = 'other'
  let head: string | null = null
  let headClass: string | null = null
  const role = civility ? null : roleAt(tokens, i, lex)
  if (role) {
    kind = 'role'
    head = role.key
    headClass = lex.roles.get(role.key) ?? role.key
    i = role.next
  } else if (!civility && lex.bodies.has(headTok.lower)) {
    kind = 'body'
    head = headTok.lower
    headClass = head
    i++
  } else if (!civility && lex.documents.has(headTok.lower)) {
    kind = 'document'
    head = headTok.lower
    i++
  } else if (isCapitalized(headTok)) {
    kind = 'name'
  } else if (lex.stopWords.has(headTok.lower)) {
    return null
  } else {
    i++
  }
  let name: { start: number; end: number } | null = null
  let country: string | null = null
  let complement: number | null = null
  let modifiers = 0
  let inComplement = false
  let nameClosed = false
  let end = i > 0 ? tokens[i - 1]!.end : headTok.end
  while (i < tokens.length && i - i0 < MAX_TOKENS) {
    const t = tokens[i]!
    if (t.kind !== 'word') break
    if (DE.has(t.lower)) {
      // `de` opens a complement only if a word follows (`du ministère`, `de la Défense`).
      let j = i + 1
      if (tokens[j] && INNER_DET.has(tokens[j]!.lower)) j++
      const w = tokens[j]
      if (w?.kind !== 'word' || lex.stopWords.has(w.lower)) break
      if (kind === 'document' && complement === null) {
        complement = i
        break
      }
      if (name) nameClosed = true
      inComplement = true
      modifiers += j - i
      i = j
      continue
    }
    if (isCapitalized(t)) {
      if (nameClosed) break
      // A capital right after `de`/`la` or after another capital is part of a complement
      // (`des Affaires étrangères`, `de Russie`); after a lower-case adjective it starts the apposed
      // name (`le ministre malien des Affaires étrangères Abdoulaye Diop`).
      const prev = tokens[i - 1]
      const afterLower =
        prev !== undefined && !isCapitalized(prev) && !DE.has(prev.lower) && !INNER_DET.has(prev.lower)
      if (inComplement && afterLower) inComplement = false
      if (!inComplement && (kind === 'role' || kind === 'name' || civility || name)) {
        name = name ? { start: name.start, end: t.end } : { start: t.start, end: t.end }
      }
      modifiers++
      end = t.end
      i++
      continue
    }
    // A lower-case word ends a name (`M. Lavrov lors de …`) unless it is a particle.
    if (name && !inComplement) break
    if (lex.stopWords.has(t.lower) || lex.timeWords.has(t.lower)) break
    const nat = lex.nationalities.get(t.lower)
    if (nat) country ??= nat
    // Inside a complement, lower-case words are its adjectives (`des Affaires étrangères`); a new
    // lower-case word after a name-like complement stays in the phrase (`du ministère … du Mali`).
    modifiers++
    end = t.end
    i++
    if (!nat && !inComplement && modifiers > 4) break
  }
  if (civility && !name) return null
  if (kind === 'name' && name === null) name = { start: headTok.start, end }
  return {
    kind,
    from: i0,
    to: i,
    start,
    end: Math.max(end, headTok.end),
    gender,
    definite,
    ...(anaphoric ? { anaphoric } : {}),
    head,
    headClass,
    modifiers,
    name,
    country,
    complement,
  }
}
