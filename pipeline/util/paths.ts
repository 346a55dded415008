import { fileURLToPath } from 'node:url'

/**
 * The repository root, whether the code runs from its TypeScript sources (`pipeline/…`, under vitest)
 * or compiled (`build/pipeline/…`, the CLI). Reference data and schemas are read from there.
 */
export function repoRoot(): URL {
  const here = new URL('.', import.meta.url)
  return here.pathname.includes('/build/pipeline/') ? new URL('../../../', here) : new URL('../../', here)
}

export const repoFile = (relative: string): string => fileURLToPath(new URL(relative, repoRoot()))
