import { sign } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { agreedStatementBytes, verifyConsent } from '../../coproduction/consent-statement.js';
import type { AppDeps } from '../../app/create-app-deps.js';
import { testDatabases } from '../../test-support/register-databases.js';
import { useTestRegister } from '../test-support/test-register.js';
import type { ActionSubject } from '../../coproduction/agreement.js';
import { consentStatementFor } from './consent-for-action.js';
import {
  addVersion,
  carryOutAction,
  giveConsent,
  proposeAction,
  publishAgreedStatement,
  withdrawConsent,
} from './coproduction-service.js';
import {
  getAction,
  getAgreement,
  getPublication,
  listActions,
  listPublications,
} from './coproduction-repository.js';
import { readAgreementForMember } from './read-for-member.js';
import {
  activeAgreement,
  consent,
  partyKey,
  people,
  refusal,
  setUpTwoParties,
  signFor,
  type PartyKey,
  type TwoParties,
} from './test-support/two-parties.js';

/** Adds `count` versions of one document (each a new line of text); returns its id. */
async function draftVersions(deps: AppDeps, parties: TwoParties, count: number) {
  let documentId: number | undefined;
  for (let n = 1; n <= count; n += 1) {
    const added = await addVersion(
      deps,
      {
        agreementId: parties.agreementId,
        ...(documentId === undefined ? { title: 'The national policy' } : { documentId }),
        content: `# The national policy\n\nDraft ${n}: no police in care plans.`,
        note: `draft ${n}`,
      },
      n % 2 === 1 ? parties.trust.actor : parties.coalition.actor,
    );
    documentId = added.documentId;
  }
  if (documentId === undefined) throw new Error('Expected a document');
  return documentId;
}

async function propose(
  deps: AppDeps,
  parties: TwoParties,
  subject: ActionSubject,
  effectiveOn: string | null = null,
) {
  return (
    await proposeAction(
      deps,
      { agreementId: parties.agreementId, subject, effectiveOn },
      parties.trust.actor,
    )
  ).actionId;
}

/** Signs a party's own agreed-not-published statement about an action. */
async function signStatement(deps: AppDeps, actionId: number, text: string, key: PartyKey) {
  const action = await getAction(deps.database.db, actionId);
  const agreement = await getAgreement(deps.database.db, action.agreementId);
  return sign(
    null,
    agreedStatementBytes({
      statement: 'simwatch co-production agreed-not-published, version 1',
      agreement: agreement.ref,
      action: action.number,
      subjectHash: action.subjectHash,
      text,
    }),
    key.privateKeyPem,
  ).toString('base64');
}

describe.each(testDatabases())('co-production consent ($name)', (database) => {
  const register = useTestRegister(database);

  it('lets nothing binding happen until every party has consented to the terms', async () => {
    const deps = register.deps();
    const parties = await setUpTwoParties(deps);
    const [first] = await listActions(deps.database.db, parties.agreementId);
    if (!first) throw new Error('Expected action 1');
    await consent(deps, first.id, parties.trust);
    const refused = await refusal(deps, () =>
      propose(deps, parties, { kind: 'public_statement', text: 'We have begun.' }),
    );
    expect(refused.code).toBe('conflict');
    expect(refused.message).toMatch(/awaits every party's consent to its terms \(action 1\)/);
    await consent(deps, first.id, parties.coalition);
    expect(
      await propose(deps, parties, { kind: 'public_statement', text: 'We have begun.' }),
    ).toBeGreaterThan(first.id);
  });

  it('refuses a publication without the other party’s consent, naming that party', async () => {
    const deps = register.deps();
    const parties = await activeAgreement(deps);
    const documentId = await draftVersions(deps, parties, 1);
    const actionId = await propose(
      deps,
      parties,
      { kind: 'publish', documentId, versionNumber: 1 },
      '2026-11-20',
    );
    await consent(deps, actionId, parties.trust);
    const refused = await refusal(deps, () =>
      carryOutAction(deps, { actionId }, parties.trust.actor),
    );
    expect(refused).toMatchObject({
      code: 'conflict',
      message: 'Cannot publish: Coalition for Safe Care has not consented to version 1',
    });
    expect(await listPublications(deps.database.db)).toEqual([]);
  });

  it('does not let consent to version 3 publish version 4, nor its signature count for it', async () => {
    const deps = register.deps();
    const parties = await activeAgreement(deps);
    const documentId = await draftVersions(deps, parties, 4);
    const three = await propose(
      deps,
      parties,
      { kind: 'publish', documentId, versionNumber: 3 },
      '2026-11-20',
    );
    await consent(deps, three, parties.trust);
    await consent(deps, three, parties.coalition);
    const four = await propose(
      deps,
      parties,
      { kind: 'publish', documentId, versionNumber: 4 },
      '2026-11-20',
    );
    await consent(deps, four, parties.trust);
    const refused = await refusal(deps, () =>
      carryOutAction(deps, { actionId: four }, parties.trust.actor),
    );
    expect(refused.message).toBe(
      'Cannot publish: Coalition for Safe Care has not consented to version 4 (its consent was to version 3)',
    );
    // The coalition's signature over version 3's statement is not consent to version 4.
    const overThree = await signFor(deps, three, parties.coalition.key);
    const replayed = await refusal(deps, () =>
      giveConsent(
        deps,
        { actionId: four, partyId: parties.coalition.id, signature: overThree },
        parties.coalition.actor,
      ),
    );
    expect(replayed.code).toBe('invalid_input');
    // Action 3 is the publication of version 4 (action 1 adopted the terms, action 2 is version 3).
    expect(replayed.message).toMatch(
      /^Cannot record consent: the signature is not Coalition for Safe Care's key \(keyId [0-9a-f]+\) over action 3's statement$/,
    );
    // Nor is the trust's own key over version 4 the coalition's consent.
    const trustsOwn = await signFor(deps, four, parties.trust.key);
    expect(
      (
        await refusal(deps, () =>
          giveConsent(
            deps,
            { actionId: four, partyId: parties.coalition.id, signature: trustsOwn },
            parties.coalition.actor,
          ),
        )
      ).code,
    ).toBe('invalid_input');
    // Version 3 itself can still be published.
    const { publicationId } = await carryOutAction(deps, { actionId: three }, parties.trust.actor);
    expect(publicationId).not.toBeNull();
  });

  it('stops a publication when a party withdraws its consent before it, and refuses withdrawal after', async () => {
    const deps = register.deps();
    const parties = await activeAgreement(deps);
    const documentId = await draftVersions(deps, parties, 1);
    const actionId = await propose(
      deps,
      parties,
      { kind: 'publish', documentId, versionNumber: 1 },
      '2026-11-25',
    );
    await consent(deps, actionId, parties.trust);
    await consent(deps, actionId, parties.coalition);
    expect((await getAction(deps.database.db, actionId)).state).toBe('ready');
    register.setTime('2026-11-22T08:00:00Z');
    await withdrawConsent(
      deps,
      { actionId, partyId: parties.coalition.id },
      parties.coalition.actor,
    );
    expect((await getAction(deps.database.db, actionId)).state).toBe('awaiting_consent');
    register.setTime('2026-11-25T08:00:00Z');
    const refused = await refusal(deps, () =>
      carryOutAction(deps, { actionId }, parties.trust.actor),
    );
    expect(refused.message).toBe(
      'Cannot publish: Coalition for Safe Care withdrew its consent on 2026-11-22',
    );
    // It may consent again; once published, consent can no longer be withdrawn.
    await consent(deps, actionId, parties.coalition);
    await carryOutAction(deps, { actionId }, parties.coalition.actor);
    const late = await refusal(deps, () =>
      withdrawConsent(deps, { actionId, partyId: parties.trust.id }, parties.trust.actor),
    );
    expect(late).toMatchObject({
      code: 'conflict',
      message: 'Cannot withdraw consent: action 2 was carried out on 2026-11-25',
    });
  });

  it('refuses to publish before the date every party agreed to publish on', async () => {
    const deps = register.deps();
    const parties = await activeAgreement(deps);
    const documentId = await draftVersions(deps, parties, 1);
    const actionId = await propose(
      deps,
      parties,
      { kind: 'publish', documentId, versionNumber: 1 },
      '2026-12-01',
    );
    await consent(deps, actionId, parties.trust);
    await consent(deps, actionId, parties.coalition);
    register.setTime('2026-11-30T23:59:00Z');
    const refused = await refusal(deps, () =>
      carryOutAction(deps, { actionId }, parties.trust.actor),
    );
    expect(refused.message).toMatch(/^Cannot publish before 2026-12-01/);
    register.setTime('2026-12-01T00:01:00Z');
    await carryOutAction(deps, { actionId }, parties.trust.actor);
  });

  it('changes the terms only on the last party’s consent', async () => {
    const deps = register.deps();
    const parties = await activeAgreement(deps);
    const actionId = await propose(deps, parties, {
      kind: 'change_terms',
      text: 'New terms: meetings are minuted and shared with every party.',
    });
    const first = await consent(deps, actionId, parties.trust);
    expect(first.carriedOut).toBe(false);
    expect((await getAgreement(deps.database.db, parties.agreementId)).terms.version).toBe(1);
    const last = await consent(deps, actionId, parties.coalition);
    expect(last.carriedOut).toBe(true);
    expect((await getAgreement(deps.database.db, parties.agreementId)).terms).toMatchObject({
      version: 2,
      text: 'New terms: meetings are minuted and shared with every party.\n',
      actionId,
    });
    expect((await getAction(deps.database.db, actionId)).state).toBe('carried_out');
  });

  it('adds and removes a party only with every party’s consent, the removed one included', async () => {
    const deps = register.deps();
    const parties = await activeAgreement(deps);
    const carersKey = partyKey();
    const add = await propose(deps, parties, {
      kind: 'add_party',
      party: {
        name: 'Carers Voice',
        organisationCode: null,
        publicKeyPem: carersKey.publicKeyPem,
        members: [{ username: people.olly, mayAct: true }],
      },
    });
    await consent(deps, add, parties.trust);
    expect(
      (
        await refusal(deps, () =>
          readAgreementForMember(deps.database.db, parties.agreementId, people.olly),
        )
      ).code,
    ).toBe('forbidden');
    await consent(deps, add, parties.coalition);
    const agreement = await getAgreement(deps.database.db, parties.agreementId);
    const carers = agreement.parties.find((party) => party.name === 'Carers Voice');
    if (!carers) throw new Error('Expected Carers Voice to be a party');
    expect(carers.members).toMatchObject([{ username: people.olly, mayAct: true }]);
    await readAgreementForMember(deps.database.db, parties.agreementId, people.olly);

    const remove = await propose(deps, parties, { kind: 'remove_party', partyId: carers.id });
    await consent(deps, remove, parties.trust);
    await consent(deps, remove, parties.coalition);
    // Still a party: its own consent is needed too.
    expect((await getAction(deps.database.db, remove)).state).toBe('awaiting_consent');
    await consent(deps, remove, { id: carers.id, key: carersKey, actor: people.olly });
    const after = await getAgreement(deps.database.db, parties.agreementId);
    expect(after.parties.find((party) => party.id === carers.id)?.leftAt).not.toBeNull();
    const shutOut = await refusal(deps, () =>
      readAgreementForMember(deps.database.db, parties.agreementId, people.olly),
    );
    expect(shutOut.message).toBe(
      `Cannot open agreement ${parties.agreementId}: you are not a member of any of its parties`,
    );
    // Two parties are the fewest an agreement has.
    expect(
      (
        await refusal(deps, () =>
          propose(deps, parties, { kind: 'remove_party', partyId: parties.coalition.id }),
        )
      ).code,
    ).toBe('conflict');
  });

  it('publishes a public statement on the last party’s consent, with both signatures', async () => {
    const deps = register.deps();
    const parties = await activeAgreement(deps);
    const actionId = await propose(deps, parties, {
      kind: 'public_statement',
      text: 'The parties continue to work on the policy together.',
    });
    expect((await consent(deps, actionId, parties.trust)).publicationId).toBeNull();
    const { publicationId } = await consent(deps, actionId, parties.coalition);
    if (publicationId === null) throw new Error('Expected a publication');
    const publication = await getPublication(deps.database.db, publicationId);
    expect(publication).toMatchObject({
      kind: 'public_statement',
      text: 'The parties continue to work on the policy together.\n',
      actionNumber: 2,
    });
    expect(publication.signatures.map((s) => s.partyId)).toEqual([
      parties.trust.id,
      parties.coalition.id,
    ]);
  });

  it('lets a party state that an agreed version was not published once its date passed', async () => {
    const deps = register.deps();
    const parties = await activeAgreement(deps);
    const documentId = await draftVersions(deps, parties, 1);
    const actionId = await propose(
      deps,
      parties,
      { kind: 'publish', documentId, versionNumber: 1 },
      '2026-12-01',
    );
    await consent(deps, actionId, parties.trust);
    await consent(deps, actionId, parties.coalition);
    // The trust withdraws after the date has come: the proof of agreement stands.
    register.setTime('2026-12-01T17:00:00Z');
    await withdrawConsent(deps, { actionId, partyId: parties.trust.id }, parties.trust.actor);
    const text = 'Version 1 was agreed by both parties for publication on 1 December 2026.';
    const signature = await signStatement(deps, actionId, text, parties.coalition.key);
    const publish = () =>
      publishAgreedStatement(
        deps,
        { actionId, partyId: parties.coalition.id, text, signature },
        parties.coalition.actor,
      );
    const early = await refusal(deps, publish);
    expect(early.message).toBe(
      'Cannot state that version 1 was agreed: the date agreed to publish on, 2026-12-01, has not passed',
    );
    register.setTime('2026-12-02T09:00:00Z');
    const forged = await refusal(deps, () =>
      publishAgreedStatement(
        deps,
        { actionId, partyId: parties.coalition.id, text: `${text} Really.`, signature },
        parties.coalition.actor,
      ),
    );
    expect(forged.code).toBe('invalid_input');
    const { publicationId } = await publish();
    const publication = await getPublication(deps.database.db, publicationId);
    expect(publication).toMatchObject({
      kind: 'agreed_not_published',
      text: null,
      versionNumber: 1,
      statement: { partyId: parties.coalition.id, partyName: 'Coalition for Safe Care', text },
    });
    const action = await getAction(deps.database.db, actionId);
    const agreement = await getAgreement(deps.database.db, parties.agreementId);
    expect(publication.signatures).toHaveLength(2);
    for (const each of publication.signatures)
      expect(
        verifyConsent(consentStatementFor(action, agreement), each.signature, each.publicKeyPem),
      ).toBe(true);
    expect((await refusal(deps, publish)).code).toBe('conflict');
  });

  it('refuses the agreed-not-published statement when a party never consented, or it was published', async () => {
    const deps = register.deps();
    const parties = await activeAgreement(deps);
    const documentId = await draftVersions(deps, parties, 2);
    const neverAgreed = await propose(
      deps,
      parties,
      { kind: 'publish', documentId, versionNumber: 1 },
      '2026-11-21',
    );
    await consent(deps, neverAgreed, parties.trust);
    const published = await propose(
      deps,
      parties,
      { kind: 'publish', documentId, versionNumber: 2 },
      '2026-11-21',
    );
    await consent(deps, published, parties.trust);
    await consent(deps, published, parties.coalition);
    register.setTime('2026-11-21T10:00:00Z');
    await carryOutAction(deps, { actionId: published }, parties.trust.actor);
    // The coalition consents to version 1 only after the date: too late to prove agreement.
    register.setTime('2026-11-22T10:00:00Z');
    await consent(deps, neverAgreed, parties.coalition);
    const text = 'It was agreed.';
    const one = await refusal(deps, async () =>
      publishAgreedStatement(
        deps,
        {
          actionId: neverAgreed,
          partyId: parties.trust.id,
          text,
          signature: await signStatement(deps, neverAgreed, text, parties.trust.key),
        },
        parties.trust.actor,
      ),
    );
    expect(one.message).toBe(
      'Cannot state that version 1 was agreed: Coalition for Safe Care had not consented to publishing it by 2026-11-21',
    );
    const two = await refusal(deps, async () =>
      publishAgreedStatement(
        deps,
        {
          actionId: published,
          partyId: parties.trust.id,
          text,
          signature: await signStatement(deps, published, text, parties.trust.key),
        },
        parties.trust.actor,
      ),
    );
    expect(two.message).toBe(
      'Cannot state that version 2 was agreed: it was published on 2026-11-21',
    );
  });
});
