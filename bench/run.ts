/**
 * `make bench`: builds benchmark corpora (10k and 100k articles by default, recombined from the real
 * sentences of seeds/ and ../shared/dev/raw/) and runs the CLI on each under GNU time at 1 and 2 jobs,
 * printing articles/s, MB/s, CPU time an article, peak RSS, the size of the output, the ratio to a plain
 * read + decode + NFC + write pass over the same files measured in the same run (`plain-pass.ts`), and
 * the speed-up from 1 to 2 jobs, and, between two corpus sizes, the cost of the articles the larger one
 * adds (its start-up apart: loading code and reference data, compiling, in each thread). Each build's
 * main thread is timed apart too (`main-thread-cpu.ts`, Linux): it writes every row whatever the jobs,
 * so its CPU time an article bounds the articles a second that more cores could give.
 * Figures are printed, never asserted: a benchmark never fails a build.
 *
 *   node build/bench/run.js [counts…]      e.g. node build/bench/run.js 10000 100000
 *   BENCH_JOBS="2" node build/bench/run.js 1000000     (one configuration only)
 *   BENCH_FORMATS=parquet …                             (`--formats` of the builds; all four by default)
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

const root = new URL('../../', import.meta.url).pathname
const benchDir = join(root, 'bench')
const cli = join(root, 'build/pipeline/cli.js')

function sizeOf(dir: string): number {
  let n = 0
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    n += e.isDirectory() ? sizeOf(p) : statSync(p).size
  }
  return n
}

/** The folders whose real sentences the corpus recombines: seeds/ and the development set, when present. */
function sources(): string[] {
  return [join(root, 'seeds'), join(root, '../shared/dev/raw')].filter(
    (d) => existsSync(d) && readdirSync(d).length > 0,
  )
}

function corpus(count: number): string {
  const dir = join(benchDir, 'corpus', String(count))
  if (!existsSync(dir)) {
    execFileSync('node', [join(root, 'build/bench/make-corpus.js'), dir, String(count), ...sources()], {
      stdio: 'inherit',
    })
  }
  return dir
}

interface Measure {
  seconds: number
  /** User plus system CPU time of the run and its threads (s): steadier than wall time on a loaded machine. */
  cpuSeconds: number
  /**
   * The system (kernel) part of it (s): page faults, unmapping freed heap pages and the interrupts that
   * wake one thread from another grow with the threads, not with the pipeline's own work.
   */
  systemSeconds: number
  rssMb: number
  /** The size of what the run wrote (MB). */
  outMb: number
  /** CPU time of the build's main thread alone (s); NaN where it cannot be read. */
  mainCpuSeconds: number
}

function timed(
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Omit<Measure, 'outMb' | 'mainCpuSeconds'> {
  const r = spawnSync('/usr/bin/time', ['-v', ...args], { encoding: 'utf8', env })
  if (r.status !== 0) throw new Error(`benchmark run failed: ${r.stderr}`)
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(r.stderr)
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)
  const user = /User time \(seconds\): ([\d.]+)/.exec(r.stderr)
  const system = /System time \(seconds\): ([\d.]+)/.exec(r.stderr)
  const seconds = wall ? Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]) : Number.NaN
  const cpuSeconds = user && system ? Number(user[1]) + Number(system[1]) : Number.NaN
  const systemSeconds = system ? Number(system[1]) : Number.NaN
  return { seconds, cpuSeconds, systemSeconds, rssMb: rss ? Number(rss[1]) / 1024 : Number.NaN }
}

/** Clock ticks a second, the unit of `/proc`'s CPU times. */
function clockTicks(): number {
  const r = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })
  const n = Number(r.stdout?.trim())
  return r.status === 0 && n > 0 ? n : 100
}
const TICKS = clockTicks()
const mainCpuModule = pathToFileURL(join(root, 'build/bench/main-thread-cpu.js')).href

/** `BENCH_FORMATS`: the `--formats` of the builds (a million articles in four formats is about 80 GB). */
const formats = process.env.BENCH_FORMATS?.trim() || null

function measure(input: string, jobs: number | null): Measure {
  const out = join(benchDir, 'out', `${input.split('/').at(-1)}-${jobs ?? 'default'}`)
  rmSync(out, { recursive: true, force: true })
  mkdirSync(join(benchDir, 'out'), { recursive: true })
  const ticksFile = `${out}.main-cpu`
  rmSync(ticksFile, { force: true })
  const m = timed(
    [
      'node',
      '--import',
      mainCpuModule,
      cli,
      'build',
      input,
      '--out',
      out,
      '--quiet',
      ...(jobs ? ['--jobs', String(jobs)] : []),
      ...(formats ? ['--formats', formats] : []),
    ],
    { ...process.env, BENCH_MAIN_CPU: ticksFile },
  )
  const outMb = sizeOf(out) / 1e6
  rmSync(out, { recursive: true, force: true })
  const ticks = existsSync(ticksFile) ? Number(readFileSync(ticksFile, 'utf8').trim()) : Number.NaN
  rmSync(ticksFile, { force: true })
  return { ...m, outMb, mainCpuSeconds: ticks / TICKS }
}

/** The plain read + decode + NFC + write pass over the same files. */
function plain(input: string): Measure {
  const out = join(benchDir, 'out', `${input.split('/').at(-1)}-plain.jsonl`)
  mkdirSync(join(benchDir, 'out'), { recursive: true })
  const m = timed(['node', join(root, 'build/bench/plain-pass.js'), input, out])
  const outMb = statSync(out).size / 1e6
  rmSync(out, { force: true })
  return { ...m, outMb, mainCpuSeconds: Number.NaN }
}

function supportsJobs(): boolean {
  const help = spawnSync('node', [cli, '--help'], { encoding: 'utf8' }).stdout
  return help.includes('--jobs')
}

const counts = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0)
const plan = counts.length > 0 ? counts : [10_000, 100_000]
const jobs = supportsJobs()
if (formats) process.stdout.write(`formats: ${formats}\n`)
process.stdout.write(
  `| articles | MB | jobs | seconds | articles/s | MB/s | CPU ms/article | of which system | main thread CPU ms/article | peak RSS MB | output MB | % of plain pass |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n`,
)
/** Each size's runs by jobs, for the cost of the articles a larger corpus adds. */
const done: { n: number; runs: Map<number | null, Measure> }[] = []
for (const n of plan) {
  const dir = corpus(n)
  const mb = sizeOf(dir) / 1e6
  const base = plain(dir)
  process.stdout.write(
    `| ${n} | ${mb.toFixed(1)} | plain pass | ${base.seconds.toFixed(1)} | ${(n / base.seconds).toFixed(0)} | ${(mb / base.seconds).toFixed(2)} | ${((1000 * base.cpuSeconds) / n).toFixed(2)} | ${((1000 * base.systemSeconds) / n).toFixed(2)} | – | ${base.rssMb.toFixed(0)} | ${base.outMb.toFixed(1)} | 100 |\n`,
  )
  // BENCH_JOBS="2" skips the one-job run (long at 100k articles); the speed-up needs both
  const jobList = (process.env.BENCH_JOBS ?? '1 2').split(/\s+/).filter(Boolean).map(Number)
  const runs: [number | null, Measure][] = jobs
    ? jobList.map((j): [number, Measure] => [j, measure(dir, j)])
    : [[null, measure(dir, null)]]
  for (const [j, m] of runs)
    process.stdout.write(
      `| ${n} | ${mb.toFixed(1)} | ${j ?? 1} | ${m.seconds.toFixed(1)} | ${(n / m.seconds).toFixed(0)} | ${(mb / m.seconds).toFixed(2)} | ${((1000 * m.cpuSeconds) / n).toFixed(2)} | ${((1000 * m.systemSeconds) / n).toFixed(2)} | ${Number.isNaN(m.mainCpuSeconds) ? '–' : ((1000 * m.mainCpuSeconds) / n).toFixed(2)} | ${m.rssMb.toFixed(0)} | ${m.outMb.toFixed(1)} | ${((100 * base.seconds) / m.seconds).toFixed(2)} |\n`,
    )
  if (runs.length === 2 && runs[0]![0] === 1)
    process.stdout.write(
      `speed-up 1 → 2 jobs at ${n}: ${(runs[0]![1].seconds / runs[1]![1].seconds).toFixed(2)}×\n`,
    )
  const before = done.at(-1)
  if (before && n > before.n)
    for (const [j, m] of runs) {
      const b = before.runs.get(j)
      if (!b || m.seconds <= b.seconds) continue
      const added = n - before.n
      const mainMs = (1000 * (m.mainCpuSeconds - b.mainCpuSeconds)) / added
      // with workers the main thread only receives and writes rows, work that more workers do not share
      const bound =
        !Number.isFinite(mainMs) || mainMs <= 0
          ? ''
          : (j ?? 1) >= 2
            ? `; main thread ${mainMs.toFixed(2)} ms/article, so at most ${(1000 / mainMs).toFixed(0)} articles/s with any number of jobs`
            : `; main thread ${mainMs.toFixed(2)} ms/article (it extracts too)`
      process.stdout.write(
        `articles ${before.n}→${n} at ${j ?? 'default'} jobs: ${(added / (m.seconds - b.seconds)).toFixed(0)} articles/s, ${((1000 * (m.cpuSeconds - b.cpuSeconds)) / added).toFixed(2)} CPU ms/article (start-up apart)${bound}\n`,
      )
    }
  done.push({ n, runs: new Map(runs) })
}
