import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

import { SimwatchError } from '../../errors.js';

/** Reads a file named on the command line (relative to the working directory), or a clear error. */
export async function readInputFile(cwd: string, file: string): Promise<Buffer> {
  return readFile(resolve(cwd, file)).catch((error: unknown) => {
    throw new SimwatchError(
      'unreadable',
      `Cannot read "${file}": ${error instanceof Error ? error.message : String(error)}`,
    );
  });
}
