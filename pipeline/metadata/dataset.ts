/**
 * What a dataset is — title, description, sources, keywords, version, licences, authors — read from
 * `dataset.json` at the top of the input folder (schema: `schemas/inputs/dataset.schema.json`) and
 * completed with defaults that name no corpus. The build records it in `manifest.json`; from there it
 * feeds `datapackage.json`, the report, and a release's dataset card and `CITATION.cff`.
 */
import { existsSync, lstatSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Ajv2020 } from 'ajv/dist/2020.js'
import formatsModule from 'ajv-formats'
import { PipelineError } from '../errors.js'
import { repoFile } from '../util/paths.js'

const addFormats = (formatsModule as unknown as { default: (ajv: Ajv2020) => Ajv2020 }).default

/** The metadata file's name, at the top of an input folder; the input walker does not read it as an article. */
export const DATASET_FILE = 'dataset.json'

export interface License {
  readonly name: string
  readonly path?: string
  readonly title?: string
}
export interface Author {
  readonly name: string
  readonly orcid?: string
  readonly affiliation?: string
  readonly email?: string
}
export interface DatasetMetadata {
  readonly name: string
  readonly title: string
  readonly description: string
  readonly sources: string
  readonly keywords: readonly string[]
  readonly version: string
  readonly licenses: readonly License[]
  readonly authors: readonly Author[]
}

/** What a dataset says of itself when its builder said nothing: true of any corpus, specific to none. */
export function defaultMetadata(pipelineVersion: string): DatasetMetadata {
  return {
    name: 'depeches',
    title: 'French-language press articles with extracted entities, quotes, dates and events',
    description:
      'Articles of the French-language press turned into tables of documents, entities, mentions, quotes, temporal expressions and events, each value traceable to the characters it came from.',
    sources:
      'French-language press articles, collected as text or HTML files. Each document keeps the path and SHA-256 of its input file and its URL when the text gives one.',
    keywords: ['press', 'French', 'event data', 'named entities', 'quotations'],
    version: pipelineVersion,
    licenses: [
      {
        name: 'CC-BY-4.0',
        path: 'https://creativecommons.org/licenses/by/4.0/',
        title: 'Creative Commons Attribution 4.0 (extracted data; article texts remain their publishers’)',
      },
    ],
    authors: [{ name: 'The depeches contributors' }],
  }
}

let validator: ReturnType<Ajv2020['compile']> | undefined
function validate(value: unknown): string[] {
  if (!validator) {
    const ajv = new Ajv2020({ strict: true, allErrors: true })
    addFormats(ajv)
    validator = ajv.compile(
      JSON.parse(readFileSync(repoFile('schemas/inputs/dataset.schema.json'), 'utf8')) as object,
    )
  }
  if (validator(value)) return []
  return (validator.errors ?? []).map((e) =>
    e.keyword === 'additionalProperties'
      ? `unknown property "${(e.params as { additionalProperty: string }).additionalProperty}"${e.instancePath ? ` in ${e.instancePath}` : ''}`
      : `${e.instancePath || '(top)'} ${e.message ?? 'is not valid'}`,
  )
}

/** The metadata given in `text` (the contents of a dataset.json), over the defaults; throws on a bad file. */
export function parseMetadata(text: string, where: string, pipelineVersion: string): DatasetMetadata {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (e) {
    throw new PipelineError('E_METADATA', `${where} is not valid JSON: ${(e as Error).message}`)
  }
  const errors = validate(value)
  if (errors.length > 0)
    throw new PipelineError(
      'E_METADATA',
      `${where} does not match schemas/inputs/dataset.schema.json: ${errors.join('; ')}`,
    )
  const { $schema: _s, ...given } = value as Partial<DatasetMetadata> & { $schema?: string }
  return { ...defaultMetadata(pipelineVersion), ...given }
}

/** The metadata of an input: its folder's dataset.json over the defaults (a single file has the defaults). */
export function readMetadata(input: string, pipelineVersion: string): DatasetMetadata {
  const file = join(input, DATASET_FILE)
  if (!lstatSync(input).isDirectory() || !existsSync(file)) return defaultMetadata(pipelineVersion)
  return parseMetadata(readFileSync(file, 'utf8'), `${DATASET_FILE} of the input folder`, pipelineVersion)
}
