/** Errors that stop a run (bad usage, bad configuration, a folder that cannot be used), with a closed set of codes. Bad input never throws: it becomes a reject. */
export type ErrorCode =
  | 'E_USAGE'
  | 'E_INPUT_MISSING'
  | 'E_INPUT_NOT_FOLDER'
  | 'E_OUTPUT_INSIDE_INPUT'
  | 'E_OUTPUT_CONTAINS_INPUT'
  | 'E_OUTPUT_NOT_OURS'
  | 'E_BAD_OPTION'
  | 'E_MERGE'
  | 'E_METADATA'
  | 'E_CORRECTIONS'

export class PipelineError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'PipelineError'
  }
}
