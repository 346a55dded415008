/**
 * Fatality counts: a number of people is a death toll only when a word of death goes with it —
 * `31 civils ont péri`, `au moins 20 personnes tuées`, `une cinquantaine de morts`, `tuant 12 soldats`,
 * `a coûté la vie à 9 civils`. Numbers of troops, of people involved or wounded are not (`5.100
 * impliqués`, `entre 2.500 et 3.000 hommes`, `20 blessés`). The words are data
 * (`reference/events/fatalities.json`); the shapes below are French syntax:
 *
 *   A  QTY [de] VICTIM [modifiers ≤6] [(, dont …,)] [and QTY VICTIM …] [aux ≤4] PREDICATE
 *   B  QTY [de] DEATH-NOUN
 *   C  KILLING-VERB [word ≤2] QTY [de] VICTIM [and QTY VICTIM …]
 *   D  TOLL-SUBJECT DEATHS [words ≤24, no full stop] TOLL-VERB QTY   (`le nombre de morts … a atteint 115`)
 *      TOLL-RAISER QTY TOLL-SUBJECT DEATHS                         (`porte à 16 le nombre de personnes tuées`)
 *
 * Conjoined groups are added (`12 soldats et 3 civils ont été tués` → 15); a group without a number
 * (`et des civils`) makes the total a lower bound (`at_least`).
 */
import { type Qualifier, quantityAt } from './quantities.js'
import { fatalityData } from './reference.js'
import { phraseAt, phraseIndex, type Token } from './tokens.js'

export interface FatalityStatement {
  /** Number of people killed, or null for an indefinite toll (`des dizaines de morts`). */
  readonly count: number | null
  readonly qualifier: Qualifier
  /** Who died, as the text names them (`civils`), or null (`20 morts`). */
  readonly who: string | null
  /** Token range `[first, next)` and UTF-16 span of the whole statement. */
  readonly first: number
  readonly next: number
  readonly start: number
  readonly end: number
  /** The word of death (`péri`, `morts`, `tuant`): where the statement is anchored. */
  readonly anchorStart: number
  readonly anchorEnd: number
}

type Index = ReadonlyMap<string, readonly (readonly string[])[]>
interface Lexicon {
  readonly victims: ReadonlySet<string>
  readonly auxiliaries: ReadonlySet<string>
  readonly asides: ReadonlySet<string>
  readonly premodifiers: ReadonlySet<string>
  readonly causes: ReadonlySet<string>
  readonly predicates: Index
  readonly deathNouns: Index
  readonly killing: Index
  readonly tollSubjects: Index
  readonly tollVerbs: Index
  readonly tollRaisers: Index
  readonly tollAdverbs: ReadonlySet<string>
  readonly tollFollowers: ReadonlySet<string>
}

let lex: Lexicon | undefined
function lexicon(): Lexicon {
  if (lex) return lex
  const d = fatalityData()
  lex = {
    victims: new Set(d.victims),
    auxiliaries: new Set(d.auxiliaries),
    asides: new Set(d.aside_openers),
    premodifiers: new Set(d.victim_premodifiers),
    causes: new Set(d.non_violent_causes),
    predicates: phraseIndex(d.predicates),
    deathNouns: phraseIndex(d.death_nouns),
    killing: phraseIndex(d.killing_verbs),
    tollSubjects: phraseIndex(d.toll_subjects),
    tollVerbs: phraseIndex(d.toll_verbs),
    tollRaisers: phraseIndex(d.toll_raisers),
    tollAdverbs: new Set(d.toll_adverbs),
    tollFollowers: new Set(d.toll_followers),
  }
  return lex
}

const isWord = (t: Token | undefined, ...words: string[]) => t !== undefined && words.includes(t.norm)
const MAX_ASIDE = 15
/** Words that may qualify a group of victims before its verb (`combattants du groupe paramilitaire russe Wagner`). */
const MAX_MODIFIER = 6

interface Group {
  readonly count: number | null
  readonly qualifier: Qualifier
  readonly who: string[]
  readonly next: number
}

/** `QTY [de] VICTIM [adj ≤2]`, then any `, QTY VICTIM` / `et QTY VICTIM` / `et des VICTIM` groups. */
function victimGroups(tokens: readonly Token[], i: number, alone = false): Group | null {
  const L = lexicon()
  const one = (k: number): Group | null => {
    const q = quantityAt(tokens, k, { articles: true })
    if (!q) return null
    let j = q.next
    if (isWord(tokens[j], 'de', "d'")) j++
    // `deux autres civils`
    if (tokens[j] && L.premodifiers.has(tokens[j]!.norm) && L.victims.has(tokens[j + 1]?.norm ?? '')) j++
    if (!tokens[j] || !L.victims.has(tokens[j]!.norm)) return null
    // what qualifies the victims: adjectives, a complement (`84 combattants du groupe russe Wagner`),
    // up to the next group (`et`, `,`), an auxiliary or a word of death; else nothing is taken
    const boundary = (k: number) => {
      const t = tokens[k]
      if (t === undefined || t.kind !== 'word') return true
      return (
        t.norm === 'et' ||
        t.norm === 'ou' ||
        L.auxiliaries.has(t.norm) ||
        phraseAt(tokens, k, L.predicates) > 0
      )
    }
    let m = j + 1
    while (m - j - 1 < MAX_MODIFIER && !boundary(m)) m++
    return { count: q.value, qualifier: q.qualifier, who: [tokens[j]!.norm], next: boundary(m) ? m : j + 1 }
  }
  const first = one(i)
  if (!first || alone) return first
  let count = first.count
  let qualifier = first.qualifier
  const who = [...first.who]
  let j = first.next
  for (let guard = 0; guard < 6; guard++) {
    const sep = tokens[j]
    if (!sep || !(sep.norm === 'et' || sep.text === ',')) break
    const more = one(j + 1)
    if (more) {
      count = count === null || more.count === null ? null : count + more.count
      if (qualifier === 'exact') qualifier = more.qualifier
      who.push(...more.who)
      j = more.next
      continue
    }
    // `et des civils`, `et plusieurs enfants`: more victims, no number — the total is a lower bound
    const art = tokens[j + 1]
    const noun = tokens[j + 2]
    if (
      sep.norm === 'et' &&
      isWord(art, 'des', 'plusieurs', 'de', "d'") &&
      noun &&
      L.victims.has(noun.norm)
    ) {
      if (qualifier === 'exact') qualifier = 'at_least'
      who.push(noun.norm)
      j += 3
      continue
    }
    break
  }
  return { count, qualifier, who, next: j }
}

/** Skips a comma-delimited aside that opens with `dont`, `parmi`… (`, dont des femmes et des enfants,`). */
function skipAside(tokens: readonly Token[], j: number): number {
  if (tokens[j]?.text !== ',') return j
  // `, dont des femmes,`, `, selon l'armée,`; or an incise with an inverted subject (`, a-t-on appris,`)
  const opener = lexicon().asides.has(tokens[j + 1]?.norm ?? '')
  const incise =
    INVERTED_SUBJECT.test(tokens[j + 1]?.norm ?? '') || INVERTED_SUBJECT.test(tokens[j + 2]?.norm ?? '')
  if (!opener && !incise) return j
  for (let k = j + 2; k < Math.min(tokens.length, j + 2 + MAX_ASIDE); k++)
    if (tokens[k]!.text === ',') return k + 1
  return j
}

function statement(
  tokens: readonly Token[],
  first: number,
  next: number,
  g: { count: number | null; qualifier: Qualifier; who: readonly string[] },
  anchor: [number, number],
): FatalityStatement {
  return {
    count: g.count,
    qualifier: g.qualifier,
    who: g.who.length > 0 ? [...new Set(g.who)].join(' et ') : null,
    first,
    next,
    start: tokens[first]!.start,
    end: tokens[next - 1]!.end,
    anchorStart: tokens[anchor[0]]!.start,
    anchorEnd: tokens[anchor[1] - 1]!.end,
  }
}

/** A verb's inverted subject (`a-t-on`, `précise-t-il`, `apprend-on`): the mark of an incise. */
const INVERTED_SUBJECT = /\p{L}-(?:t-)?(?:on|il|elle|ils|elles)$/u
/** How many words an apposition to the victims may have (`deux civils, un homme et sa femme, ont été tués`). */
const MAX_APPOSITION = 6

/** Shapes A and B, from a quantity at token `i`. */
function fromQuantity(tokens: readonly Token[], i: number): FatalityStatement | null {
  const L = lexicon()
  const q = quantityAt(tokens, i, { articles: true })
  if (!q) return null
  let j = q.next
  if (isWord(tokens[j], 'de', "d'")) j++
  const dn = phraseAt(tokens, j, L.deathNouns)
  if (dn > 0) return statement(tokens, i, j + dn, { ...q, count: q.value, who: [] }, [j, j + dn])
  const g = victimGroups(tokens, i)
  if (!g) return null
  // up to two adjectives (`civils maliens`), an aside, auxiliaries, then the predicate
  for (let adj = 0; adj <= 2; adj++) {
    let k = skipAside(tokens, g.next + adj)
    let aux = 0
    while (aux < 4 && tokens[k] && L.auxiliaries.has(tokens[k]!.norm)) {
      k++
      aux++
    }
    const p = phraseAt(tokens, k, L.predicates)
    if (p > 0) return statement(tokens, i, k + p, g, [k, k + p])
    const a = tokens[g.next + adj]
    if (a?.kind !== 'word' || L.auxiliaries.has(a.norm) || a.norm === 'et') break
  }
  // an apposition naming the victims (`deux autres civils, un homme et sa femme ont été tués`): a few
  // words after a comma, then an auxiliary and the word of death
  const g1 = victimGroups(tokens, i, true)
  if (g1 && tokens[g1.next]?.text === ',') {
    for (let k = g1.next + 1; k < tokens.length && k <= g1.next + 1 + MAX_APPOSITION; k++) {
      const t = tokens[k]!
      if (t.kind !== 'word') break
      if (!L.auxiliaries.has(t.norm)) continue
      let m = k
      while (m < k + 4 && tokens[m] && L.auxiliaries.has(tokens[m]!.norm)) m++
      const p = phraseAt(tokens, m, L.predicates)
      if (p > 0) return statement(tokens, i, m + p, g1, [m, m + p])
      break
    }
  }
  return null
}

/** Shape C, from a killing verb at token `i`. */
function fromKilling(tokens: readonly Token[], i: number): FatalityStatement | null {
  const L = lexicon()
  const v = phraseAt(tokens, i, L.killing)
  if (v === 0) return null
  for (let skip = 0; skip <= 2; skip++) {
    const k = i + v + skip
    const g = victimGroups(tokens, k)
    if (g) return statement(tokens, i, g.next, g, [i, i + v])
    const t = tokens[k]
    if (t?.kind !== 'word' || L.victims.has(t.norm)) break
  }
  return null
}

/** Words between a toll's subject and its verb (`le nombre de morts suite à l'attaque … , a atteint`). */
const MAX_TOLL_GAP = 24
const ENDS_CLAUSE = new Set(['.', ';', ':', '!', '?', '«', '»', '"'])

/** `le nombre de morts`, `le bilan des personnes tuées`: a toll subject naming deaths, as its length in tokens. */
function tollSubjectAt(tokens: readonly Token[], i: number): number {
  const L = lexicon()
  const s = phraseAt(tokens, i, L.tollSubjects)
  if (s === 0) return 0
  const dn = phraseAt(tokens, i + s, L.deathNouns)
  if (dn > 0) return s + dn
  // `personnes tuées`, `civils décédés`: victims and a word of death
  const v = tokens[i + s]
  if (v && L.victims.has(v.norm) && phraseAt(tokens, i + s + 1, L.predicates) > 0)
    return s + 1 + phraseAt(tokens, i + s + 1, L.predicates)
  return 0
}

/** Shape D, from a toll subject (`le nombre de morts … a atteint 115`) or a raiser (`porte à 16 le nombre de …`). */
function fromToll(tokens: readonly Token[], i: number): FatalityStatement | null {
  const L = lexicon()
  const raise = phraseAt(tokens, i, L.tollRaisers)
  if (raise > 0) {
    const q = quantityAt(tokens, i + raise)
    if (!q || q.value === null) return null
    const s = tollSubjectAt(tokens, q.next)
    if (s === 0) return null
    return statement(tokens, i, q.next + s, { ...q, count: q.value, who: [] }, [q.next, q.next + s])
  }
  const s = tollSubjectAt(tokens, i)
  if (s === 0) return null
  for (let k = i + s; k < tokens.length && k <= i + s + MAX_TOLL_GAP; k++) {
    if (ENDS_CLAUSE.has(tokens[k]!.text)) return null
    const v = phraseAt(tokens, k, L.tollVerbs)
    if (v === 0) continue
    let j = k + v
    for (let a = 0; a < 2 && tokens[j] && L.tollAdverbs.has(tokens[j]!.norm); a++) j++
    if (isWord(tokens[j], 'à', 'de', "d'")) j++
    let q = quantityAt(tokens, j)
    if (!q || q.value === null) return null
    // `est passé de 10 à 20`: the toll is the second number
    const then = isWord(tokens[q.next], 'à') ? quantityAt(tokens, q.next + 1) : null
    if (then && then.value !== null) q = then
    // the number ends the clause, or a word of death or a little word follows it (`a atteint 115.`,
    // `est de 20 morts`, `a atteint 40 selon…`): `a atteint 3 accords` is no toll
    const dn = phraseAt(tokens, q.next, L.deathNouns)
    const after = tokens[q.next]
    if (after?.kind === 'word' && dn === 0 && !L.tollFollowers.has(after.norm)) return null
    return statement(tokens, i, q.next + dn, { ...q, count: q.value, who: [] }, [i, i + s])
  }
  return null
}

/** Every fatality statement of a token list (a sentence), left to right, not overlapping. */
export function findFatalities(tokens: readonly Token[]): FatalityStatement[] {
  const out: FatalityStatement[] = []
  for (let i = 0; i < tokens.length; ) {
    const s = fromQuantity(tokens, i) ?? fromKilling(tokens, i) ?? fromToll(tokens, i)
    if (s) {
      out.push(s)
      i = s.next
    } else i++
  }
  return out
}

/** Whether the sentence names a cause of death that is not violence (`naufrage`, `choléra`). */
export const mentionsNonViolentCause = (tokens: readonly Token[]): boolean =>
  tokens.some((t) => lexicon().causes.has(t.norm))
