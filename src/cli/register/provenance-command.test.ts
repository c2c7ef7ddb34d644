import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { beforeEach, describe, expect, it } from 'vitest';

import { createAppDeps } from '../../app/create-app-deps.js';
import {
  addVersion,
  carryOutAction,
  proposeAction,
} from '../../register/coproduction/coproduction-service.js';
import { listAccess } from '../../register/coproduction/coproduction-repository.js';
import {
  activeAgreement,
  consent,
  people,
} from '../../register/coproduction/test-support/two-parties.js';
import { testDatabases } from '../../test-support/register-databases.js';
import { useCliRegister } from '../test-support/use-cli-register.js';

const records =
  'The trust will not share a person’s records with the police unless the person has given informed consent or a court has ordered it.';
const restrictions =
  'Any restriction placed on a person’s access to services must be reviewed within fourteen days by someone independent of the team.';
const panel =
  'Disputes between the parties go to the joint panel, where the coalition and the trust each hold an equal vote.';

const letter = [
  'Dear colleagues,',
  '',
  'We are writing to set out our own position on the future of the service, after a long year of discussion.',
  '',
  'The trust will not share a person’s records with the police unless a court has ordered it.',
  '',
  'Restrictions on a person’s access to services must be reviewed within fourteen days by an independent person.',
  '',
  'Yours sincerely,',
].join('\n');

for (const database of testDatabases()) {
  describe(`simwatch provenance on ${database.name}`, () => {
    const register = useCliRegister(database);
    const { cli } = register;
    let agreementId = 0;

    beforeEach(async () => {
      // The two parties' fixture names the trust by the code ZZT1.
      await writeFile(
        join(register.work(), 'northmoor.csv'),
        'code,name,kind,region,former_names,source_url\nZZT1,Northmoor NHS Trust (fictional),mental_health_trust,North East,,\n',
      );
      expect((await cli('org', 'import', 'northmoor.csv')).status).toBe(0);
      const deps = await createAppDeps(register.config(), { screening: false });
      try {
        const parties = await activeAgreement(deps);
        agreementId = parties.agreementId;
        const first = await addVersion(
          deps,
          {
            agreementId,
            title: 'Crisis response policy',
            content: `# Crisis response policy\n\n${records}\n\n${panel}\n`,
            note: 'first draft',
          },
          people.nina,
        );
        const draft = { agreementId, documentId: first.documentId };
        await addVersion(
          deps,
          {
            ...draft,
            content: `# Crisis response policy\n\n${records}\n\n${restrictions}\n\n${panel}\n`,
            note: 'the coalition adds reviews of restrictions',
          },
          people.cara,
        );
        await addVersion(
          deps,
          {
            ...draft,
            content: `# Crisis response policy\n\n${records}\n\n${panel}\n`,
            note: 'the trust takes them out again',
          },
          people.nina,
        );
        const today = new Date().toISOString().slice(0, 10);
        const { actionId } = await proposeAction(
          deps,
          {
            agreementId,
            subject: { kind: 'publish', documentId: first.documentId, versionNumber: 3 },
            effectiveOn: today,
          },
          people.nina,
        );
        await consent(deps, actionId, parties.trust);
        await consent(deps, actionId, parties.coalition);
        await carryOutAction(deps, { actionId }, people.cara);
      } finally {
        await deps.close();
      }
      await writeFile(join(register.work(), 'letter.txt'), letter);
      await writeFile(join(register.work(), 'letter.md'), `# Our position\n\n${letter}`);
    });

    it('reports each reused passage with the versions it came from and whether its publication was consented to', async () => {
      const run = await cli(
        'provenance',
        'letter.txt',
        '--agreement',
        String(agreementId),
        '--actor',
        people.carl,
      );
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout).toContain(
        `2 passages of "letter.txt" reuse the drafts of agreement ${agreementId}:`,
      );
      expect(run.stdout).toContain(
        '1. "The trust will not share a person’s records with the police unless a court has ordered it."',
      );
      expect(run.stdout).toContain(`   Draft passage: "${records}"`);
      expect(run.stdout).toContain('   In: "Crisis response policy" versions 1, 2 and 3');
      expect(run.stdout).toMatch(
        /Publication of this passage had every party's consent: version 3 of "Crisis response policy" was published on \d{4}-\d\d-\d\d\./,
      );
      expect(run.stdout).toContain(`   Draft passage: "${restrictions}"`);
      expect(run.stdout).toContain('   In: "Crisis response policy" version 2\n');
      expect(run.stdout).toContain(
        '   Publication of this passage was never consented to by every party.',
      );
      expect(run.stdout).not.toContain('our own position');

      // The report quoted the drafts: every version it quoted from is in the access log.
      const deps = await createAppDeps(register.config(), { screening: false });
      try {
        const views = (await listAccess(deps.database.db, agreementId)).filter(
          (access) => access.username === people.carl,
        );
        expect(views.map((view) => [view.kind, view.versionNumber]).sort()).toEqual([
          ['view', 1],
          ['view', 2],
          ['view', 3],
        ]);
      } finally {
        await deps.close();
      }
    });

    it('prints the same as JSON, and reads a Markdown letter', async () => {
      const run = await cli(
        'provenance',
        'letter.md',
        '--agreement',
        String(agreementId),
        '--actor',
        people.nina,
        '--json',
      );
      expect(run.status).toBe(0);
      const report = JSON.parse(run.stdout) as {
        passages: {
          draft: string;
          similarity: number;
          versions: { versionNumber: number; published: boolean }[];
          consent: { kind: string };
        }[];
      };
      expect(report.passages.map((passage) => passage.draft)).toEqual([records, restrictions]);
      expect(report.passages.map((passage) => passage.consent.kind)).toEqual([
        'published',
        'never',
      ]);
      expect(report.passages[1]?.versions).toMatchObject([{ versionNumber: 2, published: false }]);
      for (const passage of report.passages) {
        expect(passage.similarity).toBeGreaterThan(0.65);
        expect(passage.similarity).toBeLessThan(1);
      }
    });

    it('refuses anyone who is not a member of a party, and says what is wrong with the options', async () => {
      const outsider = await cli(
        'provenance',
        'letter.txt',
        '--agreement',
        String(agreementId),
        '--actor',
        people.olly,
      );
      expect(outsider.status).not.toBe(0);
      expect(outsider.stderr).toContain(
        `Cannot open agreement ${agreementId}: you are not a member of any of its parties`,
      );
      expect(outsider.stdout).toBe('');
      const noAgreement = await cli('provenance', 'letter.txt', '--actor', people.nina);
      expect(noAgreement.status).not.toBe(0);
      expect(noAgreement.stderr).toContain('--agreement is required');
      const badAgreement = await cli('provenance', 'letter.txt', '--agreement', 'first');
      expect(badAgreement.stderr).toContain('Cannot use --agreement "first"');
      const missing = await cli(
        'provenance',
        'nowhere.txt',
        '--agreement',
        String(agreementId),
        '--actor',
        people.nina,
      );
      expect(missing.status).not.toBe(0);
      expect(missing.stderr).toContain('nowhere.txt');
    });
  });
}
