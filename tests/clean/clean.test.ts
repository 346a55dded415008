import { describe, expect, it } from 'vitest'
import { cleanBody } from '../../pipeline/clean/body.js'
import { repairCasing } from '../../pipeline/clean/casing.js'
import { cleanCharacters } from '../../pipeline/clean/characters.js'
import { repairGlued } from '../../pipeline/clean/glued.js'
import { repairMojibake } from '../../pipeline/clean/mojibake.js'
import { MappedText } from '../../pipeline/util/mapped-text.js'

const glued = (s: string) => repairGlued(MappedText.identity(s)).text.text
const casing = (s: string) => repairCasing(MappedText.identity(s)).text.text
const moji = (s: string) => repairMojibake(MappedText.identity(s)).text.text

describe('clean: glued sentences and intertitles', () => {
  it('separates sentences glued at the full stop', () => {
    expect(glued('en visite à Moscou.Lors des négociations')).toBe(
      'en visite à Moscou. Lors des négociations',
    )
    expect(glued('insiste-t-il.Pour sa part, le chef')).toBe('insiste-t-il. Pour sa part, le chef')
  })

  it('spaces a title glued to a name, but not numbers or web addresses', () => {
    expect(glued('Selon M.Diop, le pays')).toBe('Selon M. Diop, le pays')
    expect(glued('entre 2.500 et 3.000 hommes')).toBe('entre 2.500 et 3.000 hommes')
    expect(glued('sur fr.sputniknews.com hier')).toBe('sur fr.sputniknews.com hier')
  })

  it('splits an intertitle glued at both ends into its own paragraph', () => {
    expect(
      glued(
        'sa présence militaire.Moscou dément tout lien avec les sociétés privéesÉvoquant les préoccupations',
      ),
    ).toBe(
      'sa présence militaire.\n\nMoscou dément tout lien avec les sociétés privées\n\nÉvoquant les préoccupations',
    )
    expect(glued('des ressortissants russes".Mises en garde françaisesEn juin, Emmanuel Macron')).toBe(
      'des ressortissants russes".\n\nMises en garde françaises\n\nEn juin, Emmanuel Macron',
    )
  })

  it('leaves camel-case brand names and acronyms alone', () => {
    expect(glued('un message sur WhatsApp dimanche')).toBe('un message sur WhatsApp dimanche')
    expect(glued('les rebelles du CsP et l’aEs')).toBe('les rebelles du CsP et l’aEs')
    expect(glued('une vidéo YouTube publiée')).toBe('une vidéo YouTube publiée')
  })
})

describe('clean: casing accidents', () => {
  it('re-cases a word with random case flips', () => {
    expect(casing('Signé M. SaNGaRé hier')).toBe('Signé M. Sangaré hier')
  })

  it('capitalises a sentence or paragraph that starts in lower case', () => {
    expect(casing('Ils déchargent le matériel. dans une vidéo diffusée')).toBe(
      'Ils déchargent le matériel. Dans une vidéo diffusée',
    )
    expect(casing('selon African Initiative, un média')).toBe('Selon African Initiative, un média')
  })

  it('keeps lower-cased names and words after abbreviations as they are', () => {
    expect(casing('Aussi, le ministre sergueï Lavrov a')).toBe('Aussi, le ministre sergueï Lavrov a')
    expect(casing('Des armes, des munitions, etc. ou du carburant')).toBe(
      'Des armes, des munitions, etc. ou du carburant',
    )
    expect(casing('McDonald et FAMa')).toBe('McDonald et FAMa')
  })
})

describe('clean: mojibake and characters', () => {
  it('repairs UTF-8 read as Windows-1252', () => {
    expect(moji('AprÃ¨s lâ€™attaque, lâ€™armÃ©e a ripostÃ©')).toBe('Après l’attaque, l’armée a riposté')
    expect(moji('Ã  la frontiÃ¨re')).toBe('à la frontière')
  })

  it('leaves correct French typography alone', () => {
    const ok = 'Il a été « très clair », a-t-il dit à Ségou.'
    expect(moji(ok)).toBe(ok)
    expect(moji('une réunion à Bamako\u00a0»')).toBe('une réunion à Bamako\u00a0»')
  })

  it('folds CRLF and lone CR, removes NUL and zero-width characters, normalises spaces and NFC', () => {
    const raw = 'Ligne un\r\nLigne\u0000 deux\rLigne\u00a0trois\u200b e\u0301te\u0301'
    const c = cleanCharacters(raw)
    expect(c.text.text).toBe('Ligne un\nLigne deux\nLigne trois été')
    expect(c.messages.map((m) => m.ruleId)).toContain('control-characters')
  })

  it('cleanBody joins paragraphs with one blank line and trims them', () => {
    const b = cleanBody([MappedText.identity('  Premier.  '), MappedText.identity('Second  paragraphe.')])
    expect(b.text.text).toBe('Premier.\n\nSecond paragraphe.')
  })
})
