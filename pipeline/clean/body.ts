/** The clean stage for a body: paragraphs joined, glued sentences and casing repaired, spaces tidied. */
import { type Message, message } from '../types.js'
import { MappedText } from '../util/mapped-text.js'
import { repairCasing } from './casing.js'
import { repairGlued } from './glued.js'

export interface CleanBody {
  readonly text: MappedText
  readonly messages: readonly Message[]
}

export function cleanBody(blocks: readonly MappedText[]): CleanBody {
  const messages: Message[] = []
  let t = MappedText.join(blocks, '\n\n')
  const glued = repairGlued(t)
  if (glued.repaired)
    messages.push(
      message('clean', 'glued', 'info', `separated ${glued.repaired} glued sentences or intertitles`),
    )
  const casing = repairCasing(glued.text)
  if (casing.repaired)
    messages.push(message('clean', 'casing', 'info', `repaired ${casing.repaired} casing accidents`))
  t = casing.text.replace(/ {2,}/g, () => ' ')
  t = t.replace(/ +\n|\n +/g, () => '\n').replace(/\n{3,}/g, () => '\n\n')
  const lead = t.text.length - t.text.trimStart().length
  const trail = t.text.length - t.text.trimEnd().length
  return { text: t.slice(lead, t.length - trail), messages }
}
