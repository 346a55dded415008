import { describe, expect, it } from 'vitest'
import {
  nameFromDomain,
  registrableDomain,
  renderingInText,
  unwrapArchived,
} from '../../../pipeline/enrich/document/domain-name.js'

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
