import { describe, expect, it } from 'vitest';

import { verifyConsent } from '../../coproduction/consent-statement.js';
import { testDatabases } from '../../test-support/register-databases.js';
import { loadSigningKey } from '../ledger/signing-key-file.js';
import { verifyLedger } from '../ledger/verify-ledger.js';
import { writeCheckpoint } from '../ledger/write-checkpoint.js';
import { useTestRegister } from '../test-support/test-register.js';
import { consentStatementFor } from './consent-for-action.js';
import { addVersion, carryOutAction, proposeAction } from './coproduction-service.js';
import {
  getAgreement,
  getPublication,
  listActions,
  listPublications,
} from './coproduction-repository.js';
import { activeAgreement, consent, setUpTwoParties } from './test-support/two-parties.js';

describe.each(testDatabases())('co-production, the happy path ($name)', (database) => {
  const register = useTestRegister(database);

  it('sets up an agreement awaiting its terms that every party’s consent makes active', async () => {
    const deps = register.deps();
    const parties = await setUpTwoParties(deps);
    const db = deps.database.db;
    expect(await getAgreement(db, parties.agreementId)).toMatchObject({
      state: 'awaiting_terms',
      terms: { version: 1, adoptedAt: null },
    });
    const [first] = await listActions(db, parties.agreementId);
    if (!first) throw new Error('Expected action 1');
    expect(first).toMatchObject({ number: 1, kind: 'change_terms', state: 'awaiting_consent' });
    await consent(deps, first.id, parties.trust);
    expect((await getAgreement(db, parties.agreementId)).state).toBe('awaiting_terms');
    const result = await consent(deps, first.id, parties.coalition);
    expect(result.carriedOut).toBe(true);
    expect(await getAgreement(db, parties.agreementId)).toMatchObject({
      state: 'active',
      terms: { version: 1, adoptedAt: '2026-11-20T10:00:00.000Z' },
    });
  });

  it('publishes a version every party consented to, on its date, with every signature', async () => {
    const deps = register.deps();
    const parties = await activeAgreement(deps);
    const db = deps.database.db;
    const draft = await addVersion(
      deps,
      {
        agreementId: parties.agreementId,
        title: 'The policy',
        content: '# Policy\n\nText.',
        note: 'first',
      },
      parties.trust.actor,
    );
    const { actionId } = await proposeAction(
      deps,
      {
        agreementId: parties.agreementId,
        subject: { kind: 'publish', documentId: draft.documentId, versionNumber: 1 },
        effectiveOn: '2026-12-01',
      },
      parties.trust.actor,
    );
    await consent(deps, actionId, parties.trust);
    await consent(deps, actionId, parties.coalition);
    register.setTime('2026-12-01T09:00:00Z');
    const { publicationId } = await carryOutAction(deps, { actionId }, parties.coalition.actor);
    if (publicationId === null) throw new Error('Expected a publication');
    const publication = await getPublication(db, publicationId);
    expect(publication).toMatchObject({
      kind: 'version',
      documentTitle: 'The policy',
      versionNumber: 1,
      subjectHash: draft.hash,
      text: '# Policy\n\nText.\n',
      effectiveOn: '2026-12-01',
    });
    const agreement = await getAgreement(db, parties.agreementId);
    const [, action] = await listActions(db, parties.agreementId);
    if (!action) throw new Error('Expected action 2');
    expect(action.state).toBe('carried_out');
    expect(publication.signatures.map((s) => s.partyName)).toEqual([
      'Northmoor Trust',
      'Coalition for Safe Care',
    ]);
    for (const signature of publication.signatures)
      expect(
        verifyConsent(
          consentStatementFor(action, agreement),
          signature.signature,
          signature.publicKeyPem,
        ),
      ).toBe(true);
    expect((await listPublications(db)).map((p) => p.id)).toEqual([publicationId]);
    // Every row it wrote is rebuilt, identically, by replaying the record.
    const key = await loadSigningKey(deps.config.signingKeyPath, { create: true });
    await writeCheckpoint(deps, key);
    expect(await verifyLedger(db, key)).toMatchObject({ ok: true });
  });
});
