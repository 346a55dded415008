/**
 * Every temporary folder of a test run (`tempDir`, the CLI's outputs, the fresh clones) goes below one
 * folder made here, whose path the test processes inherit as `TMPDIR`, and which is removed when the
 * run ends: a few hundred runs of the suite must not fill the disk with their outputs.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'depeches-tests-'))
  const before = process.env.TMPDIR
  process.env.TMPDIR = root
  return () => {
    if (before === undefined) delete process.env.TMPDIR
    else process.env.TMPDIR = before
    rmSync(root, { recursive: true, force: true })
  }
}
