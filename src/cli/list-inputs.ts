import { stat } from 'node:fs/promises';

import type { ScreenTask } from '../pipeline/screen-task.js';
import { walkFolder } from './walk-folder.js';

/**
 * Turns the command line's inputs into screening tasks, in the order given: folders become the
 * files under them, "-" becomes standard input, and anything else is screened as a file (a
 * missing one is reported as unreadable when screened).
 */
export async function listInputs(
  inputs: readonly string[],
  readStdin: () => Promise<ScreenTask>,
): Promise<ScreenTask[]> {
  const tasks: ScreenTask[] = [];
  const visited = new Set<string>();
  for (const input of inputs) {
    if (input === '-') {
      tasks.push(await readStdin());
      continue;
    }
    const stats = await stat(input).catch(() => undefined);
    if (stats?.isDirectory()) tasks.push(...(await walkFolder(input, visited)));
    else tasks.push({ path: input });
  }
  return tasks;
}
