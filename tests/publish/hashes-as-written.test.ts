/**
 * The checksums of a build come from its writers: each sink hashes the bytes on their way to its file
 * and records the SHA-256 when the file is closed, so `datapackage.json` and `SHA256SUMS` never read
 * the table files back (gigabytes for a large corpus). A recorded hash must be the file's real one.
 */
import { appendFileSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ArrowFileSink } from '../../pipeline/publish/arrow-file-sink.js'
import { FileHashes, fileSha256 } from '../../pipeline/publish/checksums.js'
import { DatasetWriter } from '../../pipeline/publish/dataset-writer.js'
import { atomicRun } from '../../pipeline/publish/output.js'
import { ParquetJobs } from '../../pipeline/publish/parquet-jobs.js'
import { RecordBatcher, TableWriter } from '../../pipeline/publish/table-writer.js'
import { SINK_BYTES, TextSink } from '../../pipeline/publish/text-sink.js'
import { repo, runFacts, tempDir } from '../helpers.js'

const mentions = (): Record<string, unknown>[] =>
  readFileSync(join(repo, 'dist', 'data', 'mentions.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>)

describe('hashes recorded by the writers', () => {
  it('a text sink records the SHA-256 of what it wrote: short lines, a line longer than its buffer, a lone surrogate', () => {
    const dir = tempDir('hash-text')
    const path = join(dir, 'a.jsonl')
    const hashes = new FileHashes()
    const sink = new TextSink(path, hashes)
    sink.writeLine('{"name":"Bamako"}')
    sink.writeLine(`"${'é'.repeat(SINK_BYTES)}"`)
    sink.writeLine('a \ud800 lone surrogate, and Ouagadougou')
    sink.close()
    expect(readFileSync(path).length).toBeGreaterThan(2 * SINK_BYTES)
    expect(hashes.of(path)).toBe(fileSha256(path))
  })

  it('an Arrow file sink and a table writer record the SHA-256 of each of their files', async () => {
    const dir = tempDir('hash-arrow')
    const hashes = new FileHashes()
    const arrow = join(dir, 'one.arrow')
    const sink = new ArrowFileSink(arrow, hashes)
    const b = new RecordBatcher('mentions')
    for (const r of mentions().slice(0, 50)) b.append(r)
    sink.write(b.flush())
    await sink.close()
    expect(hashes.of(arrow)).toBe(fileSha256(arrow))

    const paths = { csv: join(dir, 'm.csv'), jsonl: join(dir, 'm.jsonl'), arrow: join(dir, 'm.arrow') }
    const w = new TableWriter('mentions', paths, hashes)
    w.append(mentions() as never)
    await w.close()
    for (const p of Object.values(paths)) expect(hashes.of(p)).toBe(fileSha256(p))
  })

  it('a Parquet conversion records the SHA-256 of the Parquet file, on one thread or two', async () => {
    const dir = tempDir('hash-parquet')
    const arrow = join(dir, 'm.arrow')
    const w = new TableWriter('mentions', { csv: join(dir, 'm.csv'), jsonl: join(dir, 'm.jsonl'), arrow })
    w.append(mentions() as never)
    await w.close()
    for (const threads of [1, 2]) {
      const hashes = new FileHashes()
      const jobs = new ParquetJobs(threads, hashes)
      const parquet = join(dir, `m${threads}.parquet`)
      jobs.add({ arrow, parquet, removeArrow: false })
      await jobs.done()
      expect(hashes.of(parquet)).toBe(fileSha256(parquet))
    }
  })

  it('SHA256SUMS and datapackage.json take the recorded hashes instead of reading the files again', async () => {
    const out = join(tempDir('hash-run'), 'out')
    const rejects = () => join(out, 'rejects.jsonl')
    let written = ''
    await atomicRun(out, { protect: [], force: false }, async (dir, parquet, hashes) => {
      const w = new DatasetWriter(dir, parquet, 0, hashes)
      w.addReject({
        reject_id: 'rej_0000000000000001',
        source_file: 'vide.txt',
        source_sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
        stage: 'parse',
        reason: 'empty',
        message: 'the file is empty',
        hint: null,
      } as never)
      await w.finish(runFacts(1))
      const path = join(dir, 'rejects.jsonl')
      written = fileSha256(path)
      // behind the writer's back: a file read again at the end would give another hash
      appendFileSync(path, 'not written by the sink\n')
      return {}
    })
    expect(readFileSync(join(out, 'SHA256SUMS'), 'utf8')).toContain(`${written}  rejects.jsonl\n`)
    const pkg = JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8')) as {
      resources: { path: string; hash: string }[]
    }
    expect(pkg.resources.find((r) => r.path === 'rejects.jsonl')?.hash).toBe(`sha256:${written}`)
    expect(fileSha256(rejects())).not.toBe(written)
  })
})
