import { describe, expect, it } from 'vitest'
import {
  nameFromDomain,
  registrableDomain,
  renderingInText,
  unwrapArchived,
} from '../../../pipeline/enrich/document/domain-name.js'
import { seedNames, seedText } from '../../helpers.js'

const squash = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '')

/** `renderingInText` as first written: every word's key computed before the search. */
function renderingByDefinition(label: string, text: string): string | null {
  if (label.length < 2) return null
  const tokens = [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    key: squash(m[0]),
  }))
  for (let i = 0; i < tokens.length; i++) {
    if (!label.startsWith(tokens[i]!.key)) continue
    let key = ''
    for (let j = i; j < tokens.length && j < i + 6; j++) {
      if (j > i && !/^[\s'’.-]{0,2}$/u.test(text.slice(tokens[j - 1]!.end, tokens[j]!.start))) break
      key += tokens[j]!.key
      if (!label.startsWith(key)) break
      if (key.length < label.length) continue
      const written = text.slice(tokens[i]!.start, tokens[j]!.end)
      const before = text[tokens[i]!.start - 1] ?? ''
      const after = text[tokens[j]!.end] ?? ''
      const inAddress =
        /[/@.]/.test(before) || (after === '.' && /\p{L}/u.test(text[tokens[j]!.end + 1] ?? ''))
      if (!inAddress && /^[\p{Lu}\p{N}]/u.test(written) && written !== written.toLowerCase()) return written
      break
    }
  }
  return null
}

describe('domain-name: an unlisted site named from its domain', () => {
  it('keeps the registrable domain, country second levels included', () => {
    expect(registrableDomain('www.lorientlejour.com')).toBe('lorientlejour.com')
    expect(registrableDomain('fr.le360.ma')).toBe('le360.ma')
    expect(registrableDomain('lepatriote.com.ht')).toBe('lepatriote.com.ht')
    expect(registrableDomain('news.bbc.co.uk')).toBe('bbc.co.uk')
    expect(registrableDomain('localhost')).toBeNull()
    expect(registrableDomain('192.168.0.1')).toBeNull()
  })

  it('writes the name as the article spells the same letters', () => {
    const body =
      'Depuis la trêve, ces attaques ont fait au moins 282 morts, selon un décompte de l’ONU et de L’Orient-Le Jour.'
    expect(renderingInText('lorientlejour', body)).toBe('L’Orient-Le Jour')
    expect(
      renderingInText(
        'rjdh',
        'BANGUI, 31 Juillet 2018 (RJDH)-Deux journalistes russes sont retrouvés morts.',
      ),
    ).toBe('RJDH')
    // a lower-case word or the domain in an address is not a name
    expect(renderingInText('impact', 'Un impact fort sur la région.')).toBeNull()
    expect(renderingInText('koaci', 'Source : www.Koaci.com')).toBeNull()
  })

  it('finds names whose letters begin with a digit or an accented capital', () => {
    expect(renderingInText('20minutes', 'Selon 20 Minutes, le bilan est lourd.')).toBe('20 Minutes')
    expect(renderingInText('etoile', 'Le journal Étoile du Nord écrit…')).toBe('Étoile')
    expect(renderingInText('œil', 'Le site Œil d’Afrique rapporte…')).toBe('Œil')
  })

  it('gives what the definition gives, every word a candidate label, on the seed articles', () => {
    let names = 0
    for (const name of seedNames()) {
      const text = seedText(name)
      // labels: each run of one to three capitalised words of the text, squashed, and a few misses
      const words = [...text.matchAll(/\p{Lu}[\p{L}\p{N}’'-]*(?:\s+\p{Lu}[\p{L}\p{N}’'-]*){0,2}/gu)].map(
        (m) => squash(m[0]),
      )
      const labels = [...new Set([...words, 'zzzz', 'a1', 'é'])]
      for (const label of labels) {
        const got = renderingInText(label, text)
        expect(got, label).toBe(renderingByDefinition(label, text))
        if (got !== null) names++
      }
    }
    // the labels come from the texts, so most are found: the comparison is not between two nulls
    expect(names).toBeGreaterThan(100)
  })

  it('falls back to the domain itself, and names no archive, shortener or social network', () => {
    expect(nameFromDomain('www.journaldebangui.com', 'Au moins 63 personnes ont été tuées.')).toEqual({
      name: 'journaldebangui.com',
      domain: 'journaldebangui.com',
    })
    expect(nameFromDomain('t.co', '')).toBeNull()
    expect(nameFromDomain('www.facebook.com', '')).toBeNull()
  })

  it('reads the archived URL inside an archive link', () => {
    expect(unwrapArchived('https://web.archive.org/web/20200101000000/https://www.lemonde.fr/a.html')).toBe(
      'https://www.lemonde.fr/a.html',
    )
    expect(unwrapArchived('https://www.lemonde.fr/a.html')).toBe('https://www.lemonde.fr/a.html')
  })
})
