import { describe, expect, it } from 'vitest';

import { testDatabases } from '../../test-support/register-databases.js';
import { useTestRegister } from '../test-support/test-register.js';
import {
  addComment,
  addVersion,
  carryOutAction,
  changeMember,
  createAgreement,
  dissolveAgreement,
  giveConsent,
  proposeAction,
  recordAccess,
  recordMeeting,
  withdrawConsent,
} from './coproduction-service.js';
import {
  getAgreement,
  listAccess,
  listAgreementsFor,
  listComments,
  listMarkedDownloads,
  listMeetings,
} from './coproduction-repository.js';
import { readAgreementForMember, readVersionForMember } from './read-for-member.js';
import {
  activeAgreement,
  consent,
  partyKey,
  people,
  refusal,
  signFor,
} from './test-support/two-parties.js';

describe.each(testDatabases())('co-production membership and records ($name)', (database) => {
  const register = useTestRegister(database);

  it('keeps drafts from anyone who is not a member of a party, administrators included', async () => {
    const deps = register.deps();
    const parties = await activeAgreement(deps);
    const { documentId } = await addVersion(
      deps,
      { agreementId: parties.agreementId, title: 'Draft', content: 'Confidential.', note: '' },
      people.nick,
    );
    for (const outsider of [people.olly, 'admin']) {
      const refused = await refusal(deps, () =>
        readVersionForMember(deps.database.db, documentId, 1, outsider),
      );
      expect(refused).toMatchObject({
        code: 'forbidden',
        message: `Cannot open agreement ${parties.agreementId}: you are not a member of any of its parties`,
      });
      expect(
        (
          await refusal(deps, () =>
            addVersion(
              deps,
              { agreementId: parties.agreementId, documentId, content: 'Mine now.', note: '' },
              outsider,
            ),
          )
        ).code,
      ).toBe('forbidden');
      expect(
        (
          await refusal(deps, () =>
            recordAccess(deps, { documentId, versionNumber: 1, kind: 'view' }, outsider),
          )
        ).code,
      ).toBe('forbidden');
    }
    const read = await readVersionForMember(deps.database.db, documentId, 1, people.carl);
    expect(read.version.content).toBe('Confidential.\n');
    expect((await listAgreementsFor(deps.database.db, people.carl)).map((a) => a.id)).toEqual([
      parties.agreementId,
    ]);
    expect(await listAgreementsFor(deps.database.db, people.olly)).toEqual([]);
  });

  it('lets a member act only for their own party, and only if they may act', async () => {
    const deps = register.deps();
    const parties = await activeAgreement(deps);
    const actionId = (
      await proposeAction(
        deps,
        {
          agreementId: parties.agreementId,
          subject: { kind: 'public_statement', text: 'Hello.' },
          effectiveOn: null,
        },
        parties.trust.actor,
      )
    ).actionId;
    // The trust's member, holding the coalition's key, still cannot consent for the coalition.
    const signature = await signFor(deps, actionId, parties.coalition.key);
    const crossing = await refusal(deps, () =>
      giveConsent(
        deps,
        { actionId, partyId: parties.coalition.id, signature },
        parties.trust.actor,
      ),
    );
    expect(crossing).toMatchObject({
      code: 'forbidden',
      message:
        'Cannot act for Coalition for Safe Care: you are a member of Northmoor Trust, and a party acts only for itself',
    });
    const takingPart = await refusal(deps, () =>
      giveConsent(deps, { actionId, partyId: parties.coalition.id, signature }, people.carl),
    );
    expect(takingPart.message).toBe(
      'Cannot act for Coalition for Safe Care: you take part in its work but may not act for it',
    );
    expect(
      (
        await refusal(deps, () =>
          proposeAction(
            deps,
            {
              agreementId: parties.agreementId,
              subject: { kind: 'public_statement', text: 'Hello again.' },
              effectiveOn: null,
            },
            people.nick,
          ),
        )
      ).code,
    ).toBe('forbidden');
    expect(
      (
        await refusal(deps, () =>
          withdrawConsent(deps, { actionId, partyId: parties.trust.id }, people.cara),
        )
      ).code,
    ).toBe('forbidden');
  });

  it('lets a party change only its own members, who must be accounts, keeping one who may act', async () => {
    const deps = register.deps();
    const parties = await activeAgreement(deps);
    const change = (partyId: number, username: string, actor: string, more = {}) =>
      changeMember(
        deps,
        { agreementId: parties.agreementId, partyId, username, mayAct: true, ...more },
        actor,
      );
    expect(
      (await refusal(deps, () => change(parties.coalition.id, people.olly, parties.trust.actor)))
        .code,
    ).toBe('forbidden');
    expect(
      (await refusal(deps, () => change(parties.coalition.id, 'nobody', parties.coalition.actor)))
        .message,
    ).toBe('Cannot add "nobody" to Coalition for Safe Care: there is no such account');
    expect(
      (
        await refusal(deps, () =>
          change(parties.coalition.id, people.nick, parties.coalition.actor),
        )
      ).message,
    ).toBe('Cannot add "nick" to Coalition for Safe Care: they are a member of Northmoor Trust');
    expect(
      (
        await refusal(deps, () =>
          change(parties.coalition.id, people.cara, parties.coalition.actor, { remove: true }),
        )
      ).message,
    ).toBe(
      'Cannot change the members of Coalition for Safe Care: it would have no member who may act for it',
    );
    await change(parties.coalition.id, people.olly, parties.coalition.actor);
    await change(parties.coalition.id, people.cara, people.olly, { remove: true });
    const coalition = (await getAgreement(deps.database.db, parties.agreementId)).parties[1];
    expect(coalition?.members.map((m) => [m.username, m.mayAct, m.removedAt === null])).toEqual([
      ['cara', true, false],
      ['carl', false, true],
      ['olly', true, true],
    ]);
    expect(
      (
        await refusal(deps, () =>
          readAgreementForMember(deps.database.db, parties.agreementId, people.cara),
        )
      ).code,
    ).toBe('forbidden');
  });

  it('refuses to set up an agreement with a member who has no account or an unknown organisation', async () => {
    const deps = register.deps();
    await activeAgreement(deps);
    const base = {
      title: 'Another',
      purpose: 'Testing.',
      principles: ['Equal partnership'],
      termsText: 'Terms.',
      draftsOnDissolution: 'released_to_parties',
    };
    const party = (name: string, username: string, organisationCode: string | null = null) => ({
      name,
      organisationCode,
      publicKeyPem: partyKey().publicKeyPem,
      members: [{ username, mayAct: true }],
    });
    const ghost = await refusal(deps, () =>
      createAgreement(
        deps,
        { ...base, parties: [party('A', people.nina), party('B', 'ghost')] },
        'admin',
      ),
    );
    expect(ghost.message).toBe('Cannot add "ghost" to "B": there is no such account');
    const unknown = await refusal(deps, () =>
      createAgreement(
        deps,
        { ...base, parties: [party('A', people.nina, 'NOPE'), party('B', people.cara)] },
        'admin',
      ),
    );
    expect(unknown.message).toBe(
      'Cannot add the party "A": there is no organisation "NOPE" in the register',
    );
    expect(
      (
        await refusal(deps, () =>
          createAgreement(deps, { ...base, parties: [party('A', people.nina)] }, 'admin'),
        )
      ).message,
    ).toBe('Cannot set up an agreement with 1 party: it needs at least two');
  });

  it('records who was present at a meeting and who was told, leaving the rest not told', async () => {
    const deps = register.deps();
    const parties = await activeAgreement(deps);
    const meeting = {
      agreementId: parties.agreementId,
      kind: 'decision',
      heldOn: '2026-11-19',
      title: 'Decision to cut section 4',
      summary: 'Taken by the trust alone.',
      presentPartyIds: [parties.trust.id],
      toldPartyIds: [],
    };
    await recordMeeting(deps, meeting, people.nick);
    await recordMeeting(
      deps,
      {
        ...meeting,
        kind: 'meeting',
        title: 'Drafting meeting',
        toldPartyIds: [parties.coalition.id],
      },
      people.carl,
    );
    const meetings = await listMeetings(deps.database.db, parties.agreementId);
    expect(meetings.map((m) => [m.kind, m.presentPartyIds, m.toldPartyIds])).toEqual([
      ['decision', [parties.trust.id], []],
      ['meeting', [parties.trust.id], [parties.coalition.id]],
    ]);
    expect(
      (
        await refusal(deps, () =>
          recordMeeting(deps, { ...meeting, toldPartyIds: [parties.trust.id] }, people.nick),
        )
      ).code,
    ).toBe('invalid_input');
    expect(
      (
        await refusal(deps, () =>
          recordMeeting(deps, { ...meeting, presentPartyIds: [99] }, people.nick),
        )
      ).code,
    ).toBe('invalid_input');
    expect((await refusal(deps, () => recordMeeting(deps, meeting, people.olly))).code).toBe(
      'forbidden',
    );
  });

  it('records every view and every download, each download with its own secret mark seed', async () => {
    const deps = register.deps();
    const parties = await activeAgreement(deps);
    const { documentId } = await addVersion(
      deps,
      { agreementId: parties.agreementId, title: 'Draft', content: 'Confidential text.', note: '' },
      people.nina,
    );
    const view = await recordAccess(
      deps,
      { documentId, versionNumber: 1, kind: 'view' },
      people.carl,
    );
    const first = await recordAccess(
      deps,
      { documentId, versionNumber: 1, kind: 'download' },
      people.nick,
    );
    const second = await recordAccess(
      deps,
      { documentId, versionNumber: 1, kind: 'download' },
      people.carl,
    );
    expect(view.markSeed).toBeNull();
    expect(first.markSeed).toMatch(/^[0-9a-f]{64}$/);
    expect(second.markSeed).toMatch(/^[0-9a-f]{64}$/);
    expect(second.markSeed).not.toBe(first.markSeed);
    expect(
      (await listAccess(deps.database.db, parties.agreementId)).map((a) => [a.username, a.kind]),
    ).toEqual([
      ['carl', 'view'],
      ['nick', 'download'],
      ['carl', 'download'],
    ]);
    expect(await listMarkedDownloads(deps.database.db, parties.agreementId)).toMatchObject([
      {
        username: 'nick',
        partyName: 'Northmoor Trust',
        markSeed: first.markSeed,
        content: 'Confidential text.\n',
      },
      { username: 'carl', partyName: 'Coalition for Safe Care', markSeed: second.markSeed },
    ]);
    expect(await listMarkedDownloads(deps.database.db, parties.agreementId + 1)).toEqual([]);
  });

  it('anchors a comment only to a passage that is in the version', async () => {
    const deps = register.deps();
    const parties = await activeAgreement(deps);
    const { documentId } = await addVersion(
      deps,
      {
        agreementId: parties.agreementId,
        title: 'Draft',
        content: 'Police attend every panel. Service users are not told.',
        note: '',
      },
      people.nina,
    );
    await addComment(
      deps,
      {
        documentId,
        versionNumber: 1,
        anchor: { exact: 'Service users are not told.', prefix: 'every panel. ', suffix: '\n' },
        body: 'This must change.',
      },
      people.carl,
    );
    expect(await listComments(deps.database.db, documentId)).toMatchObject([
      {
        author: 'carl',
        body: 'This must change.',
        anchor: { exact: 'Service users are not told.' },
      },
    ]);
    expect(
      (
        await refusal(deps, () =>
          addComment(
            deps,
            {
              documentId,
              versionNumber: 1,
              anchor: { exact: 'Service users are told.', prefix: '', suffix: '' },
              body: 'Hm.',
            },
            people.carl,
          ),
        )
      ).code,
    ).toBe('invalid_input');
  });

  it('stops everything binding once a party dissolves the agreement, leaving drafts readable', async () => {
    const deps = register.deps();
    const parties = await activeAgreement(deps);
    const { documentId } = await addVersion(
      deps,
      { agreementId: parties.agreementId, title: 'Draft', content: 'Text.', note: '' },
      people.nina,
    );
    const actionId = (
      await proposeAction(
        deps,
        {
          agreementId: parties.agreementId,
          subject: { kind: 'publish', documentId, versionNumber: 1 },
          effectiveOn: '2026-11-20',
        },
        parties.trust.actor,
      )
    ).actionId;
    await consent(deps, actionId, parties.trust);
    const signature = await signFor(deps, actionId, parties.coalition.key);
    await dissolveAgreement(
      deps,
      {
        agreementId: parties.agreementId,
        partyId: parties.coalition.id,
        reason: 'We were shut out.',
      },
      parties.coalition.actor,
    );
    expect(await getAgreement(deps.database.db, parties.agreementId)).toMatchObject({
      state: 'dissolved',
      dissolution: { partyId: parties.coalition.id, reason: 'We were shut out.', by: 'cara' },
    });
    const attempts = [
      () =>
        giveConsent(
          deps,
          { actionId, partyId: parties.coalition.id, signature },
          parties.coalition.actor,
        ),
      () => carryOutAction(deps, { actionId }, parties.trust.actor),
      () =>
        proposeAction(
          deps,
          {
            agreementId: parties.agreementId,
            subject: { kind: 'public_statement', text: 'They left.' },
            effectiveOn: null,
          },
          parties.trust.actor,
        ),
      () =>
        addVersion(
          deps,
          { agreementId: parties.agreementId, documentId, content: 'Text, changed.', note: '' },
          people.nina,
        ),
      () =>
        dissolveAgreement(
          deps,
          { agreementId: parties.agreementId, partyId: parties.trust.id, reason: 'Again.' },
          parties.trust.actor,
        ),
    ];
    for (const attempt of attempts) {
      const refused = await refusal(deps, attempt);
      expect(refused.code).toBe('conflict');
      expect(refused.message).toMatch(/was dissolved on 2026-11-20$/);
    }
    expect(
      (await readVersionForMember(deps.database.db, documentId, 1, people.nick)).version.content,
    ).toBe('Text.\n');
  });
});
