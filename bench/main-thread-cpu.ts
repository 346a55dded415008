/**
 * Loaded into a benchmarked build (`node --import build/bench/main-thread-cpu.js …`): when the process
 * exits, writes the CPU time of its main thread alone, in clock ticks (user + system, fields 14 and 15
 * of `/proc/self/task/<pid>/stat`), to the file `BENCH_MAIN_CPU` names. GNU time gives the whole
 * process's (every thread's); the main thread's share matters apart because it does not grow with the
 * jobs: it receives every document's rows and writes every format, so the articles it handles a second
 * bound what any number of workers can reach. Nothing is written where `/proc` is absent (not Linux).
 */
import { readFileSync, writeFileSync } from 'node:fs'

/** User plus system clock ticks of the thread whose id is `tid`, or null without `/proc`. */
export function threadTicks(tid: number): number | null {
  try {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8')
    // the command name (field 2) may hold spaces: the fields after it start past its closing parenthesis
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const user = Number(fields[11])
    const system = Number(fields[12])
    return Number.isFinite(user) && Number.isFinite(system) ? user + system : null
  } catch {
    return null
  }
}

const file = process.env.BENCH_MAIN_CPU
if (file)
  process.on('exit', () => {
    // the main thread's id is the process id
    const ticks = threadTicks(process.pid)
    if (ticks !== null) writeFileSync(file, `${ticks}\n`)
  })
