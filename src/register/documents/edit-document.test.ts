import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createAppDeps, type AppDeps } from '../../app/create-app-deps.js';
import { createDatabase } from '../../store/create-database.js';
import { readAllEvents } from '../../store/record-repository.js';
import { northmoorTrust } from '../../test-support/northmoor-trust.js';
import { testDatabases } from '../../test-support/register-databases.js';
import { recordAssurance } from '../assurances/assurances-service.js';
import { decideFinding } from '../findings/findings-service.js';
import { listFindings } from '../findings/triage-repository.js';
import { dumpState } from '../ledger/dump-state.js';
import { replayRecord } from '../ledger/replay-record.js';
import { loadSigningKey } from '../ledger/signing-key-file.js';
import { verifyLedger } from '../ledger/verify-ledger.js';
import { writeCheckpoint } from '../ledger/write-checkpoint.js';
import { loadOrganisationFacts } from '../load-organisation-facts.js';
import { importOrganisations } from '../organisations/organisations-service.js';
import { deriveStatus } from '../status/derive-status.js';
import { findDocumentDetails, listDocumentEdits } from './documents-repository.js';
import { editDocument } from './edit-document.js';
import { ingestDocument } from './ingest-document.js';
import { addReviewers } from '../../test-support/add-reviewers.js';

const policy = new TextEncoder().encode(
  [
    'Crisis pathway policy',
    '',
    'A specialist police officer joins the community mental health team and works alongside a named care coordinator for each person.',
    '',
    'Frequent callers cost the service over £400,000 a year and their demand must be reduced.',
  ].join('\n'),
);

for (const database of testDatabases()) {
  describe(`correcting a document on ${database.name}`, () => {
    let deps: AppDeps;
    let cleanUp: () => Promise<void>;
    let documentId: number;

    beforeEach(async () => {
      const created = await database.create();
      cleanUp = created.cleanUp;
      deps = await createAppDeps(created.config, { now: () => new Date('2026-11-20T10:00:00Z') });
      await importOrganisations(
        deps,
        [
          northmoorTrust,
          {
            code: 'zz-police',
            name: 'Northmoor Constabulary',
            kind: 'police_force',
            region: 'North',
            formerNames: [],
            sourceUrl: null,
          },
        ],
        'tester',
      );
      ({ documentId } = await ingestDocument(deps, {
        bytes: policy,
        fileName: 'scan-0001.txt',
        organisationCodes: ['ZZT1'],
        docType: 'policy',
        documentDate: '2025-06-01',
        source: 'FOI 2024/17',
        actor: 'ana',
      }));
    });

    afterEach(async () => {
      await deps.close();
      await cleanUp();
    });

    async function eventCount(): Promise<number> {
      const result = await sql<{
        n: number;
      }>`select count(*) as n from record_events`.execute(deps.database.db);
      return Number(result.rows[0]?.n);
    }

    it('corrects every detail as one event with who and why, listed in the history', async () => {
      const edit = await editDocument(
        deps,
        {
          documentId,
          title: 'Crisis pathway policy 2025',
          documentDate: '2024-03-05',
          source: 'https://example.org/crisis.pdf',
          public: false,
          linkOrganisationCodes: ['zz-police'],
          reason: 'The scan was misfiled',
        },
        'ben',
      );
      expect(edit.changes).toEqual({
        title: { from: 'scan 0001', to: 'Crisis pathway policy 2025' },
        documentDate: { from: '2025-06-01', to: '2024-03-05' },
        source: { from: 'FOI 2024/17', to: 'https://example.org/crisis.pdf' },
        public: { from: true, to: false },
      });
      expect(await findDocumentDetails(deps.database.db, documentId)).toMatchObject({
        title: 'Crisis pathway policy 2025',
        documentDate: '2024-03-05',
        source: 'https://example.org/crisis.pdf',
        public: false,
        organisations: [
          { code: 'zz-police', name: 'Northmoor Constabulary' },
          { code: 'ZZT1', name: northmoorTrust.name },
        ],
      });
      await editDocument(
        deps,
        { documentId, documentDate: null, unlinkOrganisationCodes: ['ZZT1'], reason: 'Not theirs' },
        'cy',
      );
      const history = await listDocumentEdits(deps.database.db, documentId);
      expect(history.map(({ editedBy, reason }) => [editedBy, reason])).toEqual([
        ['ben', 'The scan was misfiled'],
        ['cy', 'Not theirs'],
      ]);
      expect(history[1]).toMatchObject({
        changes: { documentDate: { from: '2024-03-05', to: null } },
        linked: [],
        unlinked: [{ code: 'ZZT1', name: northmoorTrust.name }],
      });
      const events = await readAllEvents(deps.database.db);
      expect(events.slice(-2).map((event) => [event.type, event.actor])).toEqual([
        ['document.edited', 'ben'],
        ['document.edited', 'cy'],
      ]);
    });

    it('rebuilds the same tables when the record is replayed, and verifies', async () => {
      await editDocument(
        deps,
        {
          documentId,
          title: 'Renamed',
          public: false,
          linkOrganisationCodes: ['zz-police'],
          reason: 'Wrong details',
        },
        'ben',
      );
      await editDocument(
        deps,
        { documentId, unlinkOrganisationCodes: ['ZZT1'], reason: 'Police only' },
        'ben',
      );
      const scratch = await createDatabase({
        ...deps.config,
        sqlitePath: ':memory:',
        databaseUrl: undefined,
      });
      try {
        await replayRecord(scratch.db, await readAllEvents(deps.database.db));
        expect(await dumpState(scratch.db)).toEqual(await dumpState(deps.database.db));
        expect(await findDocumentDetails(scratch.db, documentId)).toMatchObject({
          title: 'Renamed',
          public: false,
          organisations: [{ code: 'zz-police' }],
        });
      } finally {
        await scratch.db.destroy();
      }
      const key = await loadSigningKey(deps.config.signingKeyPath, { create: true });
      await writeCheckpoint(deps, key);
      expect(await verifyLedger(deps.database.db, key)).toMatchObject({ ok: true });
      await sql`update documents set title = 'scan 0001'`.execute(deps.database.db);
      expect(await verifyLedger(deps.database.db, key)).toMatchObject({ ok: false });
    });

    it('changes the status and its reasons when the evidence is re-dated', async () => {
      await recordAssurance(
        deps,
        {
          organisationCode: 'ZZT1',
          givenOn: '2024-01-10',
          givenBy: 'Chief Executive',
          scope: 'ended',
          scopeDate: '2023-12-31',
          text: 'We stopped using the scheme in 2023.',
          source: 'FOI 2024/17',
        },
        'ana',
      );
      await addReviewers(deps, 'ana', 'ben');
      for (const finding of await listFindings(deps.database.db)) {
        await decideFinding(deps, { findingId: finding.id, reviewer: 'ana', decision: 'confirm' });
        await decideFinding(deps, { findingId: finding.id, reviewer: 'ben', decision: 'confirm' });
      }
      const status = async () => {
        const [facts] = await loadOrganisationFacts(deps.database.db, 'ZZT1');
        if (!facts) throw new Error('expected facts');
        return deriveStatus(facts);
      };
      const dated2025 = await status();
      expect(dated2025.status).toBe('contradicted');
      expect(dated2025.reasons.map((reason) => reason.text).join('\n')).toContain('2025');

      await editDocument(
        deps,
        { documentId, documentDate: '2023-06-01', reason: 'The date on the cover is 2023' },
        'ben',
      );
      const dated2023 = await status();
      expect(dated2023.status).not.toBe('contradicted');
      expect(dated2023.reasons.map((reason) => reason.text).join('\n')).not.toContain('2025');

      await editDocument(
        deps,
        {
          documentId,
          linkOrganisationCodes: ['zz-police'],
          unlinkOrganisationCodes: ['ZZT1'],
          reason: 'A police paper',
        },
        'ben',
      );
      const [trustFacts] = await loadOrganisationFacts(deps.database.db, 'ZZT1');
      expect(trustFacts?.evidence).toEqual([]);
      const [policeFacts] = await loadOrganisationFacts(deps.database.db, 'zz-police');
      expect(policeFacts?.evidence.length).toBeGreaterThan(0);
    });

    it('refuses a bad correction with a clear error and records nothing', async () => {
      const before = await eventCount();
      const attempts: [Parameters<typeof editDocument>[1], RegExp][] = [
        [{ documentId, title: 'Same', reason: ' ' }, /the reason for the correction is missing/],
        [{ documentId: 999, title: 'X', reason: 'why' }, /Cannot find document 999/],
        [{ documentId, documentDate: '2027-01-01', reason: 'why' }, /in the future/],
        [{ documentId, documentDate: '2025-02-30', reason: 'why' }, /YYYY-MM-DD/],
        [{ documentId, title: '   ', reason: 'why' }, /the title is missing/],
        [{ documentId, documentDate: '2025-06-01', reason: 'why' }, /nothing would change/],
        [{ documentId, unlinkOrganisationCodes: ['ZZT1'], reason: 'why' }, /at least one/],
        [{ documentId, unlinkOrganisationCodes: ['zz-police'], reason: 'why' }, /not linked/],
        [{ documentId, linkOrganisationCodes: ['NOPE'], reason: 'why' }, /organisation "NOPE"/],
      ];
      for (const [input, message] of attempts)
        await expect(editDocument(deps, input, 'ben')).rejects.toThrow(message);
      expect(await eventCount()).toBe(before);
      expect(await listDocumentEdits(deps.database.db, documentId)).toEqual([]);
    });
  });
}
