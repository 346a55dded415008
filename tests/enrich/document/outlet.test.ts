import { describe, expect, it } from 'vitest'
import { resolveOutlet } from '../../../pipeline/enrich/document/outlet.js'
import type { Header } from '../../../pipeline/parse/structure.js'
import { defaultOutlets } from '../../../pipeline/reference/outlets.js'

const span = { start: 0, end: 1 }
const list = defaultOutlets()

describe('outlet: from the URL, header line, teaser or sign-off, via the outlet list', () => {
  it('reads the domain of the URL, subdomains included', () => {
    const h: Header = { url: { value: 'https://fr.sputniknews.com/20211111/x.html', place: span } }
    expect(resolveOutlet(h, list)).toEqual({
      outlet: 'Sputnik France',
      source: 'url',
      country: 'RU',
      stateAffiliated: true,
    })
    const lm: Header = {
      url: { value: 'https://www.lemonde.fr/afrique/article/2022/02/17/x.html', place: span },
    }
    expect(resolveOutlet(lm, list).outlet).toBe('Le Monde')
  })

  it('makes a header name canonical through aliases, and keeps an unknown one as written', () => {
    const rfi: Header = {
      publishedLine: { value: { date: null, outlet: 'Radio France internationale' }, place: span },
    }
    expect(resolveOutlet(rfi, list)).toMatchObject({ outlet: 'RFI', source: 'header', country: 'FR' })
    const other: Header = { publishedLine: { value: { date: null, outlet: 'Le Kibaru' }, place: span } }
    expect(resolveOutlet(other, list)).toEqual({
      outlet: 'Le Kibaru',
      source: 'header',
      country: null,
      stateAffiliated: null,
    })
  })

  it('gives no country for a name two listed outlets share', () => {
    const h: Header = { publishedLine: { value: { date: null, outlet: 'Les Echos' }, place: span } }
    expect(resolveOutlet(h, list)).toEqual({
      outlet: 'Les Echos',
      source: 'header',
      country: null,
      stateAffiliated: null,
    })
  })

  it('accepts an agency sign-off only when the agency is listed', () => {
    const apa: Header = { signoff: { value: { initials: 'MD/ac', agency: 'APA' }, place: span } }
    expect(resolveOutlet(apa, list)).toMatchObject({ outlet: 'APA', source: 'signoff', country: 'SN' })
    const afp: Header = { signoff: { value: { initials: null, agency: 'AFP' }, place: span } }
    expect(resolveOutlet(afp, list).outlet).toBe('Agence France-Presse')
    const unknown: Header = { signoff: { value: { initials: 'MD', agency: 'XYZ' }, place: span } }
    expect(resolveOutlet(unknown, list).outlet).toBeNull()
  })

  it('reads the agency of a dateline at the start of the body', () => {
    const body = 'NIAMEY, 12 mars 2024 (AFP) - Le régime militaire a annoncé samedi la fin de l’accord.'
    expect(resolveOutlet({}, list, body)).toMatchObject({
      outlet: 'Agence France-Presse',
      source: 'dateline',
      country: 'FR',
    })
    expect(resolveOutlet({}, list, 'BAMAKO (Reuters) - Les autorités ont…')).toMatchObject({
      outlet: 'Reuters',
      source: 'dateline',
    })
    // a parenthesis that is not a listed agency says nothing
    expect(resolveOutlet({}, list, 'MALI (NORD) - Les combats ont repris.').outlet).toBeNull()
  })

  it('names an unlisted domain from its letters: as the text writes them, else the domain', () => {
    const url = (value: string): Header => ({ url: { value, place: span } })
    expect(
      resolveOutlet(
        url('http://www.oubangui-news.org/x/'),
        list,
        'Mais selon les informations d’Oubangui News, …',
      ),
    ).toEqual({ outlet: 'Oubangui News', source: 'domain', country: null, stateAffiliated: null })
    expect(resolveOutlet(url('https://www.journaldebangui.com/article.php?aid=15'), list)).toMatchObject({
      outlet: 'journaldebangui.com',
      source: 'domain',
    })
    // a listed outlet whose name spells the label keeps its canonical form and country
    expect(resolveOutlet(url('https://www.voa-afrique.com/a/x.html'), list)).toMatchObject({
      outlet: 'VOA Afrique',
      source: 'domain',
      country: 'US',
    })
    // a header line naming the site wins over the bare domain
    const named: Header = {
      ...url('https://www.lepays.bf/x'),
      publishedLine: { value: { date: null, outlet: 'Le Pays' }, place: span },
    }
    expect(resolveOutlet(named, list).outlet).toBe('Le Pays')
    expect(resolveOutlet(url('https://t.co/abc'), list).outlet).toBeNull()
  })

  it('takes an unlisted agency code from a dated dateline, in title case too', () => {
    const body = 'Ouagadougou, 26 sept. 2021(XYZ)-Le Premier ministre malien s’est plaint samedi…'
    expect(resolveOutlet({}, list, body)).toMatchObject({ outlet: 'XYZ', source: 'dateline' })
    expect(resolveOutlet({}, list, 'Bangui (XYZ) - Les combats ont repris.').outlet).toBeNull()
  })

  it('takes the rights notice before the bare domain', () => {
    const h: Header = {
      url: { value: 'https://www.journaldebangui.com/article.php?aid=15', place: span },
      copyright: { value: 'Journal de Bangui', place: span },
    }
    expect(resolveOutlet(h, list)).toMatchObject({ outlet: 'Journal de Bangui', source: 'header' })
    const listed: Header = { copyright: { value: 'Jeune Afrique', place: span } }
    expect(resolveOutlet(listed, list)).toMatchObject({ outlet: 'Jeune Afrique', country: 'FR' })
  })

  it('says nothing when the text says nothing', () => {
    expect(resolveOutlet({}, list)).toEqual({
      outlet: null,
      source: null,
      country: null,
      stateAffiliated: null,
    })
  })
})
