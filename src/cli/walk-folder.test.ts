import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { walkFolder } from './walk-folder.js';

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'simwatch-walk-'));
  for (const folder of ['b', 'a/inner', '.git', 'Z'])
    await mkdir(join(root, folder), { recursive: true });
  for (const file of [
    'b/2.txt',
    'b/10.txt',
    'a/inner/x.pdf',
    'a/y.eml',
    '.git/HEAD',
    '.hidden.txt',
    'Z/z.txt',
  ]) {
    await writeFile(join(root, file), 'x');
  }
  await symlink(join(root, 'a'), join(root, 'b', 'loop'));
  await symlink(root, join(root, 'a', 'inner', 'up'));
  await symlink(join(root, 'gone.txt'), join(root, 'broken.txt'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('walkFolder()', () => {
  it('lists files depth first in code-point order, skipping hidden ones and never looping on links', async () => {
    const paths = (await walkFolder(root)).map((task) => task.path.slice(root.length + 1));
    expect(paths).toEqual([
      'Z/z.txt',
      'a/inner/x.pdf',
      'a/y.eml',
      'b/10.txt',
      'b/2.txt',
      'broken.txt',
    ]);
  });

  it.skipIf(process.getuid?.() === 0)(
    'reports a folder it may not read as an unreadable input',
    async () => {
      const locked = join(root, 'locked');
      await mkdir(locked);
      await chmod(locked, 0o000);
      try {
        expect(await walkFolder(locked)).toEqual([
          {
            path: locked,
            error: {
              code: 'unreadable',
              message: `Cannot read the folder "${locked}": permission denied`,
            },
          },
        ]);
      } finally {
        await chmod(locked, 0o700);
      }
    },
  );
});
