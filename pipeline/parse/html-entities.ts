/**
 * HTML character references: `&amp;`, `&eacute;`, `&#233;`, `&#xE9;`. A table of the named ones French
 * pages use (the full list has 2,231 names; pages saved by browsers use few of them), and the numeric
 * ones with the HTML standard's repairs (`&#146;` is Windows-1252's `’`, NUL and surrogates are U+FFFD).
 */

const NAMED = new Map<string, string>(
  Object.entries({
    amp: '&',
    lt: '<',
    gt: '>',
    quot: '"',
    apos: "'",
    nbsp: '\u00a0',
    ensp: '\u2002',
    emsp: '\u2003',
    thinsp: '\u2009',
    shy: '\u00ad',
    zwnj: '\u200c',
    zwj: '\u200d',
    lrm: '\u200e',
    rlm: '\u200f',
    laquo: '«',
    raquo: '»',
    lsaquo: '‹',
    rsaquo: '›',
    lsquo: '‘',
    rsquo: '’',
    sbquo: '‚',
    ldquo: '“',
    rdquo: '”',
    bdquo: '„',
    hellip: '…',
    ndash: '–',
    mdash: '—',
    minus: '−',
    bull: '•',
    middot: '·',
    prime: '′',
    Prime: '″',
    dagger: '†',
    Dagger: '‡',
    permil: '‰',
    euro: '€',
    pound: '£',
    yen: '¥',
    cent: '¢',
    curren: '¤',
    copy: '©',
    reg: '®',
    trade: '™',
    deg: '°',
    plusmn: '±',
    times: '×',
    divide: '÷',
    frac12: '½',
    frac14: '¼',
    frac34: '¾',
    sup1: '¹',
    sup2: '²',
    sup3: '³',
    ordf: 'ª',
    ordm: 'º',
    micro: 'µ',
    para: '¶',
    sect: '§',
    iexcl: '¡',
    iquest: '¿',
    brvbar: '¦',
    uml: '¨',
    acute: '´',
    cedil: '¸',
    macr: '¯',
    not: '¬',
    larr: '←',
    rarr: '→',
    uarr: '↑',
    darr: '↓',
    agrave: 'à',
    aacute: 'á',
    acirc: 'â',
    atilde: 'ã',
    auml: 'ä',
    aring: 'å',
    aelig: 'æ',
    ccedil: 'ç',
    egrave: 'è',
    eacute: 'é',
    ecirc: 'ê',
    euml: 'ë',
    igrave: 'ì',
    iacute: 'í',
    icirc: 'î',
    iuml: 'ï',
    eth: 'ð',
    ntilde: 'ñ',
    ograve: 'ò',
    oacute: 'ó',
    ocirc: 'ô',
    otilde: 'õ',
    ouml: 'ö',
    oslash: 'ø',
    oelig: 'œ',
    ugrave: 'ù',
    uacute: 'ú',
    ucirc: 'û',
    uuml: 'ü',
    yacute: 'ý',
    yuml: 'ÿ',
    thorn: 'þ',
    szlig: 'ß',
    Agrave: 'À',
    Aacute: 'Á',
    Acirc: 'Â',
    Atilde: 'Ã',
    Auml: 'Ä',
    Aring: 'Å',
    AElig: 'Æ',
    Ccedil: 'Ç',
    Egrave: 'È',
    Eacute: 'É',
    Ecirc: 'Ê',
    Euml: 'Ë',
    Igrave: 'Ì',
    Iacute: 'Í',
    Icirc: 'Î',
    Iuml: 'Ï',
    ETH: 'Ð',
    Ntilde: 'Ñ',
    Ograve: 'Ò',
    Oacute: 'Ó',
    Ocirc: 'Ô',
    Otilde: 'Õ',
    Ouml: 'Ö',
    Oslash: 'Ø',
    OElig: 'Œ',
    Ugrave: 'Ù',
    Uacute: 'Ú',
    Ucirc: 'Û',
    Uuml: 'Ü',
    Yacute: 'Ý',
    Yuml: 'Ÿ',
    THORN: 'Þ',
    Scaron: 'Š',
    scaron: 'š',
  }),
)

/** What code points 0x80–0x9F mean in a numeric reference (the HTML standard's table). */
const C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ'

const MAX_NAME = 32

const isAlnum = (c: number) =>
  (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)
const isDigit = (c: number) => c >= 0x30 && c <= 0x39
const isHex = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46)

function fromCodePoint(cp: number): string {
  if (cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return '\ufffd'
  if (cp >= 0x80 && cp <= 0x9f) return C1[cp - 0x80]!
  return String.fromCodePoint(cp)
}

/**
 * The character reference starting at `s[at]` (an `&`), read no further than `end`: its text and its
 * length in `s`, or null when it is not one (then the `&` is literal text).
 */
export function decodeEntityAt(s: string, at: number, end: number): { text: string; length: number } | null {
  let i = at + 1
  if (s.charCodeAt(i) === 0x23 /* # */) {
    i++
    const hex = s.charCodeAt(i) === 0x78 || s.charCodeAt(i) === 0x58
    if (hex) i++
    const digitsStart = i
    let cp = 0
    while (i < end && (hex ? isHex(s.charCodeAt(i)) : isDigit(s.charCodeAt(i)))) {
      // past 0x10FFFF the value only matters as "too large": stop growing it
      if (cp <= 0x10ffff) cp = cp * (hex ? 16 : 10) + Number.parseInt(s[i]!, 16)
      i++
    }
    if (i === digitsStart) return null
    if (s.charCodeAt(i) === 0x3b /* ; */ && i < end) i++
    return { text: fromCodePoint(cp), length: i - at }
  }
  const nameStart = i
  while (i < end && i - nameStart <= MAX_NAME && isAlnum(s.charCodeAt(i))) i++
  if (i >= end || s.charCodeAt(i) !== 0x3b || i === nameStart) return null
  const text = NAMED.get(s.slice(nameStart, i))
  return text === undefined ? null : { text, length: i + 1 - at }
}
