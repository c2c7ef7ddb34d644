import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { cleanFileName, stageUpload } from './stage-upload.js';

describe('stageUpload()', () => {
  it('writes the bytes under a random name that only this service may read', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'simwatch-stage-'));
    try {
      const uploads = join(folder, 'uploads');
      const first = await stageUpload(uploads, new TextEncoder().encode('hello'));
      const second = await stageUpload(uploads, new TextEncoder().encode('hello'));
      expect(first).not.toBe(second);
      expect(basename(first)).toMatch(/^[0-9a-f-]{36}\.upload$/);
      expect(await readFile(first, 'utf8')).toBe('hello');
      expect((await stat(first)).mode & 0o777).toBe(0o600);
      expect((await stat(uploads)).mode & 0o077).toBe(0);
      expect(await readdir(uploads)).toHaveLength(2);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});

describe('cleanFileName()', () => {
  it.each([
    ['minutes.pdf', 'minutes.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\rita\\board paper.docx', 'board paper.docx'],
    ['bad\u0000name\n.txt', 'badname.txt'],
    ['', 'document'],
    ['..', 'document'],
    [`${'a'.repeat(300)}.pdf`, `${'a'.repeat(196)}.pdf`],
  ])('makes %j safe as %j', (given, expected) => {
    expect(cleanFileName(given)).toBe(expected);
  });
});
