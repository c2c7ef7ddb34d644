import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';

import { cannotRead } from './cannot-read.js';
import type { ExtractionLimits } from './extraction-limits.js';
import { formatSize } from './format-size.js';

/**
 * Reads a file to extract, refusing missing, unreadable, over-large and special files (folders,
 * FIFOs, devices) before reading content. Never reads more than the limit and one byte, so a file
 * that grows while it is read, or a device posing as a file, cannot exhaust memory. `name` is how
 * messages call the file (default: its path).
 */
export async function readFileForExtraction(
  path: string,
  limits: Pick<ExtractionLimits, 'maxFileBytes'>,
  name = path,
): Promise<Uint8Array> {
  const stats = await stat(path).catch((error: unknown) => {
    throw unreadable(name, error);
  });
  checkRegularFile(stats, name, limits.maxFileBytes);
  // Non-blocking, so that a FIFO swapped in after the check cannot make the open wait for ever.
  const file = await open(path, constants.O_RDONLY | constants.O_NONBLOCK).catch(
    (error: unknown) => {
      throw unreadable(name, error);
    },
  );
  try {
    checkRegularFile(await file.stat(), name, limits.maxFileBytes);
    const buffer = Buffer.alloc(Math.min(stats.size, limits.maxFileBytes) + 1);
    let length = 0;
    for (;;) {
      // It grew past the limit after it was measured: its size is not known.
      if (length === buffer.length) throw tooLarge(name, null, limits.maxFileBytes);
      const { bytesRead } = await file
        .read(buffer, length, buffer.length - length, length)
        .catch((error: unknown) => {
          throw unreadable(name, error);
        });
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return new Uint8Array(buffer.buffer, buffer.byteOffset, length);
  } finally {
    await file.close();
  }
}

function checkRegularFile(
  stats: { isDirectory(): boolean; isFile(): boolean; size: number },
  name: string,
  maxBytes: number,
): void {
  if (stats.isDirectory()) throw cannotRead('unreadable', name, 'it is a folder, not a file');
  if (!stats.isFile())
    throw cannotRead(
      'unreadable',
      name,
      'it is not a regular file (a device, a pipe or a socket cannot be read)',
    );
  if (stats.size > maxBytes) throw tooLarge(name, stats.size, maxBytes);
}

function tooLarge(path: string, size: number | null, limit: number) {
  const measured = size === null ? 'over' : `${formatSize(size)}, over`;
  return cannotRead('file_too_large', path, `it is ${measured} the ${formatSize(limit)} limit`);
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
