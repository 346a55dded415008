/** Anonymous, collective and carried-over speakers (issue 11), pinned on fragments of real articles. */
import { describe, expect, it } from 'vitest'
import { quote, quotesOf } from './fixtures.js'

const speakerOf = (text: string, prefix: string, fixtures: Parameters<typeof quotesOf>[1] = []) =>
  quote(quotesOf(text, fixtures), prefix).speaker

describe('anonymous and collective sources', () => {
  it('a plural group is named with its article', () => {
    const text =
      'Dans ce village du caza de Bint Jbeil, des habitants ont exhorté les autorités libanaises à prendre des mesures « sérieuses ».'
    expect(speakerOf(text, 'sérieuses')).toBe('des habitants')
  })

  it('`cette source` goes back to the last source of the same number', () => {
    const text =
      '« Les journalistes ont été pris en otage à bord de leur véhicule », déclare une source militaire. ' +
      'Mais selon des sources concordantes, les journalistes travaillaient pour une société privée. ' +
      'Les assaillants ont emporté les enregistreurs, « le chauffeur a pris fuite avec le véhicule », a expliqué cette source.'
    expect(speakerOf(text, 'le chauffeur')).toBe('une source militaire')
  })

  it('`la même source` and `le même communiqué` are whoever spoke last', () => {
    const text =
      'La réforme entrera en vigueur lundi, a annoncé le ministère marocain des Finances. ' +
      '« Le dirham sera déterminé à l’intérieur d’une bande de fluctuation », a indiqué la même source.'
    expect(speakerOf(text, 'Le dirham')).toBe('ministère marocain des Finances')
    const jnim =
      'Mais le Jnim précise ensuite que les domiciles des colonels faisaient partie des cibles. ' +
      '« Si votre droit est d’acheter des mercenaires, notre droit est de vous cibler », peut-on également lire dans le même communiqué.'
    expect(speakerOf(jnim, 'Si votre droit')).toBe('Jnim')
  })

  it('texts and figures cited with `selon` say nothing themselves', () => {
    expect(
      speakerOf(
        'Selon la Constitution, « le président du Sénat assure l’intérim » pendant 90 jours.',
        'le président',
      ),
    ).toBe(null)
  })
})

describe('where the speaker is named', () => {
  it('an incise in the present, inside the quotation', () => {
    const text =
      '« Cela n’a rien d’étonnant, affirme un ministre du gouvernement de transition. Les relations n’ont jamais cessé. »'
    expect(speakerOf(text, 'Cela n’a rien')).toBe('un ministre du gouvernement de transition')
  })

  it('after the addressee (`à l’AFP`) and after a circumstance', () => {
    expect(
      speakerOf(
        '"Tout le bâtiment est en train de prendre feu", a indiqué à l\'AFP Yannick, présent sur les lieux.',
        'Tout le',
      ),
    ).toBe('Yannick')
    expect(
      speakerOf(
        "“Vive l'humanité, vive la vie\", a déclaré peu avant la signature le chef de l'Etat français François Hollande.",
        'Vive',
      ),
    ).toBe('François Hollande')
  })

  it('one cue after several quotations, in the imperfect', () => {
    const qs = quotesOf('"Jean Ping président", "On nous a volé les élections", criaient les manifestants.')
    expect(qs.map((q) => q.speaker)).toEqual(['manifestants', 'manifestants'])
  })

  it('a participle speaks for its clause, or for the noun right before it', () => {
    expect(
      speakerOf(
        'Des affrontements entre forces de l’ordre et manifestants criant "Ali doit partir" ont éclaté.',
        'Ali',
      ),
    ).toBe('manifestants')
    const text =
      'Le ministère saoudien des Affaires étrangères a condamné l’attaque de l’hôpital la qualifiant de "violation du droit international humanitaire".'
    expect(speakerOf(text, 'violation')).toBe('ministère saoudien des Affaires étrangères')
  })

  it('skips an incidental segment between the subject and its verb', () => {
    const text = 'L’Ukraine, de son côté, a regretté ce lundi une décision « précipitée » de Bamako.'
    expect(
      speakerOf(text, 'précipitée', [
        { name: 'Ukraine', type: 'country', country: 'UA', surfaces: ['Ukraine'] },
      ]),
    ).toBe('Ukraine')
    const qui =
      'Le président centrafricain Faustin-Archange Touadéra qui, à défaut de signer, a demandé à son homologue russe de lui envoyer “des moyens létaux”.'
    expect(speakerOf(qui, 'des moyens')).toBe('Faustin-Archange Touadéra')
  })

  it('a body named with coordinated complements speaks by its head, not by a complement', () => {
    const text =
      'De plus, le ministère des Affaires étrangères, de la Coopération et des Nigériens à l’Étranger a souligné que la décision « est sans appel ».'
    expect(speakerOf(text, 'est sans appel')).toBe('ministère des Affaires étrangères')
    const group =
      'Dans ce village du caza de Bint Jbeil, des habitants ont exhorté les autorités à prendre des mesures « sérieuses ».'
    expect(speakerOf(group, 'sérieuses')).toBe('des habitants')
  })

  it('a heading glued to the next sentence does not hide its subject', () => {
    const text =
      'L’Algérie critique sévèrement la position de la France Le gouvernement algérien dénonce ainsi une “légèreté” de la part de Paris.'
    expect(speakerOf(text, 'légèreté')).toBe('gouvernement algérien')
  })
})

describe('speakers named elsewhere', () => {
  it('a quotation standing as its own sentence goes on with the last speaker', () => {
    const text =
      '« Nous sommes heureux qu’il ait été possible d’organiser un référendum », a déclaré Poutine lors de la brève réunion télévisée. ' +
      '« Je suis convaincu que les élections se dérouleront à un niveau élevé. »'
    expect(quote(quotesOf(text), 'Je suis convaincu')).toMatchObject({
      speaker: 'Poutine',
      attribution: 'continuation',
    })
  })

  it('but not a heading in quotation marks', () => {
    const text =
      '« Moscou est un partenaire stratégique important », a-t-il dit.\n\n« Amis de longue date »\n\nAu lendemain du coup d’État, la Russie a condamné la prise du pouvoir.'
    expect(speakerOf(text, 'Amis de longue date')).toBe(null)
  })

  it('a pronoun goes to the latest subject, not to a person named after a preposition', () => {
    const text =
      'Le colonel Mamady Doumbouya a accordé sa première interview. Il a voulu justifier son coup de force contre le président Alpha Condé. ' +
      '« Nous apportons un coup de main au peuple de Guinée », a-t-il déclaré.'
    expect(speakerOf(text, 'Nous apportons')).toBe('Mamady Doumbouya')
  })

  it('a pronoun never goes to a person named inside a quotation', () => {
    const text =
      'Parmi eux, une manifestante venue avec sa fille. « Je suis persuadée que Macron veut avancer comme un bulldozer », explique-t-elle.'
    const fixtures = [{ name: 'Emmanuel Macron', type: 'person' as const, surfaces: ['Macron'] }]
    expect(speakerOf(text, 'Je suis persuadée', fixtures)).not.toBe('Emmanuel Macron')
  })

  it('a role is the person the text introduced with that description', () => {
    const text =
      'Les FARDC défendront Bunagana, a assuré le porte-parole du gouverneur du Nord-Kivu, le général de brigade Sylvain Ekenge. ' +
      'Les troupes rwandaises sont intervenues à découvert.\n\n' +
      '« Après avoir constaté les revers subis par leurs protégés, les Rwandais ont attaqué », a déploré le porte-parole du gouverneur du Nord-Kivu.'
    expect(speakerOf(text, 'Après avoir')).toBe('Sylvain Ekenge')
  })

  it('a name in a role’s complement is not the speaker; the apposed name is', () => {
    const text =
      '"La Chambre vous condamne à la peine d\'emprisonnement à perpétuité", a déclaré le président de la Cour, le magistrat burkinabè, Gberdao Gustave Kam.'
    // an entity extractor that took `Cour` for a person must not make it the speaker
    const fixtures = [
      { name: 'Cour', type: 'person' as const, surfaces: ['Cour'] },
      { name: 'Gberdao Gustave Kam', type: 'person' as const, surfaces: ['Gberdao Gustave Kam'] },
    ]
    expect(speakerOf(text, 'La Chambre', fixtures)).toBe('Gberdao Gustave Kam')
  })
})

describe('words given to someone without a verb next to them', () => {
  it('an infinitive of saying speaks for the subject of its sentence', () => {
    const text =
      'Les images ont circulé avant que le colonel Mamady Doumbouya ne fasse une apparition à la télévision nationale pour annoncer la “capture” du président.'
    expect(speakerOf(text, 'capture')).toBe('Mamady Doumbouya')
  })

  it('a short fragment echoing an earlier quotation is the same speaker’s word', () => {
    const text =
      'Le général Sylvain Ekenge a publié un communiqué lundi. Il indique que l’occupation de Bunagana par le M23 est « une invasion du Rwanda ».\n\n' +
      'Face à cette « invasion » de la RDC, les FARDC défendront la patrie.'
    const qs = quotesOf(text)
    expect(quote(qs, 'invasion')).toMatchObject({ speaker: 'Sylvain Ekenge', attribution: 'continuation' })
  })
})
