import { type ErrorCode, SimwatchError } from '../errors.js';

/** Builds the error for a document that cannot be read: `Cannot read "name": detail`. */
export function cannotRead(
  code: ErrorCode,
  name: string,
  detail: string,
  options?: { cause?: unknown },
): SimwatchError {
  return new SimwatchError(code, `Cannot read "${name}": ${detail}`, options);
}
