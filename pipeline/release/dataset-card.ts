/**
 * The dataset card (`README.md` of a release): what the data is, where it comes from, what it covers
 * (figures computed from the tables themselves, never typed by hand), how it was made, what it cannot
 * be trusted for, its licence and how to cite it.
 */
import { byKey, type DatasetStats, ranked } from '../publish/stats.js'
import { DATA_TABLES } from '../schema/tables.js'
import { bibtex, type CitationInfo } from './citation.js'

const n = (x: number) => x.toLocaleString('en-US')

export function datasetCard(citation: CitationInfo, s: DatasetStats): string {
  const range = s.dateRange ? `${s.dateRange.from} to ${s.dateRange.to}` : 'no dated article'
  const outlets = ranked(s.outlets)
  const empty = DATA_TABLES.filter((t) => s.rows[t] === 0)
  const rejects = byKey(s.rejectsByReason)
  return `# ${citation.title}

Version ${citation.version}. ${citation.abstract}

## Contents

| path | what |
|---|---|
| \`data/<table>.csv\` | RFC 4180, UTF-8, header row, lists joined by \`|\`, null as an empty cell |
| \`data/<table>.jsonl\` | JSON Lines: one object per row, every column present |
| \`data/<table>.arrow\` | Arrow IPC file (Feather v2) with real types: integers, dates, lists, dictionaries |
| \`data/<table>.parquet\` | Parquet (zstd), the same types as the Arrow files |
| \`datapackage.json\` | Frictionless Data Package v2.0: every file with its size, SHA-256 and Table Schema (types, constraints, primary and foreign keys) |
| \`CODEBOOK.md\` | every table and column: type, unit, allowed values, how it is derived, an example; the event ontology |
| \`report.html\` | the dataset at a glance (timeline, entities, map, events, quotes, rejects); opens offline |
| \`rejects.jsonl\` | every input that did not become a document, with the stage and the reason |
| \`manifest.json\` | the build's reconciliation (inputs = documents + duplicates + rejects) and versions |
| \`CITATION.cff\`, \`CHANGELOG.md\`, \`SHA256SUMS\` | how to cite, what changed, a checksum of every file (\`sha256sum -c SHA256SUMS\`) |

Tables: **documents** (one row per distinct article), **entities** (people, organisations, countries,
places, equipment), **mentions** (each occurrence of an entity, with its span), **quotes** (direct
quotations and their speakers), **temporal_expressions** (every date expression, resolved), **events**
(who did what to whom, where, when, typed by the event ontology). Keys: \`doc_id\`, \`entity_id\`;
see \`CODEBOOK.md\`.

## Sources

${citation.sources} Each document keeps the path and SHA-256 of its input file (\`source_file\`,
\`source_sha256\`) and its URL when the text gives one. The article texts remain the property of their
publishers.

Outlets (as recognised from the URL or the text): ${
    outlets.length > 0 ? outlets.map(([o, k]) => `${o} (${n(k)})`).join(', ') : 'none'
  }.

## Coverage

- Publication dates: ${range}${
    s.articlesYearOnly + s.articlesUndated > 0
      ? ` (${n(s.articlesYearOnly)} article(s) dated to the year only, ${n(s.articlesUndated)} undated)`
      : ''
  }.
- Languages: ${byKey(s.languages)
    .map(([l, k]) => `${l} (${n(k)})`)
    .join(', ')}; ${n(s.words)} words of article text.
- Rows per table:

| table | rows |
|---|---|
${DATA_TABLES.map((t) => `| ${t} | ${n(s.rows[t])} |`).join('\n')}
| rejects (inputs) | ${n(s.rejects)} |
${
  rejects.length > 0
    ? `\nRejected inputs by stage and reason: ${rejects.map(([r, k]) => `${r} (${n(k)})`).join(', ')}.\n`
    : ''
}
## Method

A deterministic pipeline (no model, no network, no clock) turns each input into rows:

1. **parse**: decode the bytes (UTF-8, UTF-16, or Windows-1252/ISO-8859-15 when that is what they
   are), split the header (URL, date, outlet, title) from the body;
2. **clean**: repair mojibake, normalise characters and spacing, separate sentences and intertitles
   glued together by copying from web pages, keeping a map from every cleaned character back to its
   byte in the raw input;
3. **enrich**: outlet, publication date (with its precision and where it was read), language; entities
   from a curated gazetteer and patterns; quotes and their speakers; date expressions resolved against
   the publication date; events from trigger words of the event ontology, with their place, actors,
   date and stated fatalities;
4. **validate**: every row against the JSON Schema of its table; an input that fails becomes a reject;
5. **publish**: rows sorted by a documented key, written to every format, checksummed.

Identifiers are hashes of content, so a rebuild of the same inputs gives the same bytes. Duplicated
articles (the same cleaned text) are one document, listing the other files in \`duplicate_sources\`.

## Known limits

- Extraction is rule-based: it misses what its rules and gazetteer do not cover, and its \`confidence\`
  is a fixed value per rule, not a calibrated probability. Check the \`evidence\` spans before counting.
- Dates are only as precise as the source (\`*_precision\`); no day is ever invented. Relative dates
  (\`mardi\`) are resolved against the publication date and may be wrong when that date is itself only
  a month or a year.
- Fatalities are the lowest number a sentence states next to a word of death; wounded are not counted.
  An \`events\` row is one event as one article reports it (its sentences are \`event_mentions\`); several
  articles may report the same event: count distinct \`event_cluster\` values to count it once.
- Coordinates and Wikidata/GeoNames ids are given only when certain; many places have none.
- The corpus is what was collected, not a sample of the French-language press: counts describe it, not
  the world.${
    empty.length > 0
      ? `\n- This release has no rows in: ${empty.join(', ')} (the extractor is not part of this version, or found nothing).`
      : ''
  }

## Reading the data

- Python (pandas): \`pd.read_csv('data/documents.csv', dtype=..., keep_default_na=False, na_values=[''])\`
  with types from \`datapackage.json\`, or \`pd.read_json('data/documents.jsonl', lines=True)\`;
  with pyarrow: \`pyarrow.feather.read_table('data/documents.arrow')\`,
  \`pyarrow.parquet.read_table('data/documents.parquet')\` (types and dictionaries kept).
- R: \`arrow::read_feather()\` / \`arrow::read_parquet()\`, or \`read.csv(..., na.strings = "")\`.
- DuckDB: \`SELECT * FROM 'data/documents.parquet'\`.
- Any Frictionless tool: \`frictionless validate datapackage.json\` (list columns are strings in CSV:
  items joined by \`|\`, an empty cell is the empty list; \`x-listDelimiter\` marks them).

## Licence

The extracted data (tables, codebook, report) are released under ${citation.licenses
    .map((l) => `${l.title ?? l.name}${l.path ? ` (${l.path})` : ''}`)
    .join('; ')}. The article texts quoted in \`documents.text\` and in the
spans of the other tables remain the property of their publishers and are included for research
(text and data mining); do not republish them as such.

## How to cite

${citation.authors.map((a) => a.name).join(', ')}. ${citation.title}, version ${citation.version}${
    citation.dateReleased ? ` (data up to ${citation.dateReleased})` : ''
  }. (See \`CITATION.cff\`.)

\`\`\`bibtex
${bibtex(citation)}
\`\`\`
`
}
