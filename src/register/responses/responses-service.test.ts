import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { testDatabases } from '../../test-support/register-databases.js';
import { listFindings } from '../findings/triage-repository.js';
import { loadSigningKey } from '../ledger/signing-key-file.js';
import { verifyLedger } from '../ledger/verify-ledger.js';
import { writeCheckpoint } from '../ledger/write-checkpoint.js';
import { loadOrganisationFacts } from '../load-organisation-facts.js';
import { deriveStatus } from '../status/derive-status.js';
import {
  addTextDocument,
  confirmFinding,
  northmoorPolicy,
  useTestRegister,
  westmoorPaper,
} from '../test-support/test-register.js';
import type { AppDeps } from '../../app/create-app-deps.js';
import {
  listDocumentResponses,
  listOrganisationResponses,
  listRecentResponses,
} from './responses-repository.js';
import { recordResponse, type ResponseInput } from './responses-service.js';

/** Northmoor's policy with its police finding confirmed: the evidence a response answers. */
async function confirmedEvidence(deps: AppDeps) {
  const documentId = await addTextDocument(deps, northmoorPolicy);
  const findings = await listFindings(deps.database.db, { organisationCode: 'ZZT1' });
  const police = findings.find((finding) => finding.label === 'police_in_care');
  if (!police) throw new Error('Expected a police finding');
  await confirmFinding(deps, police.id);
  return { documentId, findingId: police.id };
}

function response(findingId: number, more: Partial<ResponseInput> = {}): ResponseInput {
  return {
    organisationCode: 'ZZT1',
    responderName: 'Pat Doe',
    responderRole: 'Medical Director',
    receivedOn: '2026-11-02',
    text: 'The officer left the team in September 2026; the pathway no longer involves police.',
    answers: { kind: 'finding', id: findingId },
    ...more,
  };
}

async function statusOf(deps: AppDeps) {
  const [facts] = await loadOrganisationFacts(deps.database.db, 'ZZT1');
  if (!facts) throw new Error('Expected Northmoor');
  return deriveStatus(facts);
}

describe.each(testDatabases())('recordResponse() ($name)', (database) => {
  const register = useTestRegister(database);

  it('records a response beside the finding it answers, on its organisation and document', async () => {
    const deps = register.deps();
    const { documentId, findingId } = await confirmedEvidence(deps);
    const recorded = await recordResponse(deps, response(findingId), 'ana');
    expect(recorded).toEqual({ responseId: 1, documentIds: [], assuranceId: null });
    const [organisations] = await Promise.all([listOrganisationResponses(deps.database.db, 1)]);
    expect(organisations).toMatchObject([
      {
        id: 1,
        organisationCode: 'ZZT1',
        responderName: 'Pat Doe',
        responderRole: 'Medical Director',
        receivedOn: '2026-11-02',
        answers: { kind: 'finding', id: findingId },
        documents: [],
        assuranceId: null,
        recordedBy: 'ana',
      },
    ]);
    expect(await listDocumentResponses(deps.database.db, documentId)).toHaveLength(1);
    expect(await listOrganisationResponses(deps.database.db, 2)).toEqual([]);
    expect(await listRecentResponses(deps.database.db, { limit: 5 })).toHaveLength(1);
  });

  it('ingests the files it came with as documents of the organisation', async () => {
    const deps = register.deps();
    const { findingId } = await confirmedEvidence(deps);
    const path = join(deps.config.dataDir, 'letter.txt');
    await writeFile(path, 'Dear reviewers, our pathway no longer involves police officers.');
    const recorded = await recordResponse(
      deps,
      response(findingId, { attachments: [{ path, fileName: 'letter.txt' }] }),
      'ana',
    );
    expect(recorded.documentIds).toHaveLength(1);
    const [listed] = await listOrganisationResponses(deps.database.db, 1);
    expect(listed?.documents).toEqual([
      {
        id: recorded.documentIds[0],
        title: 'Response from Northmoor Mental Health NHS Trust: letter.txt',
      },
    ]);
  });

  it('records the assurance a response gives, with the response as its source, and the status changes', async () => {
    const deps = register.deps();
    const { findingId } = await confirmedEvidence(deps);
    const before = await statusOf(deps);
    const recorded = await recordResponse(
      deps,
      response(findingId, { assurance: { scope: 'ended', scopeDate: '2026-09-30' } }),
      'ana',
    );
    expect(recorded.assuranceId).toBe(1);
    const [facts] = await loadOrganisationFacts(deps.database.db, 'ZZT1');
    expect(facts?.assurances).toMatchObject([
      {
        id: 1,
        givenOn: '2026-11-02',
        givenBy: 'Pat Doe, Medical Director',
        scope: 'ended',
        scopeDate: '2026-09-30',
      },
    ]);
    const after = await statusOf(deps);
    expect(after.status).not.toBe(before.status);
    expect(after.status).toBe('used_ended');
    expect(after.reasons.map((reason) => reason.text).join('\n')).not.toBe(
      before.reasons.map((reason) => reason.text).join('\n'),
    );
  });

  it('refuses evidence of another organisation, and records nothing', async () => {
    const deps = register.deps();
    await confirmedEvidence(deps);
    const westmoorDocument = await addTextDocument(deps, westmoorPaper, {
      organisationCodes: ['ZZT2'],
    });
    await expect(
      recordResponse(
        deps,
        response(0, { answers: { kind: 'document', id: westmoorDocument } }),
        'ana',
      ),
    ).rejects.toThrow('Cannot find document');
    expect(await listRecentResponses(deps.database.db, { limit: 5 })).toEqual([]);
  });

  it('refuses a finding that is not confirmed evidence', async () => {
    const deps = register.deps();
    await addTextDocument(deps, northmoorPolicy);
    const [pending] = await listFindings(deps.database.db, { organisationCode: 'ZZT1' });
    await expect(recordResponse(deps, response(pending?.id ?? 0), 'ana')).rejects.toThrow(
      /Cannot find confirmed finding \d+ in a document of this organisation/,
    );
  });

  it.each([
    [{ responderName: ' ' }, 'responderName', 'the name of who sent it is missing'],
    [{ responderRole: '' }, 'responderRole', 'their role at the organisation is missing'],
    [{ receivedOn: '2026-13-01' }, 'receivedOn', 'write a date as YYYY-MM-DD'],
    [{ receivedOn: '2027-01-01' }, 'receivedOn', 'it is in the future'],
    [{ text: '' }, 'text', 'the text of the response is missing'],
    [{ answers: { kind: 'tweet', id: 1 } }, 'answers', 'choose one of finding, document'],
    [{ assurance: { scope: 'ended' } }, 'scopeDate', 'without the date it ended'],
  ])('refuses %o, naming the field', async (change, field, message) => {
    const deps = register.deps();
    const { findingId } = await confirmedEvidence(deps);
    await expect(recordResponse(deps, response(findingId, change), 'ana')).rejects.toMatchObject({
      code: 'invalid_input',
      field,
      message: expect.stringContaining(message) as string,
    });
  });

  it('is replayed by the ledger: the response and its assurance verify', async () => {
    const deps = register.deps();
    const { findingId } = await confirmedEvidence(deps);
    await recordResponse(deps, response(findingId, { assurance: { scope: 'never_used' } }), 'ana');
    const key = await loadSigningKey(deps.config.signingKeyPath, { create: true });
    await writeCheckpoint(deps, key);
    expect(await verifyLedger(deps.database.db, key)).toMatchObject({ ok: true });
  });
});
