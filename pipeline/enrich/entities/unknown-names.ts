/**
 * Names that are not in the gazetteer. A run of capitalised words (with name particles: `de`, `ben`,
 * `ould`, `ag`, `al-`…) becomes a person only with evidence: a title before it (`M.`, `Mme`,
 * `le colonel`, `son homologue malien`), a known first name at its head, or a role apposition after
 * it (`X, porte-parole de…`); it becomes an organisation after `un média`, `l'ONG`… Words that
 * open sentences (`Dans`, `Selon`) are in the stoplist, so a capital alone is never evidence.
 */
import { readFileSync } from 'node:fs'
import { repoFile } from '../../util/paths.js'
import { CONFIDENCE } from './confidence.js'
import { type Gazetteer, gazetteer } from './gazetteer.js'
import { aliasKeys, foldKey, isCapitalized, joinableBetween, joinableGap, type Token } from './normalize.js'
import { firstNameSet } from './places-open.js'

export interface UnknownName {
  readonly from: number
  readonly to: number
  readonly start: number
  readonly end: number
  readonly name: string
  readonly type: 'person' | 'organization'
  readonly confidence: number
}

interface Lexicon {
  readonly stop: ReadonlySet<string>
  readonly first: ReadonlySet<string>
  readonly particles: ReadonlySet<string>
  readonly titles: ReadonlySet<string>
  readonly abbreviated: ReadonlySet<string>
  readonly complements: ReadonlySet<string>
  readonly orgNouns: ReadonlySet<string>
  readonly facilities: ReadonlySet<string>
  readonly facilityAdjectives: ReadonlySet<string>
  readonly demonyms: ReadonlySet<string>
  readonly orgHeads: ReadonlySet<string>
  readonly participles: ReadonlySet<string>
  readonly auxiliaries: ReadonlySet<string>
}

let lexicon: Lexicon | undefined
function lex(g: Gazetteer): Lexicon {
  if (lexicon) return lexicon
  const speech = JSON.parse(readFileSync(repoFile('pipeline/reference/speech-verbs.json'), 'utf8')) as {
    verbs: Array<{ participle: string }>
    auxiliaries: string[]
  }
  const r = g.rules
  const keys = (xs: readonly string[]) => new Set(xs.flatMap(aliasKeys))
  const portfolioWords = g.portfolios.flatMap((p) => [p.name, ...p.aliases]).flatMap(aliasKeys)
  lexicon = {
    stop: keys(r.stopwords),
    first: firstNameSet(g),
    particles: keys(r.particles),
    titles: new Set(r.titles.map(foldKey)),
    abbreviated: new Set(r.abbreviated_titles),
    complements: new Set([...r.title_complements.flatMap(aliasKeys), ...portfolioWords]),
    orgNouns: keys(r.organization_nouns),
    facilities: keys(r.facility_words),
    facilityAdjectives: keys(r.facility_adjectives),
    demonyms: new Set(g.aliases.filter((a) => a.kind === 'demonym').flatMap((a) => aliasKeys(a.text))),
    orgHeads: new Set(r.organization_heads.map(foldKey)),
    participles: new Set(speech.verbs.flatMap((v) => [v.participle, `${v.participle}e`]).map(foldKey)),
    auxiliaries: new Set(speech.auxiliaries.map(foldKey)),
  }
  return lexicon
}

const ALL_CAPS = /^[\p{Lu}\p{N}]+$/u
const ROMAN = /^(?:I{1,3}|IV|VI{0,3}|IX|XI{0,3}|XIV|XV|XVI{1,3})$/
const OF_ARTICLES = new Set(['de', 'du', 'des', 'd', 'l', 'la'])

/** `ministre de l'Environnement`, `président de la Cour`, `général de Brigade`: the complement of a title. */
function portfolioOfTitle(text: string, tokens: readonly Token[], i: number, L: Lexicon): boolean {
  let k = i - 1
  let steps = 0
  while (k >= 0 && steps < 2 && OF_ARTICLES.has(tokens[k]!.key)) {
    if (!joinableBetween(text, tokens[k]!.end, tokens[k + 1]!.start)) return false
    k--
    steps++
  }
  if (steps === 0 || k < 0 || !joinableBetween(text, tokens[k]!.end, tokens[k + 1]!.start)) return false
  return L.titles.has(tokens[k]!.key) || titleEndingAt(tokens, text, k, L)
}

/** A name standing alone between quote marks (`« Bella Ciao »`) is a title or a nickname, not a person. */
function quotedName(text: string, start: number, end: number): boolean {
  return (
    /[«"“]\s*$/.test(text.slice(Math.max(0, start - 3), start)) && /^\s*[»"”]/.test(text.slice(end, end + 3))
  )
}

/** `(Reportage Alaa Swilam; version française Jean Terzian)`: the credits of a dispatch. */
function inCredit(text: string, start: number): boolean {
  // only the 200 characters before: a search back to the start of the text for each name is quadratic
  const from = Math.max(0, start - 200)
  const back = text.slice(from, start).lastIndexOf('(')
  if (back < 0) return false
  const open = from + back
  if (text.slice(open, start).includes(')')) return false
  return /^\(\s*(?:reportage|rédaction|rédigé|version française|édité|édition|avec|par|photo|crédit)/iu.test(
    text.slice(open, open + 30),
  )
}

/** `a déclaré Tedros Adhanom Ghebreyesus,`: the subject of an inverted verb of saying. */
function afterSpeechVerb(text: string, tokens: readonly Token[], i: number, L: Lexicon): boolean {
  const verb = tokens[i - 1]
  const aux = tokens[i - 2]
  if (!verb || !aux || !joinableBetween(text, verb.end, tokens[i]!.start)) return false
  return L.participles.has(verb.key) && L.auxiliaries.has(aux.key)
}
const LETTER = /\p{L}/u

function isNameToken(t: Token, covered: boolean, L: Lexicon): boolean {
  return (
    !covered &&
    t.raw.length >= 2 &&
    isCapitalized(t.raw) &&
    !ALL_CAPS.test(t.raw) &&
    LETTER.test(t.raw) &&
    !L.stop.has(t.key) &&
    !L.titles.has(t.key)
  )
}

/** A hyphenated title (`porte-parole`, `colonel-major`) ending at token `k`. */
function titleEndingAt(tokens: readonly Token[], text: string, k: number, L: Lexicon): boolean {
  const t = tokens[k]
  if (!t) return false
  if (L.titles.has(t.key)) return true
  const prev = tokens[k - 1]
  return prev !== undefined && text.slice(prev.end, t.start) === '-' && L.titles.has(`${prev.key}-${t.key}`)
}

/**
 * Whether a title introduces the name starting at token `i`: an abbreviation right before it
 * (`M.`, `Mme`), or a title word followed by up to eight complement words (country adjective,
 * portfolio, `chef`, `de`…) and at most one comma.
 */
function titled(text: string, tokens: readonly Token[], i: number, L: Lexicon): boolean {
  const prev = tokens[i - 1]
  if (!prev) return false
  const gap = text.slice(prev.end, tokens[i]!.start)
  if (L.abbreviated.has(prev.raw) && /^\.?[ \u00a0]?$/.test(gap)) return true
  let k = i - 1
  let g = gap
  let commas = 0
  for (let steps = 0; steps < 9 && k >= 0; steps++) {
    if (g.includes(',')) {
      if (++commas > 1 || !/^\s*,\s*$/.test(g)) return false
    } else if (!joinableGap(g)) return false
    if (titleEndingAt(tokens, text, k, L)) return true
    const t = tokens[k]!
    // `la ministre de l'Environnement, Hakima El Haite`: a capitalised portfolio after `de`.
    const portfolio = isCapitalized(t.raw) && k > 0 && OF_ARTICLES.has(tokens[k - 1]!.key)
    if (!(L.complements.has(t.key) || L.demonyms.has(t.key) || portfolio)) return false
    k--
    if (k >= 0) g = text.slice(tokens[k]!.end, tokens[k + 1]!.start)
  }
  return false
}

/** The name at token `i` is part of a facility's name (`aéroport international Président Modibo Keïta`). */
export function afterFacility(
  text: string,
  tokens: readonly Token[],
  i: number,
  g: Gazetteer = gazetteer(),
): boolean {
  const L = lex(g)
  let k = i - 1
  for (let steps = 0; steps < 4 && k >= 0; steps++, k--) {
    const t = tokens[k]!
    if (!joinableBetween(text, t.end, tokens[k + 1]!.start)) return false
    if (L.facilities.has(t.key)) return true
    if (!(L.titles.has(t.key) || L.facilityAdjectives.has(t.key) || t.key === 'de' || t.key === 'du'))
      return false
  }
  return false
}

const ORG_APPOSITION = /^\s*,\s*(?:un|une)\s+([\p{L}-]+)/u
// `X, le porte-parole…` / `X, porte-parole de l'armée`: without an article the title must be
// followed by `de`, so that a verb (`X, juge ce tournant…`) is not read as a title.
const ROLE_APPOSITION = /^\s*,\s*(?:(?:le|la|l['’]|son|sa)\s*([\p{L}-]+)|([\p{L}-]+)\s+(?:de|du|des|d['’]))/u

export function unknownNames(
  text: string,
  tokens: readonly Token[],
  covered: Uint8Array,
  g: Gazetteer = gazetteer(),
): UnknownName[] {
  const L = lex(g)
  const out: UnknownName[] = []
  for (let i = 0; i < tokens.length; i++) {
    if (!isNameToken(tokens[i]!, covered[i] === 1, L) || L.orgHeads.has(tokens[i]!.key)) continue
    let j = i + 1
    while (j < tokens.length && j - i < 6) {
      const gap = text.slice(tokens[j - 1]!.end, tokens[j]!.start)
      if (!joinableGap(gap) || gap.includes('\n')) break
      if (isNameToken(tokens[j]!, covered[j] === 1, L)) {
        j++
        continue
      }
      // A regnal number: `Mohammed VI`.
      if (covered[j] === 0 && ROMAN.test(tokens[j]!.raw) && /^ $/.test(gap)) {
        j++
        break
      }
      const next = tokens[j + 1]
      if (
        L.particles.has(tokens[j]!.key) &&
        next &&
        joinableBetween(text, tokens[j]!.end, next.start) &&
        isNameToken(next, covered[j + 1] === 1, L)
      ) {
        j += 2
        continue
      }
      break
    }
    const from = i
    const to = j
    i = j - 1
    const start = tokens[from]!.start
    const end = tokens[to - 1]!.end
    if (afterFacility(text, tokens, from, g)) continue
    if (portfolioOfTitle(text, tokens, from, L) || quotedName(text, start, end) || inCredit(text, start))
      continue
    const after = text.slice(end, end + 60)
    const name = text.slice(start, end).replace(/\s+/g, ' ')
    const orgApp = ORG_APPOSITION.exec(after)
    const prev = tokens[from - 1]
    const before =
      prev &&
      !prev.raw.match(/^\p{Lu}/u) &&
      L.orgNouns.has(prev.key) &&
      joinableBetween(text, prev.end, start)
    // `Institut Clingendael`, `Fondation Mo Ibrahim`: the name itself says what it is.
    const orgHead = to - from >= 2 && L.orgNouns.has(tokens[from]!.key)
    if ((orgApp && L.orgNouns.has(foldKey(orgApp[1]!))) || before || orgHead) {
      out.push({
        from,
        to,
        start,
        end,
        name,
        type: 'organization',
        confidence: CONFIDENCE.inferredOrganization,
      })
      continue
    }
    if (titled(text, tokens, from, L) || (to - from >= 2 && afterSpeechVerb(text, tokens, from, L))) {
      out.push({ from, to, start, end, name, type: 'person', confidence: CONFIDENCE.inferredTitle })
      continue
    }
    const role = ROLE_APPOSITION.exec(after)
    const roleWord = role ? (role[1] ?? role[2] ?? '') : ''
    const roleAfter =
      role !== null && (L.titles.has(foldKey(roleWord)) || L.titles.has(foldKey(roleWord.split('-')[0]!)))
    if (to - from >= 2 && (L.first.has(tokens[from]!.key) || roleAfter))
      out.push({ from, to, start, end, name, type: 'person', confidence: CONFIDENCE.inferredFirstName })
  }
  return out
}
