/**
 * Preloaded (`node --expose-gc --import`) into a build whose memory a test measures: every 250 ms and at
 * exit, runs a full collection and samples what is still held — the JS heap (`heapUsed`), and that plus
 * the memory outside it (`external`: buffers, and the WebAssembly memory of the Parquet writer). Prints
 * the largest samples on stderr as `live-memory-max heap=<bytes> total=<bytes>`. What a run keeps, not
 * when the collector ran.
 */
let heap = 0
let total = 0
const sample = () => {
  globalThis.gc()
  const m = process.memoryUsage()
  heap = Math.max(heap, m.heapUsed)
  total = Math.max(total, m.heapUsed + m.external)
}
setInterval(sample, 250).unref()
process.on('exit', () => {
  sample()
  process.stderr.write(`live-memory-max heap=${heap} total=${total}\n`)
})
