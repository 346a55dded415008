/**
 * How many worker threads a build starts when it is not told (`--jobs auto`, the command line's default):
 * one per core, but no more than the corpus pays for.
 *
 * A worker thread is not free. Each one loads the code and about 70 MB of reference data, and its
 * JavaScript engine compiles the extractors anew: its first thousand articles run at about two-thirds
 * of the speed of the next ones (bench articles prepared and enriched in a fresh thread: 5.3 s for the
 * first 1,000, 3.5 s for each 1,000 after). With workers the main thread stops
 * extracting and only writes, so workers win once the corpus is large enough; before that a build in
 * one thread is faster, and uses less memory. Measured on the bench corpora (about 2.8 KB an article,
 * `node build/bench/make-corpus.js <dir> <n> seeds ../shared/dev/raw`) on a 2-core machine, `--jobs 1`
 * against `--jobs 2` under `/usr/bin/time`, best of three alternated runs (wall s / CPU s / peak MB):
 *
 *   articles    MB   1 thread           2 workers
 *         48  0.09   2.5 /  3.5 / 294    3.7 /  6.5 / 398   (the dev set, two runs)
 *        500   1.4   6.1 /  9.0 / 377    8.3 / 15.0 / 504
 *      1,000   2.8   8.6 / 12.2 / 429   10.1 / 18.7 / 526
 *      2,000   5.6  14.2 / 19.2 / 460   14.9 / 27.8 / 594
 *      3,000   8.4  21.2 / 27.7 / 461   18.5 / 34.2 / 607
 *      5,000  13.9  31.6 / 41.2 / 528   27.4 / 51.3 / 620
 *
 * The two meet at about 7 MB. So a worker is started for each `BYTES_PER_WORKER` of input, up to the
 * number of cores: a corpus under twice that runs in one thread. The output is byte-identical whatever
 * the number of threads.
 */

/** Input bytes that pay for one worker thread's start-up (see the table above). */
export const BYTES_PER_WORKER = 3_500_000

/**
 * The number of jobs for a corpus of `inputBytes` (of the documents this run builds) on `cores` cores:
 * 1 (everything in this thread) up to `cores` worker threads.
 */
export function autoJobs(inputBytes: number, cores: number): number {
  const affordable = Math.floor(Math.max(0, inputBytes) / BYTES_PER_WORKER)
  return Math.max(1, Math.min(Math.max(1, Math.floor(cores)), affordable))
}
