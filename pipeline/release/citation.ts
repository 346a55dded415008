/** `CITATION.cff` (Citation File Format 1.2.0), so that GitHub, Zenodo and reference managers cite the release. */
import type { Author, License } from '../metadata/dataset.js'

export interface CitationInfo {
  readonly title: string
  readonly version: string
  readonly abstract: string
  /** Where the texts come from (the dataset card's Sources). */
  readonly sources: string
  readonly licenses: readonly License[]
  readonly keywords: readonly string[]
  readonly authors: readonly Author[]
  /** The latest publication date in the data (`YYYY-MM-DD`), never the clock; null when nothing is dated. */
  readonly dateReleased: string | null
}

const q = (s: string) => JSON.stringify(s) // a YAML double-quoted scalar is a JSON string

export function citationCff(c: CitationInfo): string {
  const license = c.licenses[0]?.name
  return [
    'cff-version: 1.2.0',
    'message: "If you use this dataset, please cite it as below."',
    'type: dataset',
    `title: ${q(c.title)}`,
    `version: ${q(c.version)}`,
    // from the data (its latest publication date), so that the same data gives the same file
    ...(c.dateReleased ? [`date-released: ${q(c.dateReleased)}`] : []),
    'authors:',
    ...c.authors.flatMap((a) => [
      `  - name: ${q(a.name)}`,
      ...(a.orcid ? [`    orcid: ${q(a.orcid)}`] : []),
      ...(a.affiliation ? [`    affiliation: ${q(a.affiliation)}`] : []),
      ...(a.email ? [`    email: ${q(a.email)}`] : []),
    ]),
    `abstract: ${q(c.abstract)}`,
    ...(license ? [`license: ${q(license)}`] : []),
    'keywords:',
    ...c.keywords.map((k) => `  - ${q(k)}`),
    '',
  ].join('\n')
}

/** The same reference as BibTeX, for the dataset card. */
export function bibtex(c: CitationInfo): string {
  const key = `${
    c.title
      .split(/\s+/)[0]!
      .replace(/[^0-9A-Za-z]/g, '')
      .toLowerCase() || 'dataset'
  }_${c.version.replace(/[^0-9A-Za-z]/g, '_')}`
  return [
    `@misc{${key},`,
    `  title = {${c.title}},`,
    `  author = {${c.authors.map((a) => `{${a.name}}`).join(' and ')}},`,
    `  version = {${c.version}},`,
    ...(c.dateReleased ? [`  year = {${c.dateReleased.slice(0, 4)}},`] : []),
    '  note = {Dataset},',
    '}',
  ].join('\n')
}
