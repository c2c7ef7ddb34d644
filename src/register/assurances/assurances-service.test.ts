import { describe, expect, it } from 'vitest';

import { testDatabases } from '../../test-support/register-databases.js';
import { listFindings } from '../findings/triage-repository.js';
import { addTextDocument, confirmFinding, useTestRegister } from '../test-support/test-register.js';
import { loadSigningKey } from '../ledger/signing-key-file.js';
import { verifyLedger } from '../ledger/verify-ledger.js';
import { findAssuranceOfFinding } from './assurances-repository.js';
import { recordAssurance, type AssuranceInput } from './assurances-service.js';

const assurance =
  'We can confirm that the Trust has never used Serenity Integrated Mentoring (SIM) or any SIM-type model.';

for (const database of testDatabases()) {
  describe(`an assurance recorded from a finding on ${database.name}`, () => {
    const register = useTestRegister(database);

    async function assuranceFinding() {
      const deps = register.deps();
      const documentId = await addTextDocument(deps, `Board statement\n\n${assurance}`);
      const [finding] = (await listFindings(deps.database.db, {})).filter(
        (each) => each.documentId === documentId && each.label === 'assurance',
      );
      if (!finding)
        throw new Error(
          `Expected screening to find the assurance: ${JSON.stringify((await listFindings(deps.database.db, {})).map((f) => [f.label, f.excerpt]))}`,
        );
      return { documentId, findingId: finding.id };
    }

    function input(findingId: number, documentId: number): AssuranceInput {
      return {
        organisationCode: 'ZZT1',
        givenOn: '2025-06-01',
        givenBy: 'The board',
        scope: 'never_used',
        text: assurance,
        sourceDocumentId: documentId,
        source: 'Page 1',
        findingId,
      };
    }

    it('records a confirmed assurance finding as an assurance linked to it, once, in one event', async () => {
      const deps = register.deps();
      const { documentId, findingId } = await assuranceFinding();
      await expect(recordAssurance(deps, input(findingId, documentId), 'ana')).rejects.toThrow(
        `Cannot record finding ${findingId} as an assurance: only a confirmed finding labelled "assurance" can be`,
      );
      await confirmFinding(deps, findingId);
      const events = async () =>
        (await deps.database.db.selectFrom('record_events').select('type').execute()).length;
      const before = await events();
      const id = await recordAssurance(deps, input(findingId, documentId), 'ana');
      expect(await events()).toBe(before + 1);
      expect(await findAssuranceOfFinding(deps.database.db, findingId)).toEqual({
        id,
        organisationCode: 'ZZT1',
        organisationName: 'Northmoor Mental Health NHS Trust',
      });
      await expect(recordAssurance(deps, input(findingId, documentId), 'ben')).rejects.toThrow(
        `Cannot record finding ${findingId} as an assurance again: it is assurance ${id}`,
      );
      expect(await events()).toBe(before + 1);
      // The link is in the record: a replay rebuilds it.
      const key = await loadSigningKey(deps.config.signingKeyPath, { create: true });
      expect(await verifyLedger(deps.database.db, key)).toMatchObject({ ok: true });
    });

    it('refuses a finding that does not exist, recording nothing', async () => {
      const deps = register.deps();
      const { documentId } = await assuranceFinding();
      await expect(recordAssurance(deps, input(9999, documentId), 'ana')).rejects.toThrow(
        'Cannot find finding 9999',
      );
      expect(await deps.database.db.selectFrom('assurances').selectAll().execute()).toEqual([]);
    });
  });
}
