import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';

import type { ScreenTask } from '../pipeline/screen-task.js';

/**
 * Lists the files under a folder as screening tasks, depth first in code-point order of names so
 * every run sees the same order. Hidden entries (names starting with ".") and special files are
 * skipped; symbolic links are followed, but a folder already visited is never entered again.
 */
export async function walkFolder(
  folder: string,
  visited = new Set<string>(),
): Promise<ScreenTask[]> {
  const real = await realpath(folder).catch(() => folder);
  if (visited.has(real)) return [];
  visited.add(real);
  let entries: Dirent[];
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    return [
      { path: folder, error: { code: 'unreadable', message: cannotReadFolder(folder, error) } },
    ];
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const tasks: ScreenTask[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    const kind = entry.isSymbolicLink() ? await linkTarget(path) : entry;
    if (kind === 'broken' || kind.isFile()) tasks.push({ path });
    else if (kind.isDirectory()) tasks.push(...(await walkFolder(path, visited)));
  }
  return tasks;
}

/** What a link points to; a broken link is still listed, so its error is reported. */
async function linkTarget(path: string) {
  return stat(path).catch(() => 'broken' as const);
}

function cannotReadFolder(folder: string, error: unknown): string {
  const code = error instanceof Error && 'code' in error ? String(error.code) : 'unknown error';
  const detail =
    code === 'EACCES' || code === 'EPERM'
      ? 'permission denied'
      : `it could not be listed (${code})`;
  return `Cannot read the folder "${folder}": ${detail}`;
}
