import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { beforeEach, describe, expect, it } from 'vitest';

import { testDatabases } from '../../test-support/register-databases.js';
import { useCliRegister } from '../test-support/use-cli-register.js';

for (const database of testDatabases()) {
  describe(`simwatch response on ${database.name}`, () => {
    const register = useCliRegister(database);
    const { cli } = register;

    beforeEach(async () => {
      await writeFile(
        join(register.work(), 'paper.txt'),
        'Board paper\n\nA police officer attends the monthly high intensity panel.\n',
      );
      await writeFile(
        join(register.work(), 'letter.txt'),
        'Dear reviewers, no police officer has attended the panel since March 2026.\n',
      );
      expect(
        (await cli('ingest', 'paper.txt', '--org', 'ZZ-T1', '--date', '2025-06-01')).status,
      ).toBe(0);
    });

    it('records a response with its file and the assurance it gives', async () => {
      const added = await cli(
        'response',
        'add',
        '--org',
        'ZZ-T1',
        '--from',
        'Pat Doe',
        '--role',
        'Medical Director',
        '--received',
        '2026-04-02',
        '--answers',
        'document:1',
        '--text',
        'No police officer has attended the panel since March 2026.',
        '--attach',
        'letter.txt',
        '--assurance',
        'ended',
        '--scope-date',
        '2026-03-31',
      );
      expect(added.stderr).toBe('');
      expect(added.status).toBe(0);
      expect(added.stdout).toContain('Recorded response 1 with document 2 and assurance 1');
    });

    it('says what is wrong with --answers, and with a missing option', async () => {
      const base = ['response', 'add', '--org', 'ZZ-T1', '--role', 'Director'];
      const badAnswers = await cli(
        ...base,
        '--from',
        'Pat',
        '--received',
        '2026-04-02',
        '--text',
        'No.',
        '--answers',
        'tweet 4',
      );
      expect(badAnswers.status).not.toBe(0);
      expect(badAnswers.stderr).toContain(
        'Cannot use --answers "tweet 4": give a kind and an id, such as finding:12',
      );
      const noFrom = await cli(
        ...base,
        '--received',
        '2026-04-02',
        '--text',
        'No.',
        '--answers',
        'document:1',
      );
      expect(noFrom.status).not.toBe(0);
      expect(noFrom.stderr).toContain('--from is required');
      const otherOrganisation = await cli(
        ...base,
        '--org',
        'ZZ-P1',
        '--from',
        'Pat',
        '--received',
        '2026-04-02',
        '--text',
        'No.',
        '--answers',
        'document:1',
      );
      expect(otherOrganisation.status).not.toBe(0);
      expect(otherOrganisation.stderr).toContain('Cannot find document 1 of this organisation');
    });
  });
}
