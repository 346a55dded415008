/** The clean stage for a whole decoded input, before it is split: mojibake, controls, spaces, NFC. */
import { type Message, message } from '../types.js'
import { MappedText } from '../util/mapped-text.js'
import { repairMojibake } from './mojibake.js'
import { normalizeCharacters } from './normalize.js'

export interface CleanCharacters {
  readonly text: MappedText
  readonly messages: readonly Message[]
}

export function cleanCharacters(decoded: string): CleanCharacters {
  return cleanMappedCharacters(MappedText.identity(decoded))
}

/** The same, for text already traced to the decoded input (the paragraphs extracted from an HTML page). */
export function cleanMappedCharacters(input: MappedText): CleanCharacters {
  const messages: Message[] = []
  const moji = repairMojibake(input)
  if (moji.repaired)
    messages.push(
      message('clean', 'mojibake', 'warning', `repaired ${moji.repaired} mis-decoded (mojibake) sequences`),
    )
  const norm = normalizeCharacters(moji.text)
  if (norm.removedControls)
    messages.push(
      message(
        'clean',
        'control-characters',
        'warning',
        `removed ${norm.removedControls} control characters (NUL and others)`,
      ),
    )
  return { text: norm.text, messages }
}
