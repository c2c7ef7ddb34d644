import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Writes an uploaded file where it waits to be screened: in the uploads folder (inside the data
 * folder, never served), under a random name (never the name the browser sent), readable only by
 * this service. Returns its path.
 */
export async function stageUpload(uploadsDir: string, bytes: Uint8Array): Promise<string> {
  const path = await newStagedPath(uploadsDir);
  await writeFile(path, bytes, { flag: 'wx', mode: 0o600 });
  return path;
}

/**
 * A new path in the uploads folder for a staged file (created with mode 0600 by the caller), the
 * folder made if missing and readable only by this service.
 */
export async function newStagedPath(uploadsDir: string): Promise<string> {
  await mkdir(uploadsDir, { recursive: true, mode: 0o700 });
  return join(uploadsDir, `${randomUUID()}.upload`);
}

/**
 * A browser's file name made safe to show and record: the last part of any path, without control
 * characters, at most 200 characters. Never used to name a file on disk.
 */
export function cleanFileName(name: string): string {
  const last = name.split(/[\\/]/).at(-1) ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = last.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (clean === '' || clean === '.' || clean === '..') return 'document';
  return clean.length > 200 ? clean.slice(clean.length - 200) : clean;
}
