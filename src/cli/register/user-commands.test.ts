import { describe, expect, it } from 'vitest';

import { testDatabases } from '../../test-support/register-databases.js';
import { runCli } from '../test-support/run-cli.js';

const sqlite = testDatabases().find((database) => database.name === 'sqlite');

describe('simwatch user add and user password', () => {
  it('refuse passwords that are common, repeated or the account’s own name, saying why, and take a strong one', async () => {
    if (!sqlite) throw new Error('SQLite must be among the test databases');
    const created = await sqlite.create();
    try {
      const env = { SIMWATCH_DATA_DIR: created.config.dataDir, SIMWATCH_ACTOR: 'tester' };
      const cli = (args: string[], input: string) => runCli(args, { env, input });
      const add = ['user', 'add', 'margaretholt', '--role', 'reviewer', '--name', 'Margaret Holt'];
      for (const [password, reason] of [
        ['password1234', 'it is a commonly used password with small changes'],
        [' '.repeat(12), 'it repeats a character, like "aaa"'],
        ['margaretholt', 'it contains the account’s username or name'],
      ] as const) {
        const run = await cli([...add, '--password-stdin'], password);
        expect(run.status, password).not.toBe(0);
        expect(run.stderr, password).toContain(`harder to guess: ${reason}`);
      }
      expect(
        (await cli([...add, '--password-stdin'], 'lantern orchard velvet harbour')).status,
      ).toBe(0);
      const weakReset = await cli(
        ['user', 'password', 'margaretholt', '--password-stdin'],
        'Margaret Holt 1',
      );
      expect(weakReset.status).not.toBe(0);
      expect(weakReset.stderr).toContain('it contains the account’s username or name');
      const strongReset = await cli(
        ['user', 'password', 'margaretholt', '--password-stdin'],
        'copper meadow quietly unfolds',
      );
      expect(strongReset.status, strongReset.stderr).toBe(0);
    } finally {
      await created.cleanUp();
    }
  }, 60_000);
});
