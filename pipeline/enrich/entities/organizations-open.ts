/**
 * Organisations outside the curated gazetteer, from the shape of their names:
 * - a capitalised head (`Conseil`, `Cour`, `Forces`, `Observatoire`, `Police`…, `name-rules.json`)
 *   followed by adjectives, complements and capitalised words: `Cour constitutionnelle`,
 *   `Observatoire syrien des droits de l'Homme`, `Bloc républicain pour la défense de la Constitution`;
 * - an acronym defined in the text, `Forces démocratiques alliées (ADF)`: the long name is the
 *   organisation and every later `ADF` of the document names it;
 * - a bare acronym (`le M23`, `les FARDC`, `l'OSDH`) that is no common abbreviation (`ONG`, `PIB`);
 * - an army or force of any country: `armée togolaise`, `forces armées ukrainiennes`, `marine russe`.
 * They enter the longest-match selection with the gazetteer's names, below them in confidence.
 */
import { letterClasses, SPACE } from '../../util/letters.js'
import { CONFIDENCE } from './confidence.js'
import { countryAdjectiveAt } from './demonyms.js'
import { type Gazetteer, gazetteer } from './gazetteer.js'
import { aliasTrie, type Candidate } from './matcher.js'
import {
  aliasKeys,
  foldAccents,
  foldKey,
  isCapitalized,
  joinableBetween,
  joinableGap,
  type Token,
  tokenize,
} from './normalize.js'
import { firstNameSet } from './places-open.js'

interface Lex {
  readonly first: ReadonlySet<string>
  readonly facilities: ReadonlySet<string>
  readonly heads: ReadonlySet<string>
  readonly titles: ReadonlySet<string>
  readonly stop: ReadonlySet<string>
  readonly commonAcronyms: ReadonlySet<string>
  readonly demonyms: ReadonlySet<string>
}

let lexicon: Lex | undefined
function lex(g: Gazetteer): Lex {
  if (lexicon) return lexicon
  lexicon = {
    first: firstNameSet(g),
    facilities: new Set(g.rules.organization_facilities.map(foldKey)),
    heads: new Set(g.rules.organization_heads.map(foldKey)),
    titles: new Set(g.rules.titles.map(foldKey)),
    stop: new Set(g.rules.stopwords.flatMap(aliasKeys)),
    commonAcronyms: new Set(g.rules.common_acronyms.map(foldAccents)),
    demonyms: new Set(g.aliases.filter((a) => a.kind === 'demonym').flatMap((a) => aliasKeys(a.text))),
  }
  return lexicon
}

/** Words that join the parts of a name: `de la`, `des`, `d'`, `pour la`, `et du`. */
const OF = new Set(['de', 'du', 'des', 'd'])
const ARTICLES = new Set(['la', 'le', 'les', 'l'])
/** Words that never carry a name's content, whatever their case. */
const FUNCTION = new Set([
  'a',
  'au',
  'aux',
  'avec',
  'ce',
  'cette',
  'ces',
  'dans',
  'de',
  'des',
  'du',
  'd',
  'en',
  'et',
  'il',
  'elle',
  'ils',
  'elles',
  'l',
  'la',
  'le',
  'les',
  'leur',
  'leurs',
  'mais',
  'ne',
  'ni',
  'on',
  'ou',
  'par',
  'pas',
  'pour',
  'qu',
  'que',
  'qui',
  'se',
  'sa',
  'son',
  'ses',
  'sur',
  'un',
  'une',
  'y',
  'est',
  'sont',
  'ont',
  'été',
  'ete',
  'avait',
  'avaient',
  'etait',
  'doit',
  'peut',
  'fait',
  'dont',
  'lors',
  'selon',
  'apres',
  'avant',
  'depuis',
  'contre',
  'entre',
  'sous',
  'vers',
  'chez',
  'plus',
  'tres',
])

/** Endings of French adjectives that qualify an institution: `constitutionnelle`, `syrien`, `alliées`. */
const ADJECTIVE =
  /(?:al|ale|aux|ales|el|elle|els|elles|ien|ienne|iens|iennes|ain|aine|ains|aines|ais|aise|aises|ois|oise|oises|ique|iques|aire|aires|oire|oires|if|ive|ifs|ives|é|ée|és|ées|eur|eure|eurs|ant|ante|ants|antes|ent|ente|ents|entes|ier|ière|iers|ières|ial|iale|iaux|ile|iles|ine|ines|in|ins|ide|ides|ste|stes|ome|omes|ême|êmes|ève|èves)$/u

function isAdjective(t: Token, L: Lex): boolean {
  if (isCapitalized(t.raw) || FUNCTION.has(t.key) || t.raw.length < 3) return false
  return L.demonyms.has(t.key) || ADJECTIVE.test(t.raw)
}

const gapOk = (text: string, a: Token, b: Token) => {
  const gap = text.slice(a.end, b.start)
  return joinableGap(gap) && !gap.includes('\n')
}

/**
 * The end (token index after) of an organisation's name whose head is token `i`, or `i + 1` when
 * nothing follows the head that belongs to a name.
 */
export function nameAfterHead(
  text: string,
  tokens: readonly Token[],
  i: number,
  g: Gazetteer = gazetteer(),
  /** A facility may bear a person's name: `hôpital Bernard Mevs`. */
  personal = false,
): number {
  const L = lex(g)
  let end = i + 1
  let j = i + 1
  while (j < tokens.length && j - i < 14) {
    const t = tokens[j]!
    if (!gapOk(text, tokens[j - 1]!, t)) break
    // A capitalised word: `Forces démocratiques alliées`, `Université Paul-Valéry`, `Police nationale d'Haïti`;
    // not a person's first name right after the head (`général de Brigade Abdourahmane Tiani`).
    if (
      !personal &&
      j === i + 1 &&
      isCapitalized(t.raw) &&
      L.first.has(t.key) &&
      text.slice(tokens[i]!.end, t.start) !== '-'
    )
      break
    if (isCapitalized(t.raw) && (!L.stop.has(t.key) || text.slice(tokens[j - 1]!.end, t.start) === '-')) {
      j++
      end = j
      continue
    }
    if (isAdjective(t, L)) {
      j++
      end = j
      continue
    }
    // `de la santé`, `des droits de l'Homme`, `d'intervention`, `pour la défense`, `et du développement`.
    let k = j
    if (t.key === 'et') {
      const n = tokens[k + 1]
      if (!n || !gapOk(text, t, n) || !(OF.has(n.key) || isCapitalized(n.raw))) break
      k++
    }
    if (tokens[k]!.key === 'pour') {
      const n = tokens[k + 1]
      if (!n || !gapOk(text, tokens[k]!, n) || !ARTICLES.has(n.key)) break
      k++
    } else if (OF.has(tokens[k]!.key)) {
      k++
    } else if (k === j) break
    if (k < tokens.length && ARTICLES.has(tokens[k]!.key) && tokens[k - 1]!.key !== 'pour') k++
    else if (tokens[k - 1]!.key === 'pour') k++
    const content = tokens[k]
    if (!content || !gapOk(text, tokens[k - 1]!, content)) break
    const contentOk = isCapitalized(content.raw)
      ? !L.stop.has(content.key) || L.heads.has(content.key)
      : !FUNCTION.has(content.key) && content.raw.length >= 3
    if (!contentOk) break
    j = k + 1
    end = j
  }
  return end
}

function build(
  text: string,
  tokens: readonly Token[],
  from: number,
  to: number,
  country: string | null,
): Candidate {
  const start = tokens[from]!.start
  const end = tokens[to - 1]!.end
  const surface = text.slice(start, end).replace(/\s+/g, ' ')
  const name = surface.charAt(0).toUpperCase() + surface.slice(1)
  return {
    from,
    to,
    start,
    end,
    entity: -1,
    confidence: CONFIDENCE.inferredOrganization,
    method: 'pattern',
    built: { name, country },
  }
}

const ACRONYM = /^[\p{Lu}][\p{Lu}\p{N}]{1,7}$/u
const ROMAN = /^[IVXLC]+$/
const STARTS_UPPER = /^\p{Lu}/u
const INITIAL_STOP = new Set([
  'de',
  'des',
  'du',
  'la',
  'le',
  'les',
  'l',
  'd',
  'et',
  'en',
  'a',
  'au',
  'aux',
  'pour',
  'sur',
])

/** Whether `acronym` spells the initials of `words` (some words may be skipped, the first may not). */
export function spells(acronym: string, words: readonly string[]): boolean {
  const letters = foldKey(acronym).replace(/[^a-z]/g, '')
  const initials = words.filter((w) => !INITIAL_STOP.has(w)).map((w) => w.charAt(0))
  if (letters.length < 2 || initials.length === 0 || initials[0] !== letters[0]) return false
  if (initials.length > letters.length + 2) return false
  let k = 0
  for (const c of initials) if (k < letters.length && c === letters[k]) k++
  return k === letters.length
}

/** An upper-case token that may name an organisation: not a Roman numeral nor a common abbreviation. */
function acronymToken(text: string, tokens: readonly Token[], i: number, L: Lex): boolean {
  const t = tokens[i]!
  // (an acronym starts with a capital, before accents are folded as after: most words are let go here)
  if (!STARTS_UPPER.test(t.raw)) return false
  const raw = foldAccents(t.raw)
  if (!ACRONYM.test(raw) || ROMAN.test(raw) || L.commonAcronyms.has(raw)) return false
  // `COP21`, `CAN 2024`: numbered events of a common abbreviation.
  if (L.commonAcronyms.has(raw.replace(/\d+$/, ''))) return false
  if ((raw.match(/\p{Lu}/gu) ?? []).length < 2 && !/\d/.test(raw)) return false
  // A heading or label written in capitals (`ITURI : LES ADF TUENT`, `LIRE AUSSI`, `DIRECT`): its
  // words are no acronyms.
  if (capitalLine(text, t.start)) return false
  // `AFP PHOTO / JOHN WESSELS`, `SYRIAN PRESIDENCY FACEBOOK PAGE`: words in capitals side by side.
  for (const k of [i - 1, i + 1]) {
    const n = tokens[k]
    if (!n || n.raw.length < 2 || !/^[\p{Lu}\p{N}]+$/u.test(n.raw)) continue
    const between = k < i ? text.slice(n.end, t.start) : text.slice(t.end, n.start)
    if (/^[\s/|]+$/.test(between) && !between.includes('\n')) return false
  }
  if (raw.length === 2) {
    const prev = tokens[i - 1]
    return prev !== undefined && ['l', 'le', 'la', 'les', 'du', 'des', 'au', 'aux'].includes(prev.key)
  }
  return true
}
/** The line holding `at` is written in capitals (more capitals than small letters) or is one word. */
/** Line starts of the text last asked about, and each line's verdict: one pass per text, not per token. */
let lineMemo: { text: string; starts: number[]; verdicts: Map<number, boolean> } | null = null

function capitalLine(text: string, at: number): boolean {
  if (lineMemo?.text !== text) {
    const starts = [0]
    for (let k = text.indexOf('\n'); k >= 0; k = text.indexOf('\n', k + 1)) starts.push(k + 1)
    lineMemo = { text, starts, verdicts: new Map() }
  }
  const { starts, verdicts } = lineMemo
  // the last line start at or before `at` (binary search)
  let lo = 0
  let hi = starts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (starts[mid]! <= at) lo = mid
    else hi = mid - 1
  }
  const known = verdicts.get(lo)
  if (known !== undefined) return known
  const from = starts[lo]!
  const to = lo + 1 < starts.length ? starts[lo + 1]! - 1 : text.length
  const line = text.slice(from, to)
  const upper = (line.match(/\p{Lu}/gu) ?? []).length
  const lower = (line.match(/\p{Ll}/gu) ?? []).length
  const verdict = upper >= lower || !/[\s]\S/u.test(line.trim())
  verdicts.set(lo, verdict)
  return verdict
}

/**
 * Whether the token at [`start`, `end`) stands in parentheses: the text since the previous token's end
 * (`from`) ends with `(` and white space, and `)` follows within three characters (`/\(\s*$/` and
 * `/^\s*\)/` on those slices, read without making them: this runs at every token).
 */
export function inParentheses(text: string, from: number, start: number, end: number): boolean {
  const spaces = letterClasses()
  let k = start - 1
  while (k >= from && (spaces[text.charCodeAt(k)]! & SPACE) !== 0) k--
  if (k < from || text.charCodeAt(k) !== 0x28) return false
  const stop = Math.min(end + 3, text.length)
  let j = end
  while (j < stop && (spaces[text.charCodeAt(j)]! & SPACE) !== 0) j++
  return j < stop && text.charCodeAt(j) === 0x29
}

/** The acronym is a name the gazetteer gives to a country, a place or a person: not ours to type. */
function listedOtherwise(text: string, tokens: readonly Token[], i: number, g: Gazetteer): boolean {
  for (const [to, specs] of aliasTrie(g).walk(text, tokens, i))
    if (
      to === i + 1 &&
      specs.some((s) => s.entity >= 0 && g.entities[s.entity]!.draft.type !== 'organization')
    )
      return true
  return false
}

/** Every organisation candidate of the text (overlapping; the caller keeps the longest). */
export function openOrganizations(
  text: string,
  tokens: readonly Token[],
  g: Gazetteer = gazetteer(),
): Candidate[] {
  const L = lex(g)
  const out: Candidate[] = []
  const byHeadEnd = new Map<number, Candidate>()

  // 1. Heads with their complements.
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    if (!isCapitalized(t.raw) || !L.heads.has(t.key)) continue
    // `général de Corps d'armée`, `général de Brigade`: a rank, not a body.
    const p1 = tokens[i - 1]
    const p2 = tokens[i - 2]
    if (p1 && p2 && p1.key === 'de' && L.titles.has(p2.key)) continue
    const end = nameAfterHead(text, tokens, i, g)
    if (end === i + 1) continue
    // A sentence's first word is capitalised anyway: `Forces de sécurité et manifestants…` needs a
    // second capital or a defined acronym to be a name.
    const prev = tokens[i - 1]
    const initial = !prev || /[.!?:;\n«"“]/.test(text.slice(prev.end, t.start))
    let capitals = 0
    for (let k = i + 1; k < end; k++) if (isCapitalized(tokens[k]!.raw)) capitals++
    const paren = /^\s*\(\s*[\p{Lu}]/u.test(text.slice(tokens[end - 1]!.end))
    if (initial && capitals === 0 && !paren) continue
    const c = build(text, tokens, i, end, null)
    out.push(c)
    byHeadEnd.set(end, c)
  }

  // 1b. Named facilities run as bodies: `hôpital Bernard Mevs`, `école Al-Jouni`, `hôpital des martyrs d'al-Aqsa`.
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    if (isCapitalized(t.raw) || !L.facilities.has(t.key)) continue
    const end = nameAfterHead(text, tokens, i, g, true)
    let capitals = 0
    for (let k = i + 1; k < end; k++) if (/\p{Lu}/u.test(tokens[k]!.raw)) capitals++
    // The name must be more than a place: `hôpital de Gao` is the town's hospital, not a name.
    const next = tokens[i + 1]
    if (end === i + 1 || capitals === 0 || !next) continue
    // `école de gendarmerie de Faladiè`: the only capitals are a place after `de`.
    let f = i + 1
    while (f < end && !/\p{Lu}/u.test(tokens[f]!.raw)) f++
    let oneName = f < end && OF.has(tokens[f - 1]!.key)
    for (let k = f + 1; k < end && oneName; k++)
      oneName = /^[-'’]$/.test(text.slice(tokens[k - 1]!.end, tokens[k]!.start))
    if (oneName) continue
    out.push(build(text, tokens, i, end, null))
  }

  // 2. Acronyms defined in the text: `Long Name (ACR)`.
  const defined = new Map<string, string>()
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!
    if (!inParentheses(text, tokens[i - 1]!.end, t.start, t.end)) continue
    const raw = foldAccents(t.raw)
    if (!ACRONYM.test(raw) || ROMAN.test(raw) || listedOtherwise(text, tokens, i, g)) continue
    const end = i // the long name ends at the token before `(`
    let best = -1
    for (let k = end - 1; k >= 0 && end - k <= 14; k--) {
      if (k < end - 1 && !joinableBetween(text, tokens[k]!.end, tokens[k + 1]!.start)) break
      if (!isCapitalized(tokens[k]!.raw) || FUNCTION.has(tokens[k]!.key) || L.stop.has(tokens[k]!.key))
        continue
      if (
        spells(
          raw,
          tokens.slice(k, end).map((x) => x.key),
        )
      )
        best = k
    }
    const head = byHeadEnd.get(end)
    const from = best >= 0 ? best : head ? head.from : -1
    if (from < 0) continue
    const long = build(text, tokens, from, end, null)
    out.push(long)
    defined.set(raw, long.built!.name)
  }

  // each distinct long name once, with its keys computed once (a name repeated 10,000 times is one name)
  const longNames = new Map<string, readonly string[]>()
  for (const n of byHeadEnd.values()) {
    const name = n.built?.name ?? ''
    if (!longNames.has(name)) longNames.set(name, aliasKeys(name))
  }
  const spelledBy = new Map<string, string | null>()
  // 3. Acronyms alone: defined ones name their long form, the others themselves.
  for (let i = 0; i < tokens.length; i++) {
    if (!acronymToken(text, tokens, i, L)) continue
    const raw = foldAccents(tokens[i]!.raw)
    if (listedOtherwise(text, tokens, i, g)) continue
    const c = build(text, tokens, i, i + 1, null)
    // `PNH` in a text that names the `Police nationale d'Haïti` without defining the acronym.
    let spelled = defined.get(raw) ?? spelledBy.get(raw)
    if (spelled === undefined) {
      spelled = null
      for (const [name, keys] of longNames)
        if (spells(raw, keys)) {
          spelled = name
          break
        }
      spelledBy.set(raw, spelled)
    }
    out.push({ ...c, built: { name: spelled ?? tokens[i]!.raw, country: null } })
  }

  // 4. Armies and forces of a country: `armée togolaise`, `forces armées ukrainiennes`, `marine russe`.
  for (let i = 0; i < tokens.length; i++) {
    if (!FORCE_HEADS.has(tokens[i]!.key)) continue
    let j = i + 1
    while (
      j < tokens.length &&
      j - i <= 3 &&
      FORCE_MIDDLE.has(tokens[j]!.key) &&
      gapOk(text, tokens[j - 1]!, tokens[j]!)
    )
      j++
    if (j >= tokens.length || !gapOk(text, tokens[j - 1]!, tokens[j]!)) continue
    const adj = countryAdjectiveAt(text, tokens, j, g)
    if (!adj) continue
    const country = g.entities[adj.entity]!
    const c = build(text, tokens, i, adj.to, country.draft.country_code)
    // `armée togolaise`, `forces armées togolaises`, `forces togolaises`: one army, named as the
    // gazetteer names it when it lists it (`Forces armées maliennes`), else `Armée <adjective>`.
    if (ARMY_HEADS.has(tokens[i]!.key) && country.adjective) {
      const army = armyName(country.adjective, g)
      out.push({ ...c, built: { name: army.name, country: army.country ?? country.draft.country_code } })
    } else out.push(c)
  }
  return out
}

const ARMY_HEADS = new Set(['armee', 'armees', 'forces'])

/** Feminine singular of a masculine country adjective: `malien` → `malienne`, `russe` → `russe`. */
export function feminine(adjective: string): string {
  if (/[eèé]$/u.test(adjective)) return adjective
  if (/(?:ien|en|on)$/u.test(adjective)) return `${adjective}ne`
  return `${adjective}e`
}

function armyName(adjective: string, g: Gazetteer): { name: string; country: string | null } {
  const phrase = `armée ${feminine(adjective)}`
  const toks = tokenize(phrase)
  const hit = aliasTrie(g)
    .walk(phrase, toks, 0)
    .find(([to]) => to === toks.length)
  const listed = hit?.[1].find((a) => a.entity >= 0 && g.entities[a.entity]!.draft.type === 'organization')
  if (listed) {
    const e = g.entities[listed.entity]!.draft
    return { name: e.name, country: e.country_code }
  }
  return { name: `Armée ${feminine(adjective)}`, country: null }
}

const FORCE_HEADS = new Set([
  'armee',
  'armees',
  'forces',
  'force',
  'marine',
  'aviation',
  'gendarmerie',
  'police',
])
const FORCE_MIDDLE = new Set([
  'armee',
  'armees',
  'nationale',
  'nationales',
  'militaire',
  'militaires',
  'speciales',
  'regulieres',
  'navale',
  'navales',
  'aerienne',
  'aeriennes',
  'terrestres',
  'de',
  'defense',
  'securite',
  'et',
  'l',
  'air',
])
