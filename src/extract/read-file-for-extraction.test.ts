import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { defaultExtractionLimits } from './extraction-limits.js';
import { readFileForExtraction } from './read-file-for-extraction.js';
import { errorFrom } from './test-support/error-from.js';

const mebibyte = 1024 * 1024;

describe('readFileForExtraction()', () => {
  let folder: string;

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'simwatch-read-'));
  });

  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('returns the bytes of a file within the limit', async () => {
    const path = join(folder, 'minutes.txt');
    await writeFile(path, 'Minutes.');
    const data = await readFileForExtraction(path, defaultExtractionLimits);
    expect(Buffer.from(data).toString()).toBe('Minutes.');
  });

  it('refuses a 300 MB file as file_too_large without reading it', async () => {
    const path = join(folder, 'big.txt');
    await writeFile(path, '');
    // A sparse file: 300 MB long, with no content written.
    await truncate(path, 300 * mebibyte);
    const rssBefore = process.memoryUsage().rss;
    expect(
      await errorFrom(() => readFileForExtraction(path, defaultExtractionLimits)),
    ).toMatchObject({
      code: 'file_too_large',
      message: `Cannot read "${path}": it is 300 MB, over the 100 MB limit`,
    });
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(50 * mebibyte);
  });

  it('refuses a folder as unreadable', async () => {
    expect(
      await errorFrom(() => readFileForExtraction(folder, defaultExtractionLimits)),
    ).toMatchObject({
      code: 'unreadable',
      message: `Cannot read "${folder}": it is a folder, not a file`,
    });
  });

  it('refuses a missing file as unreadable', async () => {
    const path = join(folder, 'missing.pdf');
    expect(
      await errorFrom(() => readFileForExtraction(path, defaultExtractionLimits)),
    ).toMatchObject({
      code: 'unreadable',
      message: `Cannot read "${path}": the file does not exist`,
    });
  });

  it.skipIf(process.getuid?.() === 0)(
    'refuses a file without read permission as unreadable',
    async () => {
      const path = join(folder, 'private.txt');
      await writeFile(path, 'Private.', { mode: 0o000 });
      expect(
        await errorFrom(() => readFileForExtraction(path, defaultExtractionLimits)),
      ).toMatchObject({
        code: 'unreadable',
        message: `Cannot read "${path}": permission denied`,
      });
    },
  );

  it('refuses a FIFO at once, without waiting for a writer', async () => {
    const path = join(folder, 'pipe');
    execFileSync('mkfifo', [path]);
    expect(
      await errorFrom(() => readFileForExtraction(path, defaultExtractionLimits)),
    ).toMatchObject({
      code: 'unreadable',
      message: `Cannot read "${path}": it is not a regular file (a device, a pipe or a socket cannot be read)`,
    });
  });

  it.each(['/dev/zero', '/dev/urandom'])(
    'refuses the endless device %s without reading from it',
    async (path) => {
      const rssBefore = process.memoryUsage().rss;
      expect(
        await errorFrom(() => readFileForExtraction(path, defaultExtractionLimits)),
      ).toMatchObject({
        code: 'unreadable',
        message: expect.stringContaining('not a regular file') as string,
      });
      expect(process.memoryUsage().rss - rssBefore).toBeLessThan(50 * mebibyte);
    },
  );

  it('names the file as asked in its messages', async () => {
    const path = join(folder, 'staged.upload');
    await writeFile(path, 'x'.repeat(20));
    expect(
      await errorFrom(() => readFileForExtraction(path, { maxFileBytes: 10 }, 'minutes.pdf')),
    ).toMatchObject({
      code: 'file_too_large',
      message: expect.stringMatching(
        /^Cannot read "minutes\.pdf": it is 20 bytes?, over/,
      ) as string,
    });
  });
});
