/**
 * Our rules against chrono-node's French parser alone, on sentences neither was written for.
 * A sentence counts as right when every expected expression is found (surface overlapping, same value)
 * and no other expression is given a value: a spurious date costs as much as a missed one.
 * Publication dates are full days, the only reference chrono accepts.
 */
import * as chrono from 'chrono-node'
import { describe, expect, it } from 'vitest'
import { temporal } from './helpers.js'

interface Case {
  readonly text: string
  readonly published: string
  /** `surface=value`; empty when the sentence holds no date. */
  readonly expected: readonly string[]
}

const THU = '2023-03-16' // a Thursday
const MON = '2022-11-07' // a Monday
const FRI = '2024-01-12' // a Friday

const CASES: readonly Case[] = [
  {
    text: 'Le président de la transition a reçu mercredi les lettres de créance du nouvel ambassadeur.',
    published: THU,
    expected: ['mercredi=2023-03-15'],
  },
  {
    text: 'Une embuscade a coûté la vie à six soldats, dimanche, dans la région de Ségou.',
    published: THU,
    expected: ['dimanche=2023-03-12'],
  },
  {
    text: 'Les négociations reprendront lundi prochain à Alger, selon la médiation.',
    published: THU,
    expected: ['lundi prochain=2023-03-20'],
  },
  {
    text: 'Le 8 mars dernier, des femmes ont défilé à Bamako pour réclamer la paix.',
    published: THU,
    expected: ['8 mars dernier=2023-03-08'],
  },
  {
    text: 'Le gouvernement avait annoncé le 28 février 2023 la dissolution de la coordination.',
    published: THU,
    expected: ['28 février 2023=2023-02-28'],
  },
  {
    text: 'Selon un communiqué daté du 14/03/2023, le couvre-feu est prolongé.',
    published: THU,
    expected: ['14/03/2023=2023-03-14'],
  },
  {
    text: 'La Minusma, déployée depuis 2013, doit quitter le pays.',
    published: THU,
    expected: ['2013=2013'],
  },
  {
    text: 'Les élections, initialement prévues en février 2022, ont été reportées.',
    published: THU,
    expected: ['février 2022=2022-02'],
  },
  {
    text: 'En octobre dernier, la junte a expulsé le représentant de la Cédéao.',
    published: MON,
    expected: ['octobre dernier=2022-10'],
  },
  {
    text: 'Hier, le Premier ministre a présidé un conseil extraordinaire.',
    published: MON,
    expected: ['Hier=2022-11-06'],
  },
  {
    text: "Les écoles resteront fermées jusqu'à demain dans le cercle de Bandiagara.",
    published: MON,
    expected: ['demain=2022-11-08'],
  },
  {
    text: "L'an dernier, plus de 400 civils ont été tués dans le centre du pays, selon l'ONU.",
    published: MON,
    expected: ["L'an dernier=2021"],
  },
  {
    text: "Le ministre s'est rendu à Kidal le week-end dernier.",
    published: MON,
    expected: ['week-end dernier=2022-11-05'],
  },
  {
    text: 'Depuis début 2022, les attaques se sont multipliées dans la zone des trois frontières.',
    published: MON,
    expected: ['début 2022=2022'],
  },
  {
    text: 'Le bataillon a été relevé fin novembre 2021 par une unité tchadienne.',
    published: MON,
    expected: ['novembre 2021=2021-11'],
  },
  {
    text: "La conférence s'est tenue du 3 au 5 novembre à Lomé.",
    published: MON,
    expected: ['3=2022-11-03', '5 novembre=2022-11-05'],
  },
  {
    text: 'Il y a trois jours, un véhicule piégé a explosé à Gao.',
    published: MON,
    expected: ['Il y a trois jours=2022-11-04'],
  },
  {
    text: "Cette année, la campagne agricole a été perturbée par l'insécurité.",
    published: MON,
    expected: ['Cette année=2022'],
  },
  {
    text: "Le 1er janvier, la présidence de l'Union africaine changera de main.",
    published: MON,
    expected: ['1er janvier=2023-01-01'],
  },
  {
    text: "Le 11 novembre prochain, la France commémorera l'armistice.",
    published: MON,
    expected: ['11 novembre prochain=2022-11-11'],
  },
  {
    text: 'Le rapport publié mardi 8 novembre 2022 recense 1.200 incidents.',
    published: MON,
    expected: ['mardi 8 novembre 2022=2022-11-08'],
  },
  { text: 'Plus de 2.500 soldats et 300 véhicules ont été déployés.', published: MON, expected: [] },
  {
    text: 'Le bilan fait état de 2021 déplacés supplémentaires dans le cercle.',
    published: MON,
    expected: [],
  },
  {
    text: 'La Cédéao se réunira en sommet extraordinaire samedi.',
    published: FRI,
    expected: ['samedi=2024-01-13'],
  },
  {
    text: 'Vendredi, des hommes armés ont attaqué un poste de douane.',
    published: FRI,
    expected: ['Vendredi=2024-01-12'],
  },
  {
    text: 'Le 30 décembre dernier, un drone a frappé un rassemblement.',
    published: FRI,
    expected: ['30 décembre dernier=2023-12-30'],
  },
  {
    text: 'En décembre, le gouvernement a suspendu les activités des partis.',
    published: FRI,
    expected: ['En décembre=2023-12'],
  },
  {
    text: 'Le chef de la junte a été investi le 7 juin 2021 pour une transition de 18 mois.',
    published: FRI,
    expected: ['7 juin 2021=2021-06-07'],
  },
  {
    text: 'Les troupes françaises ont achevé leur retrait le 15 août 2022.',
    published: FRI,
    expected: ['15 août 2022=2022-08-15'],
  },
  {
    text: 'Le scrutin, prévu mi-février, pourrait être repoussé.',
    published: FRI,
    expected: ['mi-février=2024-02'],
  },
  {
    text: 'Au mois de mars, les pluies précoces ont détruit des récoltes.',
    published: FRI,
    expected: ['mars=2023-03'],
  },
  {
    text: "Jeudi 11 janvier, la junte a annoncé la fin de l'accord d'Alger.",
    published: FRI,
    expected: ['Jeudi 11 janvier=2024-01-11'],
  },
  { text: "L'accord signé en 2015 à Alger est désormais caduc.", published: FRI, expected: ['2015=2015'] },
  {
    text: 'Avant-hier, un convoi humanitaire a été pillé près de Tombouctou.',
    published: FRI,
    expected: ['Avant-hier=2024-01-10'],
  },
  {
    text: 'Le 25 décembre, les fidèles ont célébré Noël sous haute sécurité.',
    published: FRI,
    expected: ['25 décembre=2023-12-25'],
  },
  {
    text: 'Le gouverneur a été enlevé dans la nuit de lundi à mardi.',
    published: FRI,
    expected: ['lundi=2024-01-08', 'mardi=2024-01-09'],
  },
  {
    text: 'Le ministre a indiqué que les salaires de décembre 2023 seraient versés.',
    published: FRI,
    expected: ['décembre 2023=2023-12'],
  },
  {
    text: "Selon l'état-major, 12 terroristes ont été neutralisés entre le 2 et le 6 janvier.",
    published: FRI,
    expected: ['2=2024-01-02', '6 janvier=2024-01-06'],
  },
  {
    text: "Aujourd'hui, la population de Ménaka vit sous blocus.",
    published: FRI,
    expected: ["Aujourd'hui=2024-01-12"],
  },
  { text: "Le procès s'ouvrira le 5 février à Bamako.", published: FRI, expected: ['5 février=2024-02-05'] },
  {
    text: "Le coup d'État du 18 août 2020 a renversé Ibrahim Boubacar Keïta.",
    published: FRI,
    expected: ['18 août 2020=2020-08-18'],
  },
  {
    text: "À l'automne 2021, les premiers instructeurs russes sont arrivés.",
    published: FRI,
    expected: ['automne 2021=2021'],
  },
  {
    text: 'Le dernier recensement général de la population date de 2009.',
    published: FRI,
    expected: ['2009=2009'],
  },
  { text: 'Les 3.000 hommes de la force Takuba sont partis sans bruit.', published: FRI, expected: [] },
  {
    text: 'Le mardi 21 novembre 2023, une frappe a visé Kidal.',
    published: FRI,
    expected: ['mardi 21 novembre 2023=2023-11-21'],
  },
  {
    text: 'Ce matin, des tirs ont été entendus au camp de Kati.',
    published: FRI,
    expected: ['Ce matin=2024-01-12'],
  },
  {
    text: 'Il y a deux ans, la France annonçait la fin de Barkhane.',
    published: FRI,
    expected: ['Il y a deux ans=2022'],
  },
  {
    text: 'Les combats ont repris le 2 janvier, au lendemain du Nouvel An.',
    published: FRI,
    expected: ['2 janvier=2024-01-02'],
  },
]

interface Prediction {
  readonly surface: string
  readonly value: string
}

const pad = (n: number) => String(n).padStart(2, '0')

/** chrono's result at the precision it is sure of: its known components, else the day it implies. */
function chronoPredictions(text: string, published: string): Prediction[] {
  const [y, m, d] = published.split('-').map(Number) as [number, number, number]
  const ref = new Date(y, m - 1, d, 12)
  return chrono.fr.parse(text, ref).map((r) => {
    const s = r.start
    const date = s.date()
    const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
    const value =
      s.isCertain('day') || s.isCertain('weekday') || (!s.isCertain('month') && !s.isCertain('year'))
        ? day
        : s.isCertain('month')
          ? day.slice(0, 7)
          : day.slice(0, 4)
    return { surface: r.text, value }
  })
}

function ourPredictions(text: string, published: string): Prediction[] {
  return temporal(text, published).flatMap((t) =>
    t.value === null ? [] : [{ surface: t.surface, value: t.value }],
  )
}

const norm = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/’/g, "'").trim()

/** Every expected pair found once, and nothing else dated. */
function correct(c: Case, predicted: readonly Prediction[]): boolean {
  const left = [...predicted]
  for (const e of c.expected) {
    const cut = e.lastIndexOf('=')
    const [surface, value] = [norm(e.slice(0, cut)), e.slice(cut + 1)]
    const i = left.findIndex((p) => {
      const ps = norm(p.surface)
      return p.value === value && (ps.includes(surface) || surface.includes(ps))
    })
    if (i < 0) return false
    left.splice(i, 1)
  }
  return left.length === 0
}

const accuracy = (predict: (text: string, published: string) => Prediction[]) => {
  const wrong = CASES.filter((c) => !correct(c, predict(c.text, c.published)))
  return { accuracy: (CASES.length - wrong.length) / CASES.length, wrong }
}

describe('temporal rules versus chrono-node (French) alone', () => {
  it('has at least 40 varied sentences', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40)
  })

  it('is more accurate than chrono.fr, and right on at least 90% of the sentences', () => {
    const ours = accuracy(ourPredictions)
    const theirs = accuracy(chronoPredictions)
    console.log(
      `versus chrono: ours ${(ours.accuracy * 100).toFixed(1)}%, chrono.fr ${(theirs.accuracy * 100).toFixed(1)}% on ${CASES.length} sentences`,
    )
    for (const c of ours.wrong)
      console.log(`  ours wrong: ${c.text} → ${JSON.stringify(ourPredictions(c.text, c.published))}`)
    expect(ours.accuracy).toBeGreaterThan(theirs.accuracy)
    expect(ours.accuracy).toBeGreaterThanOrEqual(0.9)
  })
})
