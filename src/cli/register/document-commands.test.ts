import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { beforeEach, describe, expect, it } from 'vitest';

import { testDatabases } from '../../test-support/register-databases.js';
import { useCliRegister } from '../test-support/use-cli-register.js';

for (const database of testDatabases()) {
  describe(`simwatch document on ${database.name}`, () => {
    const register = useCliRegister(database);
    const { cli } = register;

    beforeEach(async () => {
      await writeFile(
        join(register.work(), 'paper.txt'),
        'Board paper\n\nA police officer attends the monthly high intensity panel.\n',
      );
      expect(
        (await cli('ingest', 'paper.txt', '--org', 'ZZ-T1', '--date', '2025-06-01')).status,
      ).toBe(0);
    });

    it('points ingest of a known file to document edit, which corrects it with who and why', async () => {
      const again = await cli('ingest', 'paper.txt', '--org', 'ZZ-T1', '--date', '2023-01-15');
      expect(again.status).toBe(0);
      expect(again.stdout).toContain('already in the register as document 1; nothing changed');
      expect(again.stdout).toContain(
        'To correct its details: simwatch document edit 1 --date 2023-01-15 --reason "..."',
      );

      const edit = await cli(
        'document',
        'edit',
        '1',
        '--date',
        '2023-01-15',
        '--title',
        'Board paper, January 2023',
        '--private',
        '--organisation',
        'ZZ-P1',
        '--remove-organisation',
        'ZZ-T1',
        '--reason',
        'The cover page is dated January 2023',
        '--actor',
        'ben',
      );
      expect(edit.stderr).toBe('');
      expect(edit.status).toBe(0);
      expect(edit.stdout).toContain('Corrected document 1:');
      expect(edit.stdout).toContain('Date changed from 2025-06-01 to 2023-01-15');
      expect(edit.stdout).toContain('Linked to Westbrook Constabulary (fictional) (ZZ-P1)');
      expect(edit.stdout).toContain('No longer linked to Westbrook Mental Health NHS Trust');

      const show = await cli('document', 'show', '1');
      expect(show.stdout).toContain('Document 1: Board paper, January 2023');
      expect(show.stdout).toContain('Date: 2023-01-15');
      expect(show.stdout).toContain('Original: private');
      expect(show.stdout).toMatch(/corrected by ben: The cover page is dated January 2023/);

      const cleared = await cli('document', 'edit', '1', '--date', 'none', '--reason', 'Unsure');
      expect(cleared.stdout).toContain('Date changed from 2023-01-15 to no date');
      expect((await cli('ledger', 'verify')).status).toBe(0);
    });

    it('refuses a correction that is unclear or changes nothing, naming what was wrong', async () => {
      const noReason = await cli('document', 'edit', '1', '--date', '2024-01-01');
      expect(noReason.status).toBe(2);
      expect(noReason.stderr).toContain('--reason is required');
      const same = await cli('document', 'edit', '1', '--date', '2025-06-01', '--reason', 'x');
      expect(same.status).toBe(2);
      expect(same.stderr).toContain('Cannot correct document 1: nothing would change');
      const badDate = await cli('document', 'edit', '1', '--date', '1/6/2025', '--reason', 'x');
      expect(badDate.stderr).toMatch(/YYYY-MM-DD/);
      const both = await cli('document', 'edit', '1', '--public', '--private', '--reason', 'x');
      expect(both.stderr).toContain('--public or --private, not both');
      const missing = await cli('document', 'edit', '9', '--title', 'X', '--reason', 'x');
      expect(missing.stderr).toContain('Cannot find document 9');
      const show = await cli('document', 'show', '1');
      expect(show.stdout).not.toContain('corrected by');
    });
  });
}
