import { describeError } from '../errors.js';
import { exitStatus } from './exit-status.js';
import type { Terminal } from './terminal.js';

/** Prints a usage error and a hint on stderr; rethrows anything that is not a usage error. */
export function reportUsageError(error: unknown, terminal: Terminal, hint: string): number {
  const { code, message } = describeError(error);
  if (code !== 'usage') throw error;
  terminal.stderr.write(`${message}\n${hint}\n`);
  return exitStatus.cannotRun;
}
