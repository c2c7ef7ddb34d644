import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createSmtpSender } from '../../foi/sending/smtp-sender.js';
import {
  startLocalSmtpServer,
  type LocalSmtpServer,
} from '../../foi/sending/test-support/local-smtp-server.js';
import { testDatabases } from '../../test-support/register-databases.js';
import { northmoorTrust } from '../../test-support/northmoor-trust.js';
import { loadSigningKey } from '../ledger/signing-key-file.js';
import { verifyLedger } from '../ledger/verify-ledger.js';
import { writeCheckpoint } from '../ledger/write-checkpoint.js';
import { importOrganisations } from '../organisations/organisations-service.js';
import { createReview } from '../reviews/reviews-service.js';
import { useTestRegister } from '../test-support/test-register.js';
import type { AppDeps } from '../../app/create-app-deps.js';
import {
  answerClarification,
  askClarification,
  assuranceFromReply,
  attachReply,
  changeState,
  createBatch,
  draftRequest,
  findRequestForReply,
  foiCountsByOrganisation,
  getBatch,
  getRequest,
  importFoiContacts,
  listBatches,
  listRecentStateChanges,
  listRequests,
  recordInReview,
  recordSentElsewhere,
  sendRequests,
  setFoiContact,
} from './foi-service.js';

const batchInput = {
  title: 'Police in crisis care 2026',
  subject: 'Police officers in mental health crisis care',
  body: 'Dear {organisation},\n\nPlease tell me whether police officers work in your crisis teams.',
  target: { kind: 'mental_health_trusts' as const },
};

/** A third trust, closed: batches must skip it. */
const closedTrust = {
  ...northmoorTrust,
  code: 'ZZT3',
  name: 'Eastmoor Mental Health NHS Trust',
  closed: '2025-03-31',
  successorCodes: ['ZZT1'],
};

describe.each(testDatabases())('FOI service ($name)', (database) => {
  const register = useTestRegister(database);
  let smtp: LocalSmtpServer;
  beforeEach(async () => {
    smtp = await startLocalSmtpServer();
    await importOrganisations(register.deps(), [closedTrust], 'tester');
  });
  afterEach(async () => {
    await smtp.close();
  });

  function sender() {
    return createSmtpSender({ url: smtp.url, from: 'requests@simwatch.example' });
  }

  async function sentBatch(deps: AppDeps) {
    await setFoiContact(deps, { organisationCode: 'ZZT1', email: 'foi@northmoor.example' }, 'ana');
    const batch = await createBatch(deps, batchInput, 'ana');
    const mail = sender();
    const outcome = await sendRequests(deps, { requestIds: batch.requestIds, sender: mail }, 'ana');
    await mail.close();
    return { batch, outcome };
  }

  it('createBatch() drafts one request per current mental health trust, named in its text, and none is public', async () => {
    const deps = register.deps();
    const batch = await createBatch(deps, batchInput, 'ana');
    expect(batch.ref).toBe('SW-FOI-BATCH-0001');
    const drafts = await listRequests(deps, { includeDrafts: true });
    expect(drafts.map((request) => [request.ref, request.organisationCode, request.state])).toEqual(
      [
        ['SW-FOI-000001', 'ZZT1', 'draft'],
        ['SW-FOI-000002', 'ZZT2', 'draft'],
      ],
    );
    expect(drafts[0]?.body).toContain('Dear Northmoor Mental Health NHS Trust,');
    expect(await listRequests(deps)).toEqual([]);
    await expect(
      createBatch(
        deps,
        { ...batchInput, target: { kind: 'organisations', codes: ['ZZT3'] } },
        'ana',
      ),
    ).rejects.toThrow(/Eastmoor .* closed on 2025-03-31; its work passed to ZZT1/);
    await expect(createBatch(deps, { ...batchInput, region: 'Atlantis' }, 'ana')).rejects.toThrow(
      /Cannot use "Atlantis" as a region/,
    );
  });

  it('sendRequests() emails each draft with a contact through SMTP and records its Message-ID; one without an address fails saying how to add one', async () => {
    const deps = register.deps();
    const { batch, outcome } = await sentBatch(deps);
    expect(outcome.sent.map((request) => request.ref)).toEqual(['SW-FOI-000001']);
    expect(outcome.failed.map((each) => each.request.ref)).toEqual(['SW-FOI-000002']);
    expect(outcome.failed[0]?.reason).toMatch(
      /no FOI address: add one with "simwatch foi contact set ZZT2 EMAIL"/,
    );
    const [message] = await smtp.waitForMessages(1);
    expect(message?.to).toEqual(['foi@northmoor.example']);
    expect(message?.subject).toContain('[SW-FOI-000001]');
    const sent = outcome.sent[0];
    expect(sent).toMatchObject({
      state: 'awaiting_response',
      sentVia: 'email',
      sentOn: '2026-11-20',
      receivedOn: '2026-11-20',
    });
    expect(sent?.messageId).toBe(message?.messageId);
    const again = await sendRequests(
      deps,
      { requestIds: batch.requestIds, sender: sender() },
      'ana',
    );
    expect(again.sent).toEqual([]);
    expect(again.failed[0]?.reason).toMatch(/SW-FOI-000001 was sent already/);
    const summary = (await listBatches(deps))[0];
    expect(summary?.counts).toMatchObject({ draft: 1, awaiting_response: 1, overdue: 0 });
    const detail = await getBatch(deps, 'sw-foi-batch-0001');
    expect(detail.requests.map((request) => request.contactEmail)).toEqual([
      'foi@northmoor.example',
      null,
    ]);
  });

  it('a sent request is overdue after 20 working days and long overdue after 40, counted per organisation', async () => {
    const deps = register.deps();
    const { batch } = await sentBatch(deps);
    await recordSentElsewhere(
      deps,
      { requestIds: batch.requestIds.slice(1), sentOn: '2026-11-20' },
      'ana',
    );
    // Sent Friday 20 November 2026: 20 working days later is Monday 21 December.
    const onDue = await listRequests(deps, {}, '2026-12-21');
    expect(onDue.map((request) => [request.dueOn, request.timeliness])).toEqual([
      ['2026-12-21', 'on_time'],
      ['2026-12-21', 'on_time'],
    ]);
    expect(await listRequests(deps, { timeliness: 'overdue_any' }, '2026-12-22')).toHaveLength(2);
    const late = await listRequests(deps, { timeliness: 'long_overdue' }, '2027-02-01');
    expect(late).toHaveLength(2);
    expect((await foiCountsByOrganisation(deps, '2027-02-01')).get('ZZT1')).toEqual({
      requests: 1,
      overdue: 1,
      longOverdue: 1,
      answered: 0,
      refused: 0,
    });
  });

  it('a clarification stops the clock and its answer restarts the 20 working days', async () => {
    const deps = register.deps();
    await sentBatch(deps);
    register.setTime('2026-12-15T10:00:00Z');
    await askClarification(deps, { requestRef: 'SW-FOI-000001', askedOn: '2026-11-25' }, 'ana');
    const waiting = await getRequest(deps, 'SW-FOI-000001', '2027-01-30');
    expect(waiting).toMatchObject({
      state: 'clarification_asked',
      dueOn: null,
      timeliness: 'not_running',
    });
    await answerClarification(
      deps,
      { requestRef: 'SW-FOI-000001', answeredOn: '2026-12-01' },
      'ana',
    );
    const restarted = await getRequest(deps, 'SW-FOI-000001', '2026-12-15');
    expect(restarted.clarifications).toEqual([{ askedOn: '2026-11-25', answeredOn: '2026-12-01' }]);
    expect(restarted.state).toBe('awaiting_response');
    // 20 working days after Tuesday 1 December, Christmas and the Boxing Day substitute skipped.
    expect(restarted.dueOn).toBe('2026-12-31');
    const feed = await listRecentStateChanges(deps, { limit: 2 });
    expect(feed.map((change) => [change.requestRef, change.from, change.to, change.onDay])).toEqual(
      [
        ['SW-FOI-000001', 'clarification_asked', 'awaiting_response', '2026-12-01'],
        ['SW-FOI-000001', 'awaiting_response', 'clarification_asked', '2026-11-25'],
      ],
    );
    expect(restarted.history.map((change) => change.to)).toEqual([
      'awaiting_response',
      'clarification_asked',
      'awaiting_response',
    ]);
  });

  it('changeState() refuses impossible moves and a refusal without an exemption, and records a refusal citing s.12', async () => {
    const deps = register.deps();
    await sentBatch(deps);
    const change = { requestRef: 'SW-FOI-000002', state: 'successful', onDay: '2026-11-20' };
    await expect(changeState(deps, change, 'ana')).rejects.toThrow(/it has not been sent/);
    const refusal = { requestRef: 'SW-FOI-000001', state: 'refused', onDay: '2026-11-20' };
    await expect(changeState(deps, refusal, 'ana')).rejects.toThrow(
      /without the exemption it cites/,
    );
    await expect(changeState(deps, { ...refusal, exemptions: ['s.99'] }, 'ana')).rejects.toThrow(
      /Cannot cite "s.99" as an exemption/,
    );
    await expect(
      changeState(deps, { ...refusal, exemptions: ['s.12'], onDay: '2026-11-19' }, 'ana'),
    ).rejects.toThrow(/before it was sent/);
    const refused = await changeState(
      deps,
      { ...refusal, exemptions: ['section 12', 's40 (2)'] },
      'ana',
    );
    expect(refused).toMatchObject({
      state: 'refused',
      exemptions: ['s.12', 's.40(2)'],
      respondedOn: '2026-11-20',
    });
    await expect(changeState(deps, { ...refusal, state: 'draft' }, 'ana')).rejects.toThrow(
      /cannot go from "Refused" to "Draft, not sent"/,
    );
    const review = await changeState(deps, { ...refusal, state: 'internal_review' }, 'ana');
    expect(review.exemptions).toEqual(['s.12', 's.40(2)']);
  });

  it('attachReply() ingests the reply as a document of the organisation, sourced to the request, and moves its state', async () => {
    const deps = register.deps();
    await sentBatch(deps);
    const text =
      'Our reply to SW-FOI-000001.\n\nA specialist police officer joins the community mental health team and works alongside a named care coordinator.';
    const { reply, ingest } = await attachReply(
      deps,
      {
        requestRef: 'SW-FOI-000001',
        receivedOn: '2026-11-20',
        fileName: 'reply.txt',
        bytes: new TextEncoder().encode(text),
        newState: 'successful',
      },
      'ana',
    );
    expect(reply).toMatchObject({ id: 1, kind: 'other', documentId: ingest?.documentId });
    expect(ingest?.findings).toBeGreaterThan(0);
    const document = await deps.database.db
      .selectFrom('documents')
      .select(['source', 'obtained', 'doc_type'])
      .where('id', '=', ingest?.documentId ?? 0)
      .executeTakeFirstOrThrow();
    expect(document).toEqual({
      source: 'SW-FOI-000001',
      obtained: 'FOI request',
      doc_type: 'foi_response',
    });
    const detail = await getRequest(deps, 'SW-FOI-000001');
    expect(detail).toMatchObject({
      state: 'successful',
      respondedOn: '2026-11-20',
      timeliness: 'not_running',
    });
    expect(detail.replies[0]?.documentTitle).toContain('Reply to SW-FOI-000001');
    const assuranceId = await assuranceFromReply(
      deps,
      { replyId: reply.id, feature: 'police_in_care' },
      'ana',
    );
    const assurance = await deps.database.db
      .selectFrom('assurances')
      .selectAll()
      .where('id', '=', assuranceId)
      .executeTakeFirstOrThrow();
    expect(assurance).toMatchObject({
      organisation_id: 1,
      given_on: '2026-11-20',
      scope: 'feature_not_used',
      feature: 'police_in_care',
      source: 'SW-FOI-000001',
      source_document_id: ingest?.documentId,
    });
  });

  it('findRequestForReply() finds the request an email answers by its reference or the Message-ID it replies to', async () => {
    const deps = register.deps();
    const { outcome } = await sentBatch(deps);
    const byRef = [
      'From: foi@westmoor.example',
      'To: requests@simwatch.example',
      'Subject: RE: Freedom of Information request [SW-FOI-000002]',
      '',
      'Please find our answer attached.',
    ].join('\r\n');
    expect((await findRequestForReply(deps, new TextEncoder().encode(byRef)))?.ref).toBe(
      'SW-FOI-000002',
    );
    const byMessageId = [
      'From: foi@northmoor.example',
      `In-Reply-To: ${outcome.sent[0]?.messageId}`,
      'Subject: Your request',
      '',
      'Answer.',
    ].join('\r\n');
    expect((await findRequestForReply(deps, new TextEncoder().encode(byMessageId)))?.ref).toBe(
      'SW-FOI-000001',
    );
    const none = 'From: a@b.example\r\nSubject: Hello\r\n\r\nSW-FOI-000099';
    expect(await findRequestForReply(deps, new TextEncoder().encode(none))).toBeUndefined();
  });

  it('recordInReview() records a refusal as a response citing its exemptions and no reply as no response', async () => {
    const deps = register.deps();
    const { batch } = await sentBatch(deps);
    await recordSentElsewhere(
      deps,
      { requestIds: batch.requestIds.slice(1), sentOn: '2026-11-20' },
      'ana',
    );
    await createReview(deps, { name: 'Crisis care 2026', questions: [] }, 'ana');
    await changeState(
      deps,
      { requestRef: 'SW-FOI-000001', state: 'refused', onDay: '2026-11-20', exemptions: ['s.12'] },
      'ana',
    );
    await recordInReview(
      deps,
      { requestRef: 'SW-FOI-000001', reviewName: 'Crisis care 2026' },
      'ana',
    );
    await recordInReview(
      deps,
      { requestRef: 'SW-FOI-000002', reviewName: 'Crisis care 2026' },
      'ana',
    );
    const returns = await deps.database.db
      .selectFrom('review_returns')
      .select(['organisation_id', 'responded', 'used_model', 'notes'])
      .orderBy('organisation_id')
      .execute();
    expect(returns).toEqual([
      {
        organisation_id: 1,
        responded: 1,
        used_model: null,
        notes: 'Refused FOI request SW-FOI-000001 citing s.12',
      },
      {
        organisation_id: 2,
        responded: 0,
        used_model: null,
        notes: 'No reply to FOI request SW-FOI-000002 (due 2026-12-21)',
      },
    ]);
  });

  it('contacts import from CSV, bad rows are named, and the ledger verifies with every FOI table rebuilt', async () => {
    const deps = register.deps();
    await expect(
      importFoiContacts(deps, 'code,email\nZZT1,not-an-address\n', 'ana'),
    ).rejects.toThrow(/Cannot use "not-an-address" as an FOI address.*\(row 2\)/);
    expect(
      await importFoiContacts(
        deps,
        'code,email,source\nZZT1,foi@northmoor.example,https://northmoor.example/foi\nZZT2,foi@westmoor.example\n',
        'ana',
      ),
    ).toBe(2);
    await draftRequest(
      deps,
      { organisationCode: 'ZZT2', subject: 'Frequent callers', body: 'Please send your policy.' },
      'ana',
    );
    await sentBatch(deps);
    await askClarification(deps, { requestRef: 'SW-FOI-000002', askedOn: '2026-11-20' }, 'ana');
    await attachReply(
      deps,
      {
        requestRef: 'SW-FOI-000003',
        receivedOn: '2026-11-20',
        fileName: 'r.txt',
        bytes: new TextEncoder().encode('Nothing held.'),
        newState: 'not_held',
      },
      'ana',
    );
    const key = await loadSigningKey(deps.config.signingKeyPath, { create: true });
    await writeCheckpoint(deps, key);
    expect(await verifyLedger(deps.database.db, key)).toMatchObject({ ok: true });
    for (const table of [
      'foi_contacts',
      'foi_batches',
      'foi_requests',
      'foi_clarifications',
      'foi_replies',
      'foi_state_changes',
    ] as const) {
      const rows = await deps.database.db.selectFrom(table).selectAll().execute();
      expect(rows.length, table).toBeGreaterThan(0);
    }
  });
});
