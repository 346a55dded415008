/** Extraction of events (issue 3): not implemented yet, so it contributes no rows. */
import type { Extractor } from '../extract.js'

export const extractEvents: Extractor = () => ({})
