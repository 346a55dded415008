/**
 * Rejects: why an input makes no document (its reason), what the user can do about it (its hint),
 * and the reject row itself. Every input ends as a document or one of these, never silently dropped.
 */
import type { RejectsRow } from './_generated/tables.js'
import type { InputProblem } from './inputs.js'
import type { Stage } from './types.js'

/** Below this many words, a cleaned body is not an article. */
export const MIN_WORDS = 10
export type RejectReason =
  | 'unreadable'
  | 'too-large'
  | 'symlink-outside-input'
  | 'symlink-broken'
  | 'path-too-long'
  | 'folder-unreadable'
  | 'empty'
  | 'whitespace-only'
  | 'binary'
  | 'url-only'
  | 'no-text'
  | 'html-no-text'
  | 'schema'
  | 'integrity'
  | 'internal-error'

export const PROBLEM_MESSAGES: Readonly<Record<InputProblem, string>> = {
  'symlink-outside-input': 'symbolic link to a place outside the input folder: not followed',
  'symlink-broken': 'symbolic link whose target does not exist (or a loop of links): nothing to read',
  'path-too-long':
    'the path is longer than the system allows (PATH_MAX, 4,096 bytes on Linux): it cannot be opened',
  'folder-unreadable': 'this folder could not be listed (permission denied, or it vanished during the run)',
}

export const REJECT_HINTS: Readonly<Record<RejectReason, string>> = {
  unreadable: 'Check the file permissions (the pipeline needs read access) and that the file still exists.',
  'too-large':
    'An article, even a saved web page, is far smaller: this is likely an archive, a dump or a media file. Split it into one file per article, or remove it from the input folder.',
  'symlink-outside-input':
    'Copy the target into the input folder if it belongs to the corpus: links out of the input folder are never followed.',
  'symlink-broken':
    'The symbolic link points to nothing (its target was moved or deleted, or links loop): fix or remove the link.',
  'path-too-long':
    'The path is longer than the system can open (PATH_MAX): move the folder higher up or shorten the names of the folders on its path.',
  'folder-unreadable':
    'The folder could not be listed: give the pipeline read and execute permission on it, and do not move it during a run.',
  empty: 'Remove the file, or fill it with the article text.',
  'whitespace-only': 'The file holds only spaces and line breaks: remove it, or paste the article text in.',
  binary:
    'This is not a text file (an image or other binary data named like text): remove it or convert it to text.',
  'url-only':
    'The file holds only the link to the article: save the article itself (its text in a .txt file, or the page as .html) instead.',
  'no-text': `After removing header lines (URL, dates, credits), fewer than ${MIN_WORDS} words remain: add the article body.`,
  'html-no-text':
    'No article text was found in this HTML page (looked in <article>, <main>, then <p> paragraphs): save the page once it has fully loaded, or paste the article text into a .txt file.',
  schema: 'A value extracted from this article broke the dataset schema: report it as a bug with this file.',
  integrity:
    'A row of this article refers to something that does not exist: report it as a bug with this file.',
  'internal-error': 'The pipeline failed on this file: report it as a bug with this file.',
}

export const rejectRow = (
  source: { path: string; sha256: string | null },
  stage: Stage,
  reason: RejectReason,
  msg: string,
  details: readonly string[] = [],
): RejectsRow => ({
  source_file: source.path,
  source_sha256: source.sha256,
  stage: stage === 'publish' ? 'validate' : stage,
  reason,
  message: msg,
  hint: REJECT_HINTS[reason],
  details,
})
