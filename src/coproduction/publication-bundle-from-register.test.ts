import { sign } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { consentStatementFor } from '../register/coproduction/consent-for-action.js';
import {
  addVersion,
  carryOutAction,
  proposeAction,
  publishAgreedStatement,
} from '../register/coproduction/coproduction-service.js';
import {
  getAction,
  getAgreement,
  getPublication,
} from '../register/coproduction/coproduction-repository.js';
import { activeAgreement, consent } from '../register/coproduction/test-support/two-parties.js';
import { useTestRegister } from '../register/test-support/test-register.js';
import { testDatabases } from '../test-support/register-databases.js';
import { agreedStatementBytes } from './consent-statement.js';
import { publicationBundle, verifyPublicationBundle } from './publication-bundle.js';

const policy = '# Policy\n\nPeople who ask for help are not punished for it.\n';

for (const database of testDatabases()) {
  describe(`the bundle of a publication the register made, on ${database.name}`, () => {
    const register = useTestRegister(database);

    /** An active agreement with version 1 proposed for publication on 2026-12-01, both consenting. */
    async function agreedVersion() {
      const deps = register.deps();
      const parties = await activeAgreement(deps);
      const { documentId } = await addVersion(
        deps,
        { agreementId: parties.agreementId, title: 'The policy', content: policy, note: '' },
        parties.trust.actor,
      );
      const { actionId } = await proposeAction(
        deps,
        {
          agreementId: parties.agreementId,
          subject: { kind: 'publish', documentId, versionNumber: 1 },
          effectiveOn: '2026-12-01',
        },
        parties.trust.actor,
      );
      await consent(deps, actionId, parties.trust);
      await consent(deps, actionId, parties.coalition);
      return { deps, parties, actionId };
    }

    it('verifies offline once both parties’ consent has published a version', async () => {
      const { deps, parties, actionId } = await agreedVersion();
      register.setTime('2026-12-01T09:00:00Z');
      const { publicationId } = await carryOutAction(deps, { actionId }, parties.coalition.actor);
      expect(publicationId).not.toBeNull();
      const publication = await getPublication(deps.database.db, publicationId ?? 0);
      const bundle = JSON.parse(JSON.stringify(publicationBundle(publication))) as unknown;
      expect(verifyPublicationBundle(bundle)).toMatchObject({
        ok: true,
        summary: { kind: 'version', documentTitle: 'The policy', versionNumber: 1 },
      });
    });

    it('verifies a party’s signed statement that the agreed version was not published by its date', async () => {
      const { deps, parties, actionId } = await agreedVersion();
      register.setTime('2026-12-03T09:00:00Z');
      const action = await getAction(deps.database.db, actionId);
      const statement = consentStatementFor(
        action,
        await getAgreement(deps.database.db, parties.agreementId),
      );
      const text = 'The policy was agreed by both parties for publication on 1 December 2026.';
      const signature = sign(
        null,
        agreedStatementBytes({
          statement: 'simwatch co-production agreed-not-published, version 1',
          agreement: statement.agreement,
          action: statement.action.number,
          subjectHash: statement.subjectHash,
          text,
        }),
        parties.coalition.key.privateKeyPem,
      ).toString('base64');
      const { publicationId } = await publishAgreedStatement(
        deps,
        { actionId, partyId: parties.coalition.id, text, signature },
        parties.coalition.actor,
      );
      const bundle = publicationBundle(await getPublication(deps.database.db, publicationId));
      expect(bundle.text).toBeNull();
      expect(verifyPublicationBundle(JSON.parse(JSON.stringify(bundle)))).toMatchObject({
        ok: true,
        summary: { kind: 'agreed_not_published', statementBy: 'Coalition for Safe Care' },
      });
    });
  });
}
