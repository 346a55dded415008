import { createHash } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FileHashes, fileSha256, sha256sums } from '../../pipeline/publish/checksums.js'
import { tempDir } from '../helpers.js'

const sha = (s: string) => createHash('sha256').update(s).digest('hex')

describe('checksums of a finished build', () => {
  it('lists every file with its SHA-256, paths sorted, in sha256sum -c format', () => {
    const dir = tempDir('sums')
    writeFileSync(join(dir, 'b.csv'), 'b\n')
    writeFileSync(join(dir, 'a.jsonl'), '{"a":1}\n')
    expect(sha256sums(dir)).toBe(`${sha('{"a":1}\n')}  a.jsonl\n${sha('b\n')}  b.csv\n`)
  })

  it('reads each file once for the manifest and SHA256SUMS alike (a second look gives the first hash)', () => {
    const dir = tempDir('sums-once')
    const file = join(dir, 'mentions.csv')
    writeFileSync(file, 'first\n')
    const hashes = new FileHashes()
    expect(hashes.of(file)).toBe(sha('first\n'))
    // the file is not read again: a change after the first look is not seen (files hashed are final)
    writeFileSync(file, 'second\n')
    expect(sha256sums(dir, ['SHA256SUMS'], hashes)).toBe(`${sha('first\n')}  mentions.csv\n`)
    expect(fileSha256(file)).toBe(sha('second\n'))
  })
})
