import { describe, expect, it } from 'vitest'
import {
  dateFromUrl,
  explicitPublished,
  publishedFromText,
  resolvePublished,
  resolveWeekdayYear,
} from '../../../pipeline/enrich/document/published.js'
import type { Header } from '../../../pipeline/parse/structure.js'

const span = { start: 0, end: 1 }

describe('published: dates from URLs', () => {
  it.each([
    ['https://fr.sputniknews.africa/20230207/lavrov-a-bamako-1057.html', '2023-02-07'],
    ['https://www.lemonde.fr/afrique/article/2022/02/17/la-france-quitte-le-mali_611.html', '2022-02-17'],
    ['https://www.example.ml/2024-08-01-entretien-telephonique', '2024-08-01'],
    // a compact date followed by the time (hhmm)
    ['https://www.bfmtv.com/international/syrie-au-moins-15-civils_AN-201606080028.html', '2016-06-08'],
    ['https://web.archive.org/web/20200101093000/https://www.lemonde.fr/2019/05/03/x.html', '2019-05-03'],
  ])('reads the day in %s', (url, iso) => {
    const d = dateFromUrl(url)
    expect(d && `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`).toBe(iso)
  })

  it('reads a month-only path as month precision, and ignores article ids and impossible dates', () => {
    expect(dateFromUrl('https://www.jeuneafrique.com/2021/09/mali-wagner/')).toEqual({ year: 2021, month: 9 })
    expect(dateFromUrl('https://www.example.com/article-1052562420.html')).toBeNull()
    expect(dateFromUrl('https://www.example.com/20211341/x.html')).toBeNull()
    expect(dateFromUrl('not a url')).toBeNull()
  })
})

describe('published: the order of trust', () => {
  it('prefers the URL over a header line', () => {
    const header: Header = {
      url: { value: 'https://fr.sputniknews.com/20211111/x.html', place: span },
      datePrefix: { value: { year: 2021, month: 11 }, place: span },
    }
    expect(explicitPublished(header, '')).toMatchObject({
      value: '2021-11-11',
      precision: 'day',
      source: 'url',
    })
  })

  it('keeps a header month at month precision, with its period bounds, never inventing a day', () => {
    const p = explicitPublished(
      { datePrefix: { value: { year: 2021, month: 12 }, place: span } },
      'Le ministère a déclaré mardi…',
    )
    expect(p).toMatchObject({
      value: '2021-12',
      precision: 'month',
      source: 'header',
      min: '2021-12-01',
      max: '2021-12-31',
    })
  })

  it('reads a teaser date as a dateline', () => {
    const p = explicitPublished(
      { teaser: { value: { date: { year: 2021, month: 11, day: 11 }, outlet: 'Sputnik' }, place: span } },
      '',
    )
    expect(p).toMatchObject({ value: '2021-11-11', source: 'dateline' })
  })

  it('reads an agency dateline at the start of the body', () => {
    const p = explicitPublished(
      {},
      'BAMAKO, 7 février 2023 (AFP) - Le chef de la diplomatie russe est arrivé mardi au Mali.',
    )
    expect(p).toMatchObject({ value: '2023-02-07', source: 'dateline' })
  })
})

describe('published: a less trusted source refines a coarser one it falls inside', () => {
  it('takes the day of a dateline inside a month prefix, and the prefix year for a dateline without one', () => {
    const prefix: Header = { datePrefix: { value: { year: 2024, month: 7 }, place: span } }
    expect(
      explicitPublished(prefix, 'Titre\n\nALGER, mardi 30 juillet 2024 – L’Algérie a pris la décision…'),
    ).toMatchObject({ value: '2024-07-30', precision: 'day', source: 'dateline' })
    const jan: Header = { datePrefix: { value: { year: 2022, month: 1 }, place: span } }
    expect(explicitPublished(jan, '(Précisions)\n\nADEN, 18 janvier (Reuters) - Des frappes…')).toMatchObject(
      {
        value: '2022-01-18',
      },
    )
    // a dateline in another month does not override the prefix
    expect(explicitPublished(jan, 'ADEN, 18 février (Reuters) - Des frappes…')).toMatchObject({
      value: '2022-01',
    })
  })

  it('reads a title-case dateline with an abbreviated month', () => {
    expect(explicitPublished({}, 'Ouagadougou, 26 sept. 2021(AIB)-Le Premier ministre…')).toMatchObject({
      value: '2021-09-26',
      source: 'dateline',
    })
  })
})

describe('published: `ce jeudi 1er août` resolved by weekday against the reference date', () => {
  const body =
    'Le ministre a eu un entretien téléphonique avec son homologue, ce jeudi 1er août, à la demande de Bamako.'

  it('takes the latest year where 1 August is a Thursday, before the reference date', () => {
    expect(resolveWeekdayYear(4, 8, 1, { year: 2024, month: 9, day: 24 })).toBe(2024)
    expect(resolveWeekdayYear(4, 8, 1, { year: 2023, month: 9, day: 24 })).toBe(2019)
    expect(publishedFromText(body, { year: 2024, month: 9, day: 24 })).toMatchObject({
      value: '2024-08-01',
      source: 'text',
      precision: 'day',
    })
  })

  it('cannot resolve without a reference date, and never reads the clock', () => {
    expect(publishedFromText(body, null)).toBeNull()
    expect(resolvePublished({}, body, null)).toBeNull()
  })

  it('checks a full date with a weekday for consistency', () => {
    expect(publishedFromText('La réunion a eu lieu mardi 7 février 2023 à Bamako.', null)).toMatchObject({
      value: '2023-02-07',
    })
    expect(publishedFromText('La réunion a eu lieu mercredi 7 février 2023 à Bamako.', null)).toBeNull()
  })

  it('prefers the day the text marks as the present (`ce`) to a date it reports', () => {
    const text =
      'Les autorités l’ont fait savoir à travers une correspondance en date du mardi 29 août 2023. ' +
      'La junte a ordonné ce jeudi 31 août 2023 aux services de police de procéder à son expulsion.'
    expect(publishedFromText(text, null)).toMatchObject({ value: '2023-08-31' })
  })

  it('falls back on the day of an update stamp when nothing else dates the article', () => {
    const updated: Header = { updated: { value: { year: 2022, month: 2, day: 17 }, place: span } }
    expect(resolvePublished(updated, 'Le président a rencontré des officiels russes.', null)).toMatchObject({
      value: '2022-02-17',
      source: 'header',
    })
    // the text's own date, nearer the publication, wins over the update
    expect(
      resolvePublished(updated, 'Il a reçu ce mardi 15 février 2022 des officiels russes.', null),
    ).toMatchObject({ value: '2022-02-15' })
  })

  it('places the expression it read', () => {
    const p = publishedFromText(body, { year: 2024, month: 9, day: 24 })
    expect(p?.place && body.slice(p.place.start, p.place.end)).toBe('ce jeudi 1er août')
  })
})
