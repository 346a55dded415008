/**
 * The progress of a build, phase after phase: on a terminal a bar (done/total, rate and time left, the
 * rate measured over the last few seconds, a sliding window, so that the estimate follows a change of
 * pace: cached results first, then new ones); in a log, a line a minute.
 */
import type { BuildPhase as Phase, ProgressFn } from '../types.js'

export type { Phase, ProgressFn }

const LABEL: Record<Phase, string> = {
  scan: 'scanning',
  build: 'building',
  events: 'events',
  parquet: 'parquet',
}
const UNIT: Record<Phase, string> = { scan: 'files', build: 'files', events: 'rows', parquet: 'files' }

const WINDOW_MS = 5_000

/** `1:05:09`, `4:05`, `12s`: a duration for people. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds))
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const r = s % 60
  if (h > 0) return `${h}:${String(m).padStart(2, '0')}:${String(r).padStart(2, '0')}`
  if (m > 0) return `${m}:${String(r).padStart(2, '0')}`
  return `${r}s`
}

/** `250`, `12.5`, `0.13`: a rate with the digits that matter. */
const formatRate = (rate: number): string =>
  rate >= 100 ? rate.toFixed(0) : rate >= 10 ? rate.toFixed(1) : rate.toFixed(2)

/** One line of the bar, from what is done, the measured rate (items a second, or null) and the width. */
export function progressLine(
  phase: Phase,
  done: number,
  total: number,
  rate: number | null,
  width = 30,
): string {
  const filled = total > 0 ? Math.round((Math.min(done, total) / total) * width) : width
  const label = LABEL[phase].padEnd(9)
  let tail = ''
  if (rate !== null && rate > 0) {
    const r = `${formatRate(rate)} ${UNIT[phase]}/s`
    tail = done < total ? `  ${r}  ETA ${formatDuration((total - done) / rate)}` : `  ${r}`
  }
  return `${label}[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${tail}`
}

/**
 * A progress callback that redraws the bar at most ten times a second on `write` (stderr by default),
 * with `now` giving milliseconds (a clock for tests).
 */
export function progressBar(
  write: (s: string) => void = (s) => void process.stderr.write(s),
  now: () => number = () => performance.now(),
): ProgressFn {
  let last = -Infinity
  let phaseNow: Phase | null = null
  let samples: { t: number; done: number }[] = []
  return (phase, done, total) => {
    const t = now()
    if (phase !== phaseNow) {
      phaseNow = phase
      // a phase may begin with work already done (Parquet files converted while the events were written)
      samples = [{ t, done }]
    }
    if (t - samples.at(-1)!.t >= 100) samples.push({ t, done })
    while (samples.length > 2 && t - samples[0]!.t > WINDOW_MS) samples.shift()
    if (done !== total && t - last < 100) return
    last = t
    const first = samples[0]!
    const rate = t - first.t >= 250 ? ((done - first.done) * 1000) / (t - first.t) : null
    write(`\r${progressLine(phase, done, total, rate)}\x1b[K`)
    if (done === total) write('\n')
  }
}

/**
 * Progress for a log (stderr not a terminal: `nohup`, a batch job): a line every `everyMs` (a minute by
 * default) with done/total, the share done, the mean rate of the phase and the time left, and a last
 * line when a phase that logged ends. A build shorter than `everyMs` prints nothing.
 */
export function progressLog(
  write: (s: string) => void = (s) => void process.stderr.write(s),
  now: () => number = () => performance.now(),
  everyMs = 60_000,
): ProgressFn {
  let phaseNow: Phase | null = null
  let start = 0
  let startDone = 0
  let last = 0
  let logged = false
  return (phase, done, total) => {
    const t = now()
    if (phase !== phaseNow) {
      phaseNow = phase
      start = t
      // a phase may begin with work already done (Parquet files converted while the events were written)
      startDone = done
      last = t
      logged = false
    }
    const end = done >= total
    if (t - last < everyMs && !(end && logged)) return
    last = t
    logged = true
    const seconds = (t - start) / 1000
    const rate = seconds > 0 ? (done - startDone) / seconds : 0
    const share = total > 0 ? ` (${((100 * Math.min(done, total)) / total).toFixed(1)}%)` : ''
    const pace = rate > 0 ? `  ${formatRate(rate)} ${UNIT[phase]}/s` : ''
    const left = !end && rate > 0 ? `  ETA ${formatDuration((total - done) / rate)}` : ''
    write(`${LABEL[phase]} ${done}/${total}${share}${pace}${left}  elapsed ${formatDuration(seconds)}\n`)
  }
}
