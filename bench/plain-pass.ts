/**
 * The yardstick of `make bench`: a plain pass over a corpus that reads each file, decodes it as UTF-8,
 * normalises it to NFC and writes it out (one JSON line per file), with no parsing or extraction. The
 * pipeline's throughput is quoted as a ratio to this pass, measured in the same run on the same files,
 * so the figure means the same on a fast and a slow machine.
 *
 *   node build/bench/plain-pass.js <corpus-dir> <out-file>
 */
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs'
import { corpusFiles } from './corpus-files.js'

function main(): void {
  const [dir, outFile] = process.argv.slice(2)
  if (!dir || !outFile) {
    process.stderr.write('usage: plain-pass.js <corpus-dir> <out-file>\n')
    process.exit(2)
  }
  const decoder = new TextDecoder('utf-8')
  const fd = openSync(outFile, 'w')
  let parts: string[] = []
  let size = 0
  for (const f of corpusFiles(dir)) {
    const text = decoder.decode(readFileSync(f)).normalize('NFC')
    const line = `${JSON.stringify({ file: f.slice(dir.length + 1), text })}\n`
    parts.push(line)
    size += line.length
    if (size >= 1 << 16) {
      writeSync(fd, parts.join(''))
      parts = []
      size = 0
    }
  }
  writeSync(fd, parts.join(''))
  closeSync(fd)
}

main()
