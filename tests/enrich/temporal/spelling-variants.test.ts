/** Apostrophes, ISO timestamps, impossible dates, counts of weeks, and weekdays that contradict the date. */
import { describe, expect, it } from 'vitest'
import { only, pairs, temporal } from './helpers.js'

describe('spelling variants and impossible dates', () => {
  it.each(["'", '’', '‘', '`', '´', 'ʼ', 'ʻ', '＇', '′'])('reads aujourd%shui', (ap) => {
    expect(pairs(`Aujourd${ap}hui, le marché a rouvert.`, '2014-09-01')).toEqual([
      `Aujourd${ap}hui=2014-09-01`,
    ])
  })
  it('reads an ISO timestamp as its day', () => {
    expect(pairs('Mis à jour 2015-05-02T10:20:19+0000 par la rédaction', null)).toEqual([
      '2015-05-02T10:20:19+0000=2015-05-02',
    ])
  })
  it('gives no date for a day the month does not have', () => {
    expect(pairs('Le 32 août 2014, rien.', '2014-09-01')).toEqual([])
    expect(pairs('Le 31 février 2023, rien.', '2023-03-01')).toEqual([])
    expect(temporal('Le 29 février, rien.', '2013-08-10').every((t) => t.value === null)).toBe(true)
  })
  it('counts weeks from a day to the day (`il y a une semaine`, `il ya`)', () => {
    expect(only('Il y a une semaine, le camp a été attaqué.', '2012-08-03', 'semaine').value).toBe(
      '2012-07-27',
    )
    expect(only('Il ya un jour', '2014-09-01', 'jour').value).toBe('2014-08-31')
  })
  it('keeps the date and flags a weekday that does not fall on it', () => {
    const withYear = only('Le dimanche 23 octobre 2023, la marche a eu lieu.', null, 'octobre')
    expect(withYear.value).toBe('2023-10-23')
    expect(withYear.weekday_mismatch).toBe(true)
    const yearless = only('Dimanche 23 octobre, la marche a eu lieu.', '2023-10-30', 'octobre')
    expect(yearless.value).toBe('2023-10-23')
    expect(yearless.weekday_mismatch).toBe(true)
    expect(only('Lundi 23 octobre, la marche a eu lieu.', '2023-10-30', 'octobre').weekday_mismatch).toBe(
      false,
    )
  })
  it('reads a weekday set off by a comma with its date', () => {
    expect(pairs('dimanche, 11 Mai 2014', '2012-11-13')).toEqual(['dimanche, 11 Mai 2014=2014-05-11'])
  })
})
