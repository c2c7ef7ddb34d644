import { execFileSync } from 'node:child_process';
import { truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { testDatabases } from '../../test-support/register-databases.js';
import { useCliRegister } from '../test-support/use-cli-register.js';

const notRegular = 'it is not a regular file (a device, a pipe or a socket cannot be read)';

// Before the pipeline, `ingest /dev/zero` grew to 5 GB, `/dev/urandom` to 2.3 GB, a FIFO hung for
// ever and a file over the 100 MB limit was read whole. Each is now refused before it is read.
for (const database of testDatabases()) {
  describe(`simwatch ingest refuses what it cannot safely read, on ${database.name}`, () => {
    const register = useCliRegister(database, { each: 'file' });
    const { cli } = register;

    beforeAll(async () => {
      execFileSync('mkfifo', [join(register.work(), 'pipe')]);
      await writeFile(join(register.work(), 'big.txt'), '');
      // Sparse: 101 MB long with nothing written, so only a read would cost memory or time.
      await truncate(join(register.work(), 'big.txt'), 101 * 1024 * 1024);
      await writeFile(
        join(register.work(), 'paper.txt'),
        'Board paper: the crisis line was answered.',
      );
    });

    it.each([
      ['/dev/zero', `Cannot read "/dev/zero": ${notRegular}`],
      ['/dev/urandom', `Cannot read "/dev/urandom": ${notRegular}`],
      ['pipe', `Cannot read "{work}/pipe": ${notRegular}`],
      ['big.txt', 'Cannot read "{work}/big.txt": it is 101 MB, over the 100 MB limit'],
    ])(
      'refuses %s with a clear error and carries on with the other files',
      async (input, error) => {
        const started = Date.now();
        const run = await cli('ingest', input, 'paper.txt', '--org', 'ZZ-T1');
        expect(Date.now() - started).toBeLessThan(30_000);
        expect(run.stderr).toContain(error.replace('{work}', register.work()));
        expect(run.stdout).toMatch(/paper\.txt: (document \d+|already in the register)/);
        expect(run.status).toBe(2);
      },
    );
  });
}
