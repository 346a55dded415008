/** `CITATION.cff` (Citation File Format 1.2.0), so that GitHub, Zenodo and reference managers cite the release. */

export interface CitationInfo {
  readonly title: string
  readonly version: string
  readonly abstract: string
  readonly license: string
  readonly keywords: readonly string[]
}

const q = (s: string) => JSON.stringify(s) // a YAML double-quoted scalar is a JSON string

export function citationCff(c: CitationInfo): string {
  // no `date-released`: the release must not depend on the clock; the version identifies it
  return [
    'cff-version: 1.2.0',
    'message: "If you use this dataset, please cite it as below."',
    'type: dataset',
    `title: ${q(c.title)}`,
    `version: ${q(c.version)}`,
    'authors:',
    '  - name: "The depeches contributors"',
    `abstract: ${q(c.abstract)}`,
    `license: ${c.license}`,
    'keywords:',
    ...c.keywords.map((k) => `  - ${q(k)}`),
    '',
  ].join('\n')
}

/** The same reference as BibTeX, for the dataset card. */
export function bibtex(c: CitationInfo): string {
  return [
    `@misc{depeches_${c.version.replace(/[^0-9A-Za-z]/g, '_')},`,
    `  title = {${c.title}},`,
    '  author = {{The depeches contributors}},',
    `  version = {${c.version}},`,
    '  note = {Dataset},',
    '}',
  ].join('\n')
}
