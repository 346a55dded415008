import { describe, expect, it } from 'vitest'
import { cleanBody } from '../../pipeline/clean/body.js'
import { cleanCharacters } from '../../pipeline/clean/characters.js'
import { structure } from '../../pipeline/parse/structure.js'

const run = (raw: string) => {
  const st = structure(cleanCharacters(raw).text)
  return { ...st, body: cleanBody(st.blocks).text.text }
}

describe('structure: header forms of copy-pasted articles', () => {
  it('reads a ` date YYYY-MM` prefix with the body on the same line', () => {
    const r = run(
      ' date 2022-03 Les autorités de transition ont annoncé mardi le départ des soldats français du pays.',
    )
    expect(r.header.datePrefix?.value).toEqual({ year: 2022, month: 3 })
    expect(r.body.startsWith('Les autorités de transition')).toBe(true)
  })

  it('reads a URL line after the prefix, and a headline repeated twice', () => {
    const raw = [
      ' date 2023-06 https://www.example-news.africa/2023/06/16/la-minusma-priee-de-partir',
      '',
      'Bamako demande le départ de la Minusma',
      '',
      'Bamako demande le départ de la Minusma',
      '',
      'Le ministre des Affaires étrangères a demandé vendredi au Conseil de sécurité le retrait sans délai de la mission.',
    ].join('\n')
    const r = run(raw)
    expect(r.header.url?.value).toBe('https://www.example-news.africa/2023/06/16/la-minusma-priee-de-partir')
    expect(r.header.title?.value).toEqual({ text: 'Bamako demande le départ de la Minusma', how: 'repeated' })
    expect(r.body).not.toContain('Bamako demande le départ')
  })

  it('reads `Publié le <weekday> <d> <month> <yyyy> | <Outlet>` with the headline before it', () => {
    const r = run(
      'Niger : la junte suspend un média étranger Publié le lundi 3 juin 2024 | Le Sahel\n\nLe gouvernement a suspendu pour trois mois la diffusion de la chaîne, accusée de propager de fausses informations.',
    )
    expect(r.header.publishedLine?.value.date).toEqual({ year: 2024, month: 6, day: 3, weekday: 1 })
    expect(r.header.publishedLine?.value.outlet).toBe('Le Sahel')
    expect(r.header.title?.value.text).toBe('Niger : la junte suspend un média étranger')
  })

  it('keeps a link-preview teaser in the body but reads its date and outlet', () => {
    const raw =
      'La délégation russe a rencontré les autorités de la transition pour parler de sécurité, a annoncé le ministère lors de... 05.03.2024, Sputnik Afrique\n\nLe ministre a reçu la délégation dans la matinée au palais de Koulouba pour un long entretien.'
    const r = run(raw)
    expect(r.header.teaser?.value).toEqual({
      date: { year: 2024, month: 3, day: 5 },
      outlet: 'Sputnik Afrique',
    })
    expect(r.body).toContain('a annoncé le ministère')
  })

  it('drops a photo credit and keeps the caption next to it as a paragraph, never as a headline', () => {
    const raw =
      '© AFP / Archives\n\nAssimi Goïta et Ibrahim Traoré à Niamey\n\nLes chefs des trois juntes sahéliennes ont signé samedi le traité de leur confédération, après des mois de discussions.'
    const r = run(raw)
    expect(r.body).not.toContain('©')
    expect(r.body.startsWith('Assimi Goïta et Ibrahim Traoré à Niamey')).toBe(true)
    expect(r.header.title).toBeUndefined()
    expect(r.messages.map((m) => m.ruleId)).toEqual(
      expect.arrayContaining(['structure/credit', 'structure/caption']),
    )
  })

  it('reads an agency sign-off as initials and agency', () => {
    const r = run(
      'Le président de la transition a reçu jeudi une délégation de la Cédéao venue parler du calendrier électoral du pays.\nAD/te/APA',
    )
    expect(r.header.signoff?.value).toEqual({ initials: 'AD/te', agency: 'APA' })
    expect(r.body).not.toContain('APA')
  })

  it('reads `(AFP)` alone on the last line as a sign-off', () => {
    const r = run(
      "L'armée a affirmé avoir neutralisé plusieurs dizaines de terroristes lors d'une opération dans le centre.\n(AFP)",
    )
    expect(r.header.signoff?.value).toEqual({ initials: null, agency: 'AFP' })
  })

  it('reads a signature on the last line as the author, and a by-line at the top', () => {
    const foot = run(
      'Les discussions ont porté sur la coopération militaire et la formation des soldats maliens, selon un communiqué.\n\nA. Diallo',
    )
    expect(foot.header.byline?.value).toBe('A. Diallo')
    const top = run(
      'Par Jean-Baptiste Dupont, envoyé spécial\nLes soldats sont arrivés à l’aube à Gao, où ils ont été accueillis par la population locale.',
    )
    expect(top.header.byline?.value).toBe('Jean-Baptiste Dupont')
  })

  it('finds a headline standing alone among the first paragraphs, but not an intertitle further down', () => {
    const r = run(
      'Le ministre a répondu aux questions des journalistes pendant une heure, a-t-il été précisé.\n\nLe Burkina Faso renforce sa coopération avec Moscou\n\nLes deux pays ont signé plusieurs accords.\n\nDes armes livrées\n\nLa suite de l’article.',
    )
    expect(r.header.title?.value).toEqual({
      text: 'Le Burkina Faso renforce sa coopération avec Moscou',
      how: 'standalone',
    })
    expect(r.body).toContain('Des armes livrées')
  })

  it('does not take a first sentence or a short intertitle for a headline', () => {
    const r = run(
      'Les combats ont repris dans le nord du pays, selon plusieurs sources locales jointes par téléphone.\n\nUn bilan lourd\n\nAu moins dix soldats ont été tués.',
    )
    expect(r.header.title).toBeUndefined()
  })

  it('joins a sentence broken over two lines by a stray blank line', () => {
    const r = run(
      'Cette assistance s’inscrit dans le cadre de la coopération militaire, renforçant\n\nainsi les liens bilatéraux entre les deux pays.',
    )
    expect(r.body).toBe(
      'Cette assistance s’inscrit dans le cadre de la coopération militaire, renforçant ainsi les liens bilatéraux entre les deux pays.',
    )
  })

  it('drops a `Lire aussi` link line', () => {
    const r = run(
      'Lire aussi : Mali, la junte prolonge la transition\nLe Conseil national de transition a adopté la loi à l’unanimité des membres présents.',
    )
    expect(r.body).not.toContain('Lire aussi')
  })

  it('reads a date line after a URL line, and a date glued to the body', () => {
    const r = run(
      [
        'https://impact.sn/Mali-La-junte-annonce-l-expulsion_a30684.amp.html',
        '',
        'Mali - La junte annonce l’expulsion de l’ambassadeur de France',
        '',
        'Lundi 31 Janvier 2022',
        '',
        'Joël Meyer, ambassadeur de France au Mali, a été convoqué aujourd’hui au ministère des Affaires étrangères.',
      ].join('\n'),
    )
    expect(r.header.publishedLine?.value.date).toEqual({ year: 2022, month: 1, day: 31, weekday: 1 })
    expect(r.header.title?.value.text).toBe('Mali - La junte annonce l’expulsion de l’ambassadeur de France')
    expect(r.body).not.toContain('Janvier 2022')
    const glued = run('- 13 mars 2016La station de ski a rouvert samedi après deux semaines de fermeture.')
    expect(glued.header.publishedLine?.value.date).toEqual({ year: 2016, month: 3, day: 13 })
    expect(glued.body).toBe('La station de ski a rouvert samedi après deux semaines de fermeture.')
  })

  it('splits a headline sharing its line with a by-line, a date and the body', () => {
    const r = run(
      'Crise Algérie – France : Alger retire son ambassadeur à Paris “avec effet immédiat” Par Farid L. 30 juillet 2024 à 15:36 ALGER, mardi 30 juillet 2024 – L’Algérie a pris la décision, aujourd’hui, de rappeler son ambassadeur à Paris.',
    )
    expect(r.header.title?.value.text).toBe(
      'Crise Algérie – France : Alger retire son ambassadeur à Paris “avec effet immédiat”',
    )
    expect(r.header.byline?.value).toBe('Farid L.')
    expect(r.header.publishedLine?.value.date).toEqual({ year: 2024, month: 7, day: 30 })
    expect(r.body.startsWith('ALGER, mardi 30 juillet 2024 – L’Algérie')).toBe(true)
  })

  it('does not join a headline to a next line glued to page debris (`imgUn …`)', () => {
    const r = run(
      [
        'Cameroun: un double attentat suicide frappe de nouveau l’extrême nord',
        '',
        'imgUn double attentat-suicide a de nouveau frappé dimanche l’Extrême-Nord du Cameroun, tuant trois personnes à Mora.',
      ].join('\n'),
    )
    expect(r.header.title?.value.text).toBe(
      'Cameroun: un double attentat suicide frappe de nouveau l’extrême nord',
    )
  })

  it('takes no caption for a headline, and reads by-lines with a role', () => {
    const r = run(
      [
        'Emmanuel Macron (G) et Assimi Goïta lors du sommet de Pau',
        '',
        'Une victime collatérale de la tension persistante entre le Palais de Koulouba et l’Elysée. Joël Meyer a été convoqué.',
      ].join('\n'),
    )
    expect(r.header.title).toBeUndefined()
    const credited = run(
      'Les forces du régime syrien ont bombardé plusieurs quartiers de la ville (Photo d’illustration) - AFP\n\nAu moins 15 civils ont été tués mercredi.',
    )
    expect(credited.header.title).toBeUndefined()
    const role = run(
      [
        'Niger : la junte reçoit le vice-ministre russe de la Défense',
        '',
        'Jean Dupont, envoyé spécial à Niamey',
        '',
        'Le vice-ministre russe de la Défense a été reçu lundi à Niamey par le chef de la junte.',
      ].join('\n'),
    )
    expect(role.header.byline?.value).toBe('Jean Dupont')
    expect(role.body).not.toContain('envoyé spécial')
  })

  it('finds the signature above the page furniture copied after it', () => {
    const r = run(
      [
        'Ces affrontements, les plus importants depuis plusieurs mois, ont éclaté jeudi dans la localité de Tinzaoutène.',
        '',
        'Achille Kanza',
        '',
        'La Gazette logo',
        '',
        'Newsletter',
        '',
        'Inscrivez-vous pour ne rien rater',
      ].join('\n'),
    )
    expect(r.header.byline?.value).toBe('Achille Kanza')
  })
})

describe('a sentence that says "publié le" is body, never a header line', () => {
  const sentences = [
    "L'accord, publié le 12 mai 2023 par le ministère de la Défense, prévoit le retrait des troupes avant la fin de l'année.",
    'Le rapport mis en ligne le 3 juin 2024 sur le site des Nations unies détaille les exactions commises dans la région.',
    'Paru le 5 mars 2022, le livre raconte la guerre vue depuis les villages du centre du pays.',
    "Publié le 14 février 2023, le décret fixe les conditions d'accès aux zones minières pour les entreprises étrangères.",
    'Mis à jour le 2 avril 2024, le bilan fait désormais état de dix morts.',
  ]
  for (const s of sentences)
    it(`keeps "${s.slice(0, 40)}…"`, () => {
      const r = run(`${s}\n\nLes autorités n'ont pas réagi.`)
      expect(r.body.startsWith(s)).toBe(true)
      expect(r.header.publishedLine).toBeUndefined()
    })

  it('still reads a short header line with a time and an update stamp', () => {
    const r = run(
      'Publié le 12 mai 2023 à 10h32 - Mis à jour le 13 mai 2023 à 08h00\n\nLe gouvernement a annoncé jeudi la fermeture des frontières terrestres du pays pour une semaine.',
    )
    expect(r.header.publishedLine?.value.date).toEqual({ year: 2023, month: 5, day: 12 })
    expect(r.body.startsWith('Le gouvernement')).toBe(true)
  })

  it('a one-paragraph article that says "publié le" is a document, not "0 words left"', async () => {
    const { build } = await import('../../pipeline/run.js')
    const { mkdtempSync, writeFileSync, readFileSync } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const { join } = await import('node:path')
    const root = mkdtempSync(join(tmpdir(), 'publie-'))
    const a = `${sentences[0]}`
    const b = `${sentences[3]}`
    writeFileSync(join(root, 'a.txt'), a)
    writeFileSync(join(root, 'b.txt'), b)
    const summary = await build({ input: root, out: join(root, '..', `${root.split('/').pop()}-out`) })
    expect(summary.rejected).toBe(0)
    expect(summary.documents).toBe(2)
    const docs = readFileSync(
      join(root, '..', `${root.split('/').pop()}-out`, 'data', 'documents.jsonl'),
      'utf8',
    )
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { text: string; published_source: string | null })
    expect(docs.map((d) => d.text).sort()).toEqual([a, b].sort())
    expect(docs.every((d) => d.published_source !== 'header')).toBe(true)
  })

  it('keeps the date of an update stamp apart from the publication line', () => {
    const r = run(
      [
        'Guinée-Russie : quand Moscou approche Doumbouya',
        '',
        'Mis à jour le 17 février 2022 à 16:59',
        '',
        'Le président de la transition guinéenne a rencontré discrètement des officiels russes à Conakry.',
      ].join('\n'),
    )
    expect(r.header.updated?.value).toEqual({ year: 2022, month: 2, day: 17 })
    expect(r.header.publishedLine).toBeUndefined()
    expect(r.body).not.toContain('Mis à jour')
  })

  it('reads the date a by-line carries', () => {
    const r = run(
      [
        'Mali : la junte annonce la dissolution des partis politiques',
        '',
        'Par Jean Dupont - 13 mai 2025 à 10h30',
        '',
        'Le gouvernement de transition a annoncé mardi la dissolution de tous les partis politiques du pays.',
      ].join('\n'),
    )
    expect(r.header.byline?.value).toBe('Jean Dupont')
    expect(r.header.publishedLine?.value.date).toEqual({ year: 2025, month: 5, day: 13 })
  })

  it('reads the site name of a rights notice and removes it from the body', () => {
    const r = run(
      'Au moins 63 personnes ont été tuées samedi dans une attaque à Darul Jamal.\n\n© 2025 Koaci.com. Tous droits réservés',
    )
    expect(r.header.copyright?.value).toBe('Koaci.com')
    expect(r.body).not.toContain('droits réservés')
    // a photo credit is not a rights notice
    expect(
      run('© AFP\n\nLe texte de l’article, assez long pour être un corps.').header.copyright,
    ).toBeUndefined()
  })
})
