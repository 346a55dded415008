/**
 * The JSON-LD article card of a page (`<script type="application/ld+json">`, schema.org NewsArticle):
 * a fallback for the publication date, author, outlet and headline when the meta tags lack them.
 */
import { describe, expect, it } from 'vitest'
import { extractHtml } from '../../pipeline/parse/html.js'

const body =
  '<article><p>Le chef de la junte nigérienne, le général Abdourahamane Tiani, a reçu lundi une délégation du ministère russe de la Défense.</p></article>'

const page = (head: string) =>
  `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Niger | Le Site</title>${head}</head><body>${body}</body></html>`

const card = {
  '@context': 'https://schema.org',
  '@type': 'NewsArticle',
  headline: 'Niger : le général Tiani reçoit une délégation russe à Niamey',
  datePublished: '2023-12-04T18:30:00+01:00',
  author: [{ '@type': 'Person', name: 'Mathieu Olivier' }],
  publisher: { '@type': 'Organization', name: 'Jeune Afrique' },
}
const ld = (v: unknown) => `<script type="application/ld+json">${JSON.stringify(v)}</script>`

describe('JSON-LD article card', () => {
  it('gives the date, headline, author and outlet when no meta tag does, each traced to its text', () => {
    const html = page(ld(card))
    const { meta } = extractHtml(html)
    expect(meta.published?.value).toBe('2023-12-04T18:30:00+01:00')
    expect(meta.title?.value).toBe('Niger : le général Tiani reçoit une délégation russe à Niamey')
    expect(meta.author?.value).toBe('Mathieu Olivier')
    expect(meta.siteName?.value).toBe('Jeune Afrique')
    const at = meta.published!.place
    expect(html.slice(at.start, at.end)).toBe('2023-12-04T18:30:00+01:00')
  })

  it('finds the card in an @graph, beside the site and breadcrumb nodes', () => {
    const graph = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', name: 'RFI' },
        { '@type': 'BreadcrumbList', itemListElement: [] },
        { ...card, '@type': ['NewsArticle', 'Article'], author: 'Christophe Boisbouvier' },
      ],
    }
    const { meta } = extractHtml(page(ld(graph)))
    expect(meta.author?.value).toBe('Christophe Boisbouvier')
    expect(meta.published?.value).toBe('2023-12-04T18:30:00+01:00')
  })

  it('ranks after the meta tags', () => {
    const { meta } = extractHtml(
      page(
        `<meta property="article:published_time" content="2023-12-05T07:00:00Z"><meta property="og:title" content="Titre OG">${ld(card)}`,
      ),
    )
    expect(meta.published?.value).toBe('2023-12-05T07:00:00Z')
    expect(meta.title?.value).toBe('Titre OG')
  })

  it('ignores broken JSON, other types, and keeps the script out of the text', () => {
    const broken = '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": </script>'
    const other = ld({ '@type': 'Organization', name: 'Le Site', foundingDate: '1960-09-22' })
    const x = extractHtml(page(broken + other))
    expect(x.meta.published).toBeUndefined()
    expect(x.meta.author).toBeUndefined()
    expect(x.text.text).not.toContain('@type')
    expect(x.text.text).toContain('Abdourahamane Tiani')
  })
})
