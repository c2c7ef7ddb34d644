import { describe, expect, it } from 'vitest';

import { SimwatchError } from '../../errors.js';
import { loadSigningKey } from '../ledger/signing-key-file.js';
import { verifyLedger } from '../ledger/verify-ledger.js';
import { testDatabases } from '../../test-support/register-databases.js';
import {
  addTextDocument,
  northmoorPolicy,
  useTestRegister,
  westmoorPaper,
} from '../test-support/test-register.js';
import { assignFindings, decideFindings } from './bulk-triage-service.js';
import { findingStatuses } from './finding-status.js';
import { decideFinding } from './findings-service.js';
import { findTriageFinding, listFindings, listTriageFindings } from './triage-repository.js';

const reason = 'The passage describes a plan the board turned down.';

for (const database of testDatabases()) {
  describe(`bulk triage on ${database.name}`, () => {
    const register = useTestRegister(database);
    const db = () => register.deps().database.db;
    const verify = async () =>
      verifyLedger(
        db(),
        await loadSigningKey(register.deps().config.signingKeyPath, { create: false }),
      );

    async function fileFindings(): Promise<number[]> {
      await addTextDocument(register.deps(), northmoorPolicy);
      await addTextDocument(register.deps(), westmoorPaper, { organisationCodes: ['ZZT2'] });
      const ids = (await listFindings(db())).map((finding) => finding.id);
      expect(ids.length).toBeGreaterThanOrEqual(3);
      return ids;
    }

    it('rejects several findings with one reason, and two reviewers doing so reject them all', async () => {
      const ids = await fileFindings();
      const first = await decideFindings(register.deps(), {
        findingIds: ids,
        reviewer: 'ana',
        decision: 'reject',
        reason,
      });
      expect([...first.values()]).toEqual(ids.map(() => 'in_discussion'));
      await decideFindings(register.deps(), {
        findingIds: ids,
        reviewer: 'ben',
        decision: 'reject',
        reason,
      });
      for (const id of ids)
        expect(await findTriageFinding(db(), id)).toMatchObject({
          status: 'rejected',
          decisions: [
            { reviewer: 'ana', decision: 'reject', reason },
            { reviewer: 'ben', decision: 'reject', reason },
          ],
        });
      expect(await verify()).toMatchObject({ ok: true });
    });

    it('records nothing when any finding cannot take the decision, naming each such finding', async () => {
      const [first = 0, second = 0, third = 0] = await fileFindings();
      await decideFinding(register.deps(), {
        findingId: second,
        reviewer: 'ana',
        decision: 'reject',
        reason,
      });
      const attempt = decideFindings(register.deps(), {
        findingIds: [first, second, third],
        reviewer: 'ana',
        decision: 'reject',
        reason,
      });
      await expect(attempt).rejects.toThrow(
        `Cannot reject these 3 findings: finding ${second} (ana has already rejected it). Nothing was recorded`,
      );
      expect((await findTriageFinding(db(), first))?.decisions).toEqual([]);
      expect((await findTriageFinding(db(), third))?.decisions).toEqual([]);
      await expect(
        decideFindings(register.deps(), {
          findingIds: [first, 999],
          reviewer: 'ben',
          decision: 'confirm',
        }),
      ).rejects.toThrow('Cannot find finding 999. Nothing was recorded');
      expect((await findTriageFinding(db(), first))?.decisions).toEqual([]);
    });

    it('refuses a rejection without a reason, and an empty selection', async () => {
      const [first = 0] = await fileFindings();
      const refused = (input: Parameters<typeof decideFindings>[1]) =>
        decideFindings(register.deps(), input).then(
          () => undefined,
          (error: unknown) => error,
        );
      const noReason = await refused({ findingIds: [first], reviewer: 'ana', decision: 'reject' });
      expect(noReason).toBeInstanceOf(SimwatchError);
      expect(noReason).toMatchObject({ code: 'invalid_input', field: 'reason' });
      const none = await refused({ findingIds: [], reviewer: 'ana', decision: 'confirm' });
      expect(none).toMatchObject({
        code: 'invalid_input',
        field: 'findingIds',
        message: 'Cannot act on findings: none was chosen',
      });
    });

    it('assigns findings to a reviewer, saying who assigned them and when, and lists them by assignee', async () => {
      const [first = 0, second = 0, third = 0] = await fileFindings();
      register.setTime('2026-11-21T09:30:00Z');
      await assignFindings(register.deps(), {
        findingIds: [first, third],
        assignee: 'Ben',
        assignedBy: 'ana',
      });
      expect((await findTriageFinding(db(), first))?.assignment).toEqual({
        assignee: 'ben',
        assignedBy: 'ana',
        assignedAt: '2026-11-21T09:30:00.000Z',
      });
      expect((await findTriageFinding(db(), second))?.assignment).toBeNull();
      const bens = await listTriageFindings(
        db(),
        { statuses: findingStatuses, assignedTo: 'ben' },
        { offset: 0, limit: 50 },
      );
      expect(bens.findings.map((finding) => finding.id)).toEqual([first, third]);
      await assignFindings(register.deps(), {
        findingIds: [first],
        assignee: null,
        assignedBy: 'ben',
      });
      expect((await findTriageFinding(db(), first))?.assignment).toBeNull();
      expect(await verify()).toMatchObject({ ok: true });
    });

    it('refuses to assign to someone who cannot review, or an unknown finding, changing nothing', async () => {
      const [first = 0] = await fileFindings();
      await expect(
        assignFindings(register.deps(), {
          findingIds: [first],
          assignee: 'zed',
          assignedBy: 'ana',
        }),
      ).rejects.toThrow('Cannot assign findings to "zed": there is no account with this user name');
      await expect(
        assignFindings(register.deps(), {
          findingIds: [first, 998, 999],
          assignee: 'ben',
          assignedBy: 'ana',
        }),
      ).rejects.toThrow('Cannot find findings 998, 999. Nothing was recorded');
      expect((await findTriageFinding(db(), first))?.assignment).toBeNull();
    });
  });
}
