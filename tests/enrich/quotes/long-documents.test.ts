/**
 * A long article (megabytes, tens of thousands of mentions and people) costs the speaker rules what is
 * near each cue, not the whole document: look-ups go through indexes built once (`DocContext.index`).
 * Pinned by counting reads of the document-wide lists while resolving the last paragraph's speakers, for
 * a document of 2 and of 200 paragraphs: the same speakers, and a count that grows with the logarithm
 * of the length (binary searches), where walking the lists made it 100 times larger. No timing.
 */
import { describe, expect, it } from 'vitest'
import {
  type DocContext,
  docContext,
  type MentionRef,
  type Person,
} from '../../../pipeline/enrich/quotes/context.js'
import { cuePatterns, findCues } from '../../../pipeline/enrich/quotes/cues.js'
import { lexicon } from '../../../pipeline/enrich/quotes/lexicon.js'
import { resolvePhrase } from '../../../pipeline/enrich/quotes/speaker.js'
import { subjectOf } from '../../../pipeline/enrich/quotes/subject.js'
import { soFar } from './fixtures.js'

// paragraphs of real shape (dev articles 406 and 403): people, bodies, pronouns, bare roles
const paragraph = (k: number) =>
  `${k}. Le ministère algérien des Affaires étrangères a convoqué l’ambassadeur. « Cette ingérence est inacceptable », a souligné le ministère. ` +
  `Le Premier ministre malien Choguel Maïga s’est plaint samedi du retrait de la force Barkhane. « Nous allons explorer d’autres voies », a-t-il déclaré. ` +
  `La ministre Aïssata Tall a rappelé les engagements pris. « Nous n’avons de leçons à recevoir de personne », a dit la ministre.\n\n`

const fixtures = [
  {
    name: 'Ministère algérien des Affaires étrangères',
    type: 'organization' as const,
    country: 'DZ',
    surfaces: ['ministère algérien des Affaires étrangères'],
  },
  { name: 'Choguel Kokalla Maïga', type: 'person' as const, country: 'ML', surfaces: ['Choguel Maïga'] },
  { name: 'Barkhane', type: 'organization' as const, country: 'FR', surfaces: ['Barkhane'] },
]

/** Wraps a list so that every read of an item is counted. */
function counted<T>(items: readonly T[], reads: { n: number }): readonly T[] {
  return new Proxy(items, {
    get(target, prop, receiver) {
      if (typeof prop === 'string' && /^\d+$/.test(prop)) reads.n++
      return Reflect.get(target, prop, receiver)
    },
  })
}

function countedMap<K, T>(
  map: ReadonlyMap<K, readonly T[]>,
  reads: { n: number },
): ReadonlyMap<K, readonly T[]> {
  return new Map([...map].map(([k, v]) => [k, counted(v, reads)]))
}

/** Reads of the document-wide lists while resolving each of the last paragraph's cues, and the speakers. */
function lastParagraph(paragraphs: number): { reads: number; speakers: (string | null)[] } {
  const text = Array.from({ length: paragraphs }, (_, k) => paragraph(k + 1)).join('')
  const found = soFar(text, fixtures)
  const lex = lexicon()
  const plain = docContext(text, lex, found.entities, found.mentions)
  const reads = { n: 0 }
  const ctx: DocContext = {
    ...plain,
    mentions: counted<MentionRef>(plain.mentions, reads),
    persons: counted<Person>(plain.persons, reads),
    index: {
      ...plain.index,
      orgMentionsByFirst: countedMap(plain.index.orgMentionsByFirst, reads),
      personsByRole: countedMap(plain.index.personsByRole, reads),
      personsByCountry: countedMap(plain.index.personsByCountry, reads),
    },
  }
  const lastStart = text.lastIndexOf(`${paragraphs}. `)
  const cues = findCues(text, cuePatterns(lex))
  const speakers: (string | null)[] = []
  for (const cue of cues) {
    if (cue.start < lastStart) continue
    const np = subjectOf(cue, ctx)
    speakers.push(np ? (resolvePhrase(np, ctx, [])?.name ?? null) : null)
  }
  return { reads: reads.n, speakers }
}

describe('speaker resolution in a long document', () => {
  it('reads about as much of the document-wide lists for the last paragraph of 200 as of 2', () => {
    const short = lastParagraph(2)
    const long = lastParagraph(200)
    expect(short.speakers).toEqual([
      'Ministère algérien des Affaires étrangères',
      'Choguel Kokalla Maïga', // s’est plaint
      'Choguel Kokalla Maïga', // a-t-il déclaré
      'Aïssata Tall', // a rappelé
      'Aïssata Tall', // a dit la ministre
    ])
    expect(long.speakers).toEqual(short.speakers)
    expect(short.reads).toBeGreaterThan(0)
    expect(long.reads, `${short.reads} → ${long.reads} reads`).toBeLessThan(short.reads * 5)
  })
})
