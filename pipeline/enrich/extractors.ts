/** The extractors the pipeline runs, in order. Text-level extraction plugs in here. */
import type { Extractor } from './extract.js'

export const EXTRACTORS: readonly Extractor[] = []
