/** Every failure simwatch reports carries one of these codes; docs/reference.md documents each. */
export const errorCodes = {
  usage: 'The command line was not understood.',
  empty_file: 'The file has no content.',
  unreadable: 'The file could not be read (missing, a directory, or no permission).',
  file_too_large: 'The file is larger than the configured size limit.',
  unsupported_type: 'The content is not a document type simwatch can read.',
  type_mismatch: 'The file name claims a format that the content does not have.',
  damaged: 'The document is damaged or truncated and no text could be recovered.',
  encrypted: 'The document is encrypted or password-protected.',
  archive_limit:
    'An archive exceeded a safety limit (total size, compression ratio or entry count).',
  archive_too_deep: 'Archives are nested more deeply than the configured limit.',
  timeout: 'Reading the document took longer than the configured time limit.',
  out_of_memory: 'Reading the document needed more memory than allowed.',
  internal: 'An unexpected internal error; please report it.',
  invalid_catalogue: 'The indicator catalogue is not valid.',
  invalid_corpus: 'A labelled corpus file is not valid.',
  invalid_model:
    'The screening model file is not valid, or was trained with another version of the catalogue.',
  model_not_better:
    'A newly trained screening model scored worse than the active one on the real corpus, so it was not made active.',
  invalid_input: 'A value given to the register is not valid (a date, a code, a missing field).',
  not_found: 'The organisation, document, finding or review named does not exist.',
  conflict:
    'The change conflicts with what is already recorded (such as a second identical decision).',
  forbidden:
    'The account may not do this (such as reading or acting in an agreement whose parties it is not a member of).',
  database: 'The database could not be opened, reached or migrated.',
  record_invalid: 'The tamper-evident record failed verification.',
  send_failed: 'An email could not be sent: the mail server could not be reached or refused it.',
} as const;

/** A closed union of the error codes above. */
export type ErrorCode = keyof typeof errorCodes;

/**
 * The one error type simwatch throws on purpose: a code from the closed list and a clear message.
 * When one input was wrong, `field` names it (`reviewer`, `scopeDate`...), so that each edge can
 * point to its own way of giving it (a CLI flag, a form field) without the message naming either.
 */
export class SimwatchError extends Error {
  override readonly name = 'SimwatchError';
  /** The input the error is about, when it is about one. */
  readonly field: string | undefined;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown; field?: string },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.field = options?.field;
  }
}

/** Turns anything thrown into a `{code, message}` pair safe to print or serialise. */
export function describeError(error: unknown): { code: ErrorCode; message: string } {
  if (error instanceof SimwatchError) return { code: error.code, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: `Unexpected error: ${message}` };
}
