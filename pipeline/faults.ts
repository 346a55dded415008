/**
 * System faults (a full disk, a read-only location, a path too long…) said in words, with their code, the
 * path they concern and what to do — whichever thread they were raised in. A worker thread's error reaches
 * the main thread with its message but not always its `code`: the code is read from the message too.
 */
const FAULTS: Readonly<Record<string, string>> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is exceeded',
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENAMETOOLONG: 'a path is longer than the system allows (PATH_MAX)',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files in the system',
  EIO: 'an input/output error (a failing disk or network drive)',
  ENOMEM: 'out of memory',
}

const ADVICE: Readonly<Record<string, string>> = {
  ENOSPC: 'free some space, or write the output (and --cache) elsewhere',
  EDQUOT: 'free some space, or write the output (and --cache) elsewhere',
  EROFS: 'choose an output folder on a writable disk',
  EACCES: 'choose a folder you may write to, or fix its permissions',
  EPERM: 'choose a folder you may write to, or fix its permissions',
  ENAMETOOLONG: 'move the folder higher up or shorten its names',
  ENOTDIR: 'check the path: one of its parts is a file',
  EMFILE: 'raise the limit (ulimit -n) or use fewer --jobs',
  ENFILE: 'raise the limit (ulimit -n) or use fewer --jobs',
}

/** The errno code of an error, from its `code` or, for errors that crossed threads, its message. */
export function faultCode(e: unknown): string | null {
  let cur: unknown = e
  for (let depth = 0; cur && depth < 5; depth++) {
    const code = (cur as { code?: unknown }).code
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return code
    const m = /(?:^|:\s)(E[A-Z]{2,}):/.exec(String((cur as { message?: unknown }).message ?? ''))
    if (m) return m[1]!
    cur = (cur as { cause?: unknown }).cause
  }
  return null
}

/** One line saying what went wrong: the fault in words with its code and path, then what to do. */
export function describeFault(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e)
  const code = faultCode(e)
  const words = code ? FAULTS[code] : undefined
  if (!code || !words) return message.split('\n')[0]!
  const path = (e as { path?: unknown }).path
  const where = typeof path === 'string' ? ` (${path})` : ''
  // keep the context a caller added before the system's own text (`writing the cache folder …: ENOSPC…`)
  const context = /^(.*?):\s*E[A-Z]{2,}[:\s]/.exec(message)?.[1]
  const advice = ADVICE[code] ? `: ${ADVICE[code]}` : ''
  return `${context ? `${context}: ` : ''}${words} [${code}]${where}${advice}`
}

/**
 * Creates a folder and its missing parents one level at a time, so that the error is the real one (Node's
 * recursive mkdir reports a read-only or forbidden parent as ENOENT).
 */
export function makeFolders(path: string, mkdir: (p: string) => void, exists: (p: string) => boolean): void {
  const missing: string[] = []
  let p = path
  while (!exists(p)) {
    missing.push(p)
    const parent = p.replace(/\/+[^/]+\/*$/, '') || '/'
    if (parent === p) break
    p = parent
  }
  for (const m of missing.reverse()) mkdir(m)
}
