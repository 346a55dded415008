/**
 * A file swapped for a symbolic link between discovery and reading is not followed out of the input
 * folder: neither the file itself nor a folder on its path.
 */
import { mkdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { discover, readInput } from '../../pipeline/inputs.js'
import { buildInput } from '../../pipeline/process-input.js'
import { documentContext } from '../../pipeline/worker.js'
import { tempDir, writeTree } from './fixtures.js'

const ARTICLE =
  'Le gouvernement a annoncé jeudi la fermeture des frontières terrestres du pays pour une semaine, invoquant des raisons de sécurité.'

describe('a file swapped for a link after discovery', () => {
  it('is not followed, and becomes a reject naming the reason', () => {
    const root = tempDir('swap')
    writeTree(join(root, 'in'), { 'a.txt': ARTICLE })
    writeTree(join(root, 'secret'), {
      'passwords.txt': 'root:hunter2 — ne doit jamais être lu par la chaîne.',
    })
    const [input] = discover(join(root, 'in')).inputs
    expect(input?.path).toBe('a.txt')
    rmSync(join(root, 'in', 'a.txt'))
    symlinkSync(join(root, 'secret', 'passwords.txt'), join(root, 'in', 'a.txt'))
    const r = readInput(input!)
    expect(r.ok).toBe(false)
    expect(!r.ok && r.problem).toBe('symlink-outside-input')
    const built = buildInput(input!, [], null, documentContext(null))
    expect(built.kind).toBe('reject')
    if (built.kind === 'reject') {
      expect(built.reject.reason).toBe('symlink-outside-input')
      expect(JSON.stringify(built.reject)).not.toContain('hunter2')
    }
  })

  it('nor is a folder on its path swapped for a link out of the input folder', () => {
    const root = tempDir('swap-dir')
    writeTree(join(root, 'in'), { 'sub/a.txt': ARTICLE })
    writeTree(join(root, 'outside', 'sub'), { 'a.txt': 'hors du dossier : ne doit pas être lu.' })
    const [input] = discover(join(root, 'in')).inputs
    renameSync(join(root, 'in', 'sub'), join(root, 'moved'))
    symlinkSync(join(root, 'outside', 'sub'), join(root, 'in', 'sub'))
    const r = readInput(input!)
    expect(r.ok).toBe(false)
    expect(!r.ok && r.problem).toBe('symlink-outside-input')
  })

  it('a file left in place is read as before', () => {
    const root = tempDir('swap-none')
    mkdirSync(join(root, 'in'))
    writeFileSync(join(root, 'in', 'a.txt'), ARTICLE)
    const [input] = discover(join(root, 'in')).inputs
    const r = readInput(input!)
    expect(r.ok && new TextDecoder().decode(r.bytes)).toBe(ARTICLE)
  })
})
