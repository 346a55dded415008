/**
 * The extractors the pipeline runs, in order: each sees what the earlier ones found
 * (quotes need entity mentions for speakers; events need entities and resolved dates).
 */
import { extractEntities } from './entities/index.js'
import { extractEvents } from './events/index.js'
import type { Extractor } from './extract.js'
import { extractQuotes } from './quotes/index.js'
import { extractTemporal } from './temporal/index.js'

export const EXTRACTORS: readonly Extractor[] = [
  extractEntities,
  extractTemporal,
  extractQuotes,
  extractEvents,
]
