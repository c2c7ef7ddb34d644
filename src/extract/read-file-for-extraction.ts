import { readFile, stat } from 'node:fs/promises';

import { cannotRead } from './cannot-read.js';
import type { ExtractionLimits } from './extraction-limits.js';
import { formatSize } from './format-size.js';

/** Reads a file to extract, refusing missing, unreadable and over-large files before reading content. */
export async function readFileForExtraction(
  path: string,
  limits: Pick<ExtractionLimits, 'maxFileBytes'>,
): Promise<Uint8Array> {
  const stats = await stat(path).catch((error: unknown) => {
    throw unreadable(path, error);
  });
  if (stats.isDirectory()) throw cannotRead('unreadable', path, 'it is a folder, not a file');
  if (!stats.isFile()) throw cannotRead('unreadable', path, 'it is not a regular file');
  if (stats.size > limits.maxFileBytes) throw tooLarge(path, stats.size, limits.maxFileBytes);
  const bytes = await readFile(path).catch((error: unknown) => {
    throw unreadable(path, error);
  });
  // The file may have grown since it was measured.
  if (bytes.length > limits.maxFileBytes) throw tooLarge(path, bytes.length, limits.maxFileBytes);
  return bytes;
}

function tooLarge(path: string, size: number, limit: number) {
  return cannotRead(
    'file_too_large',
    path,
    `it is ${formatSize(size)}, over the ${formatSize(limit)} limit (set --max-file-size to change it)`,
  );
}

function unreadable(path: string, error: unknown) {
  const code = error instanceof Error && 'code' in error ? String(error.code) : undefined;
  return cannotRead('unreadable', path, systemErrorDetail(code), { cause: error });
}

function systemErrorDetail(code: string | undefined): string {
  if (code === 'ENOENT') return 'the file does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return `the file could not be opened (${code ?? 'unknown error'})`;
}
