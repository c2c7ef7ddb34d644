import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { createAppDeps } from '../../app/create-app-deps.js';
import { samplePolicyText } from '../../bench/sample-policy-text.js';
import { leakExcerpt, markedBody } from '../../coproduction/marking/leaked-excerpts.js';
import { markCopy } from '../../coproduction/marking/mark-copy.js';
import { loadConfig } from '../../config/load-config.js';
import {
  addVersion,
  createAgreement,
  recordAccess,
} from '../../register/coproduction/coproduction-service.js';
import { getAgreement, listActions } from '../../register/coproduction/coproduction-repository.js';
import { consent, partyKey } from '../../register/coproduction/test-support/two-parties.js';
import { addReviewers } from '../../test-support/add-reviewers.js';
import { testDatabases } from '../../test-support/register-databases.js';
import { useCliRegister, type CliRegister } from '../test-support/use-cli-register.js';

const members = [
  { username: 'nina', party: 'Northmoor Trust' },
  { username: 'nick', party: 'Northmoor Trust' },
  { username: 'cara', party: 'Coalition for Safe Care' },
  { username: 'carl', party: 'Coalition for Safe Care' },
];

/**
 * Sets up an active two-party agreement with the sample policy as its draft, records a download
 * by each member, and writes what `carl` leaks from his marked copy: `words` words, pasted.
 */
async function leakFromCarl(register: CliRegister, words: number): Promise<void> {
  const deps = await createAppDeps(loadConfig(register.env()));
  try {
    await addReviewers(deps, ...members.map((member) => member.username));
    const trustKey = partyKey();
    const coalitionKey = partyKey();
    const party = (name: string, publicKeyPem: string) => ({
      name,
      organisationCode: null,
      publicKeyPem,
      members: members
        .filter((member) => member.party === name)
        .map((member, index) => ({ username: member.username, mayAct: index === 0 })),
    });
    const { agreementId } = await createAgreement(
      deps,
      {
        title: 'National policy on frequent contact with crisis services',
        purpose: 'To write the policy together, as equal partners.',
        principles: ['Confidentiality: drafts stay between the parties'],
        termsText: 'Neither party publishes without the other’s consent.',
        draftsOnDissolution: 'kept_confidential',
        parties: [
          party('Northmoor Trust', trustKey.publicKeyPem),
          party('Coalition for Safe Care', coalitionKey.publicKeyPem),
        ],
      },
      'admin',
    );
    const [terms] = await listActions(deps.database.db, agreementId);
    if (!terms) throw new Error('Expected action 1');
    const [trust, coalition] = (await getAgreement(deps.database.db, agreementId)).parties;
    if (!trust || !coalition) throw new Error('Expected two parties');
    await consent(deps, terms.id, { id: trust.id, key: trustKey, actor: 'nina' });
    await consent(deps, terms.id, { id: coalition.id, key: coalitionKey, actor: 'cara' });
    const { documentId, versionNumber } = await addVersion(
      deps,
      { agreementId, title: 'Joint policy', content: samplePolicyText, note: 'First draft' },
      'nina',
    );
    let leaked = '';
    for (const member of members) {
      const { markSeed } = await recordAccess(
        deps,
        { documentId, versionNumber, kind: 'download' },
        member.username,
      );
      const recipient = { label: member.username, seed: markSeed ?? '', date: '7 December 2026' };
      const body = markedBody(markCopy(samplePolicyText, recipient), recipient);
      if (member.username === 'carl') leaked = leakExcerpt(body, words, 'pasted', 3);
    }
    await writeFile(join(register.work(), 'leak.txt'), leaked);
  } finally {
    await deps.close();
  }
}

for (const database of testDatabases()) {
  describe(`simwatch trace on ${database.name}`, () => {
    const register = useCliRegister(database);
    const { cli } = register;

    it('names the member whose marked download a pasted excerpt came from, with the evidence', async () => {
      await leakFromCarl(register, 1500);
      const traced = await cli('trace', 'leak.txt');
      expect(traced.stderr).toBe('');
      expect(traced.status).toBe(0);
      expect(traced.stdout).toContain('Compared "leak.txt" with 4 marked downloads.');
      expect(traced.stdout).toMatch(
        /Recipient: carl \(Coalition for Safe Care\), who downloaded version 1 of document 1 \(agreement 1\) on \d{4}-/,
      );
      expect(traced.stdout).toMatch(/Confidence: (0\.99\d\d|over 0\.9999)\n/);
      expect(traced.stdout).toMatch(
        /Evidence: The excerpt agrees with carl \(Coalition for Safe Care\)'s copy at (\d+) of \1 marked choices; the next closest/,
      );

      const json = await cli('trace', 'leak.txt', '--agreement', '1', '--json');
      expect(json.status).toBe(0);
      const result = JSON.parse(json.stdout) as {
        recipient: { username: string; partyName: string; versionNumber: number } | null;
        confidence: number;
      };
      expect(result.recipient).toMatchObject({
        username: 'carl',
        partyName: 'Coalition for Safe Care',
        versionNumber: 1,
      });
      expect(result.confidence).toBeGreaterThanOrEqual(0.99);
    });

    it('names no one for an excerpt too short to decide, and refuses an agreement with no downloads', async () => {
      await leakFromCarl(register, 15);
      const traced = await cli('trace', 'leak.txt');
      expect(traced.status).toBe(0);
      expect(traced.stdout).toContain('Recipient: none can be named with confidence');
      expect(traced.stdout).toMatch(/too few|none of the marked choices/);

      const elsewhere = await cli('trace', 'leak.txt', '--agreement', '7');
      expect(elsewhere.status).not.toBe(0);
      expect(elsewhere.stderr).toContain(
        'Cannot trace "leak.txt": no marked downloads are recorded for agreement 7',
      );
      const noFile = await cli('trace');
      expect(noFile.status).not.toBe(0);
      expect(noFile.stderr).toContain('Cannot trace: give one file holding the excerpt');
    });
  });
}
