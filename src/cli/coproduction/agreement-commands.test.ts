import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { testDatabases } from '../../test-support/register-databases.js';
import { runCli } from '../test-support/run-cli.js';
import { useCliRegister } from '../test-support/use-cli-register.js';

const draft = (version: number) =>
  `# National policy on SIM-type practices\n\nDraft ${version}. People who ask for help are not punished for it, ` +
  'and police officers do not take part in planning anyone’s care.\n';

for (const database of testDatabases()) {
  describe(`simwatch agreement on ${database.name}`, () => {
    const register = useCliRegister(database);
    const { cli } = register;
    const write = (name: string, text: string) => writeFile(join(register.work(), name), text);
    const as = (actor: string, ...args: string[]) => cli(...args, '--actor', actor);
    const ok = async (run: Promise<{ status: number | null; stdout: string; stderr: string }>) => {
      const done = await run;
      expect(done.stderr).toBe('');
      expect(done.status).toBe(0);
      return done.stdout;
    };

    /** Accounts, each party's key and the agreement, active once both consent to the terms. */
    async function setUp(options: { active: boolean }) {
      for (const [user, role] of [
        ['admin', 'administrator'],
        ['alex', 'reviewer'],
        ['sam', 'viewer'],
        ['rowan', 'viewer'],
        ['jo', 'viewer'],
        ['outsider', 'reviewer'],
      ] as const)
        expect(
          (
            await runCli(['user', 'add', user, '--role', role, '--password-stdin'], {
              env: register.env(),
              cwd: register.work(),
              input: 'lantern orchard velvet harbour',
            })
          ).status,
        ).toBe(0);
      for (const party of ['nhs', 'coalition']) {
        const made = await ok(cli('agreement', 'key', 'new', '--out', `${party}.pem`, '--json'));
        await write(
          `${party}.pub.pem`,
          (JSON.parse(made) as { publicKeyPem: string }).publicKeyPem,
        );
      }
      await write('terms.md', 'No party publishes without every party’s consent.\n');
      await write(
        'agreement.yaml',
        [
          'title: National policy on SIM-type practices',
          'purpose: Write the national policy together, as equal partners.',
          'principles: [Confidentiality, Equal partnership, No publication without consent]',
          'termsFile: terms.md',
          'draftsOnDissolution: kept_confidential',
          'parties:',
          '  - name: NHS England',
          '    publicKeyFile: nhs.pub.pem',
          '    members: [{ username: alex, mayAct: true }, { username: sam, mayAct: false }]',
          '  - name: Coalition for Safe Care',
          '    publicKeyFile: coalition.pub.pem',
          '    members: [{ username: rowan, mayAct: true }, { username: jo, mayAct: false }]',
          '',
        ].join('\n'),
      );
      const refused = await as('alex', 'agreement', 'create', '--file', 'agreement.yaml');
      expect(refused.status).toBe(2);
      expect(refused.stderr).toContain(
        'Cannot set up an agreement as "alex": only an administrator may',
      );
      expect(await ok(as('admin', 'agreement', 'create', '--file', 'agreement.yaml'))).toMatch(
        /^Set up agreement 1 /,
      );
      if (!options.active) return;
      await ok(as('alex', 'agreement', 'consent', '1', '--party', '1', '--key', 'nhs.pem'));
      await ok(as('rowan', 'agreement', 'consent', '1', '--party', '2', '--key', 'coalition.pem'));
      expect(await ok(as('jo', 'agreement', 'show', '1'))).toContain('(active)');
    }

    it('walks two parties from consent to version 3, through a refused version 4 and a withdrawal, to a publication anyone verifies', async () => {
      await setUp({ active: true });
      const today = new Date().toISOString().slice(0, 10);
      for (const n of [1, 2, 3, 4]) await write(`v${n}.md`, draft(n));
      expect(
        await ok(
          as('alex', 'agreement', 'version', '1', '--file', 'v1.md', '--title', 'The policy'),
        ),
      ).toMatch(/^Added version 1 of document 1 \(hash [0-9a-f]{64}\)/);
      await ok(as('rowan', 'agreement', 'version', '1', '--file', 'v2.md', '--document', '1'));
      await ok(as('alex', 'agreement', 'version', '1', '--file', 'v3.md', '--document', '1'));
      await ok(
        as(
          'jo',
          'agreement',
          'comment',
          '1',
          '--version',
          '3',
          '--quote',
          'not punished',
          '--body',
          'Keep this.',
        ),
      );
      await ok(
        as(
          'alex',
          'agreement',
          'meeting',
          '1',
          '--kind',
          'decision',
          '--on',
          today,
          '--title',
          'Final text',
          '--summary',
          'Version 3 is final',
          '--present',
          '1,2',
        ),
      );

      // Action 2: publish version 3 today; both parties consent, the Coalition by signing the
      // printed statement itself and submitting the signature.
      expect(
        await ok(as('alex', 'agreement', 'propose', '1', '--publish', '1:3', '--on', today)),
      ).toMatch(/^Proposed action 2 /);
      await ok(as('alex', 'agreement', 'consent', '2', '--party', '1', '--key', 'nhs.pem'));
      const statement = await ok(as('rowan', 'agreement', 'statement', '2'));
      expect(JSON.parse(statement)).toMatchObject({
        statement: 'simwatch co-production consent, version 1',
        action: { number: 2, kind: 'publish' },
        effectiveOn: today,
      });
      const signed = await runCli(
        ['agreement', 'sign', '--key', 'coalition.pem', '--statement', '-'],
        { cwd: register.work(), input: statement },
      );
      expect(signed.status).toBe(0);
      const wrongKey = await as(
        'rowan',
        'agreement',
        'consent',
        '2',
        '--party',
        '2',
        '--key',
        'nhs.pem',
      );
      expect(wrongKey.status).toBe(2);
      expect(wrongKey.stderr).toContain(
        "Cannot record consent: the signature is not Coalition for Safe Care's key",
      );
      await ok(
        as(
          'rowan',
          'agreement',
          'consent',
          '2',
          '--party',
          '2',
          '--signature',
          signed.stdout.trim(),
        ),
      );

      // Action 3: publish version 4; only NHS England consents, so it is refused.
      await ok(as('alex', 'agreement', 'version', '1', '--file', 'v4.md', '--document', '1'));
      await ok(as('alex', 'agreement', 'propose', '1', '--publish', '1:4', '--on', today));
      await ok(as('alex', 'agreement', 'consent', '3', '--party', '1', '--key', 'nhs.pem'));
      const version4 = await as('alex', 'agreement', 'carry-out', '3');
      expect(version4.status).toBe(2);
      expect(version4.stderr).toContain(
        'Cannot publish: Coalition for Safe Care has not consented to version 4 (its consent was to version 3)',
      );

      // The Coalition consents to version 4, then withdraws before it is published: refused again.
      await ok(as('rowan', 'agreement', 'consent', '3', '--party', '2', '--key', 'coalition.pem'));
      await ok(as('rowan', 'agreement', 'withdraw', '3', '--party', '2'));
      const withdrawn = await as('alex', 'agreement', 'carry-out', '3');
      expect(withdrawn.status).toBe(2);
      expect(withdrawn.stderr).toContain('Coalition for Safe Care withdrew its consent on');

      // Version 3, with both consents, is published, and its bundle verifies offline.
      expect(await ok(as('alex', 'agreement', 'carry-out', '2'))).toMatch(
        /^Carried out action 2: publication 1/,
      );
      await ok(cli('agreement', 'bundle', '1', '--out', 'publication-1.json'));
      const verified = await ok(cli('verify-publication', 'publication-1.json'));
      expect(verified).toContain('The policy, version 3');
      expect(verified).toMatch(/NHS England \(key [0-9a-f]{16}\)\n {2}- Coalition for Safe Care/);

      const shown = await ok(as('sam', 'agreement', 'show', '1'));
      expect(shown).toMatch(/2 \(number 2\) publish on .*carried out/);
      expect(shown).toContain('Coalition for Safe Care: withdrew');
    }, 300_000);

    it('keeps an agreement from anyone who is not a member of its parties, and marks each member’s download', async () => {
      await setUp({ active: false });
      const shown = await as('outsider', 'agreement', 'show', '1');
      expect(shown.status).toBe(2);
      expect(shown.stderr).toContain(
        'Cannot open agreement 1: you are not a member of any of its parties',
      );
      expect(await ok(as('outsider', 'agreement', 'list'))).toContain(
        'outsider is not a member of any agreement',
      );
      expect(await ok(as('jo', 'agreement', 'list'))).toContain(
        '1  National policy on SIM-type practices',
      );
      await write('v1.md', draft(1));
      await ok(as('alex', 'agreement', 'version', '1', '--file', 'v1.md', '--title', 'The policy'));
      const refused = await as(
        'outsider',
        'agreement',
        'download',
        '1',
        '--version',
        '1',
        '--out',
        'x.md',
      );
      expect(refused.stderr).toContain(
        'Cannot open agreement 1: you are not a member of any of its parties',
      );
      await ok(as('rowan', 'agreement', 'download', '1', '--version', '1', '--out', 'rowan.md'));
      await ok(as('jo', 'agreement', 'download', '1', '--version', '1', '--out', 'jo.md'));
      const [rowanCopy, joCopy] = await Promise.all(
        ['rowan.md', 'jo.md'].map((name) => readFile(join(register.work(), name), 'utf8')),
      );
      expect(rowanCopy).toMatch(/^> This copy was made for rowan \(Coalition for Safe Care\) on /);
      expect(joCopy).toMatch(/^> This copy was made for jo \(Coalition for Safe Care\) on /);
      expect(rowanCopy).toContain('People who ask for help');
      expect(await ok(as('sam', 'agreement', 'show', '1'))).toMatch(
        /rowan downloaded version 1 of document 1\n.* jo downloaded version 1 of document 1/,
      );
    }, 300_000);
  });
}
