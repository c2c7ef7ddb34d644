import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { startLocalSmtpServer } from '../../foi/sending/test-support/local-smtp-server.js';
import { testDatabases } from '../../test-support/register-databases.js';
import { runCli } from '../test-support/run-cli.js';
import { useCliRegister } from '../test-support/use-cli-register.js';

for (const database of testDatabases()) {
  describe(`simwatch foi on ${database.name}`, () => {
    const register = useCliRegister(database);
    const { cli } = register;

    it('drafts a batch to every mental health trust, keeps drafts out of the list, and refuses to answer a draft', async () => {
      await writeFile(
        join(register.work(), 'contacts.csv'),
        'code,email\nZZ-T1,foi@westbrook.example\n',
      );
      expect((await cli('foi', 'contact', 'import', 'contacts.csv')).stdout).toContain(
        'Set 1 FOI address',
      );
      const batch = await cli(
        'foi',
        'batch',
        '--to',
        'mental-health-trusts',
        '--title',
        'Crisis care',
        '--subject',
        'Police in crisis teams',
        '--body',
        'Dear {organisation}, do police officers work in your crisis teams?',
      );
      expect(batch.stderr).toBe('');
      expect(batch.stdout).toContain('Drafted batch SW-FOI-BATCH-0001: 2 requests');
      expect((await cli('foi', 'list')).stdout).toBe(
        'No requests\n2 drafts not sent yet (simwatch foi list --drafts)\n',
      );
      const drafts = (await cli('foi', 'list', '--drafts', '--json')).stdout;
      // One request per trust, in the order of their names.
      expect(JSON.parse(drafts)).toMatchObject([
        { ref: 'SW-FOI-000001', organisationCode: 'ZZ-T2', state: 'draft' },
        {
          ref: 'SW-FOI-000002',
          organisationCode: 'ZZ-T1',
          state: 'draft',
          body: 'Dear Westbrook Mental Health NHS Trust (fictional), do police officers work in your crisis teams?',
        },
      ]);
      const early = await cli('foi', 'state', 'SW-FOI-000002', 'successful');
      expect(early.status).not.toBe(0);
      expect(early.stderr).toContain(
        'Cannot move SW-FOI-000002 to "successful": it has not been sent',
      );
    });

    it('finds the request an emailed reply quotes, and refuses the reply while the request is unsent', async () => {
      expect(
        (
          await cli(
            'foi',
            'draft',
            '--org',
            'ZZ-T1',
            '--subject',
            'Frequent callers',
            '--body',
            'Please send your policy.',
          )
        ).stdout,
      ).toContain('Drafted SW-FOI-000001');
      expect((await cli('foi', 'contact', 'set', 'ZZ-T1', 'foi@westbrook.example')).status).toBe(0);
      await writeFile(
        join(register.work(), 'reply.eml'),
        [
          'From: foi@westbrook.example',
          'To: requests@simwatch.example',
          'Subject: RE: Freedom of Information request: Frequent callers [SW-FOI-000001]',
          'Content-Type: text/plain; charset=utf-8',
          '',
          'We refuse this request under section 12: the cost of finding the information exceeds the limit.',
        ].join('\r\n'),
      );
      const unsent = await cli('foi', 'reply', 'reply.eml');
      expect(unsent.stderr).toContain(
        'Cannot attach a reply to SW-FOI-000001: it has not been sent',
      );
    });
    it('emails a batch through SMTP, exports the rest for WhatDoTheyKnow, and follows them to a refusal in a return', async () => {
      const smtp = await startLocalSmtpServer();
      try {
        const env = {
          ...register.env(),
          SIMWATCH_SMTP_URL: smtp.url,
          SIMWATCH_FOI_FROM: 'Research team <foi@simwatch.example>',
        };
        const mail = (...args: string[]) => runCli(args, { env, cwd: register.work() });
        expect((await cli('foi', 'contact', 'set', 'ZZ-T1', 'foi@westbrook.example')).status).toBe(
          0,
        );
        await cli(
          'foi',
          'batch',
          '--to',
          'ZZ-T1,ZZ-T2',
          '--title',
          'Crisis care',
          '--subject',
          'Police in crisis teams',
          '--body',
          'Do police officers work in your crisis teams?',
        );
        const unconfigured = await cli('foi', 'send', '--batch', 'SW-FOI-BATCH-0001');
        expect(unconfigured.stderr).toContain('set SIMWATCH_SMTP_URL');
        const sent = await mail('foi', 'send', '--batch', 'SW-FOI-BATCH-0001');
        expect(sent.stdout).toContain('Sent 1 of 2 requests');
        expect(sent.stdout).toContain(
          'Not sent SW-FOI-000002: Southfold Care NHS Trust (fictional) (ZZ-T2) has no FOI address',
        );
        expect(sent.status).toBe(1);
        const [message] = await smtp.waitForMessages(1);
        expect(message?.subject).toBe(
          'Freedom of Information request: Police in crisis teams [SW-FOI-000001]',
        );
        expect(message?.text).toContain('Dear Westbrook Mental Health NHS Trust (fictional),');

        const exported = await cli(
          'foi',
          'export',
          '--batch',
          'SW-FOI-BATCH-0001',
          '--mark-sent',
          '2020-01-06',
        );
        expect(exported.status).toBe(0);
        expect(exported.stdout.split('\n')[0]).toContain('authority_name');
        expect(exported.stdout).toContain('Southfold Care NHS Trust (fictional),ZZ-T2');
        expect(exported.stderr).toContain('Recorded 1 request as sent elsewhere on 2020-01-06');
        const overdue = await cli('foi', 'overdue');
        expect(overdue.stdout).toMatch(/^SW-FOI-000002 +ZZ-T2 .*due 2020-02-03 +LONG OVERDUE/);
        expect(overdue.stdout).not.toContain('SW-FOI-000001');

        await writeFile(
          join(register.work(), 'refusal.eml'),
          [
            'From: foi@southfold.example',
            'To: foi@simwatch.example',
            'Subject: RE: Freedom of Information request: Police in crisis teams [SW-FOI-000002]',
            'Content-Type: text/plain; charset=utf-8',
            '',
            'We refuse this request under section 12: the cost of finding the information exceeds the limit.',
          ].join('\r\n'),
        );
        const reply = await cli(
          'foi',
          'reply',
          'refusal.eml',
          '--received',
          '2020-02-20',
          '--state',
          'refused',
          '--exemption',
          's.12',
        );
        expect(reply.stderr).toBe('');
        expect(reply.stdout).toContain('Attached reply 1 to SW-FOI-000002: document 1');
        const shown = await cli('foi', 'show', 'SW-FOI-000002');
        expect(shown.stdout).toContain('State: Refused, citing s.12');
        expect(shown.stdout).toContain('2020-02-20  Awaiting response -> Refused');
        expect((await cli('review', 'add', '--name', 'Review 2020')).status).toBe(0);
        expect(
          (await cli('foi', 'return', 'SW-FOI-000002', '--review', 'Review 2020')).stdout,
        ).toContain('Recorded return 1');
        const listed = JSON.parse(
          (await cli('foi', 'list', '--state', 'refused', '--json')).stdout,
        ) as unknown[];
        expect(listed).toHaveLength(1);
      } finally {
        await smtp.close();
      }
    }, 180_000);
  });
}
