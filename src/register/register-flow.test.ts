import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import yazl from 'yazl';

import { createAppDeps, type AppDeps } from '../app/create-app-deps.js';
import { testDatabases } from '../test-support/register-databases.js';
import { recordAssurance } from './assurances/assurances-service.js';
import { ingestDocument } from './documents/ingest-document.js';
import { decideFinding } from './findings/findings-service.js';
import { listFindings } from './findings/triage-repository.js';
import { loadSigningKey } from './ledger/signing-key-file.js';
import { verifyLedger } from './ledger/verify-ledger.js';
import { writeCheckpoint } from './ledger/write-checkpoint.js';
import { loadOrganisationFacts } from './load-organisation-facts.js';
import { importOrganisations } from './organisations/organisations-service.js';
import { createReview, recordReturn } from './reviews/reviews-service.js';
import { deriveStatus } from './status/derive-status.js';
import { addReviewers } from '../test-support/add-reviewers.js';
import { northmoorTrust } from '../test-support/northmoor-trust.js';

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
  describe(`the register on ${database.name}`, () => {
    let deps: AppDeps;
    let cleanUp: () => Promise<void>;

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
    });

    afterEach(async () => {
      await deps.close();
      await cleanUp();
    });

    it('ingests a document once, screens it and keeps its findings pending', async () => {
      const input = {
        bytes: policy,
        fileName: 'crisis-pathway.txt',
        organisationCodes: ['ZZT1'],
        docType: 'policy',
        documentDate: '2025-06-01',
        actor: 'ana',
      };
      const first = await ingestDocument(deps, input);
      const second = await ingestDocument(deps, input);
      expect(first.duplicate).toBe(false);
      expect(first.findings).toBeGreaterThanOrEqual(2);
      expect(second).toMatchObject({ duplicate: true, documentId: first.documentId });
      const findings = await listFindings(deps.database.db, { organisationCode: 'ZZT1' });
      expect(findings).toHaveLength(first.findings);
      expect(findings.every((finding) => finding.status === 'pending')).toBe(true);
      expect(await deps.blobs.find(first.sha256)).toEqual(Buffer.from(policy));
    });

    it('makes a finding evidence only when two different reviewers confirm it', async () => {
      await ingestDocument(deps, {
        bytes: policy,
        fileName: 'p.txt',
        organisationCodes: ['ZZT1'],
        docType: 'policy',
        documentDate: '2025-06-01',
        actor: 'ana',
      });
      const [finding] = await listFindings(deps.database.db);
      if (!finding) throw new Error('expected a finding');
      await addReviewers(deps, 'ana', 'ben');
      expect(
        await decideFinding(deps, { findingId: finding.id, reviewer: 'ana', decision: 'confirm' }),
      ).toBe('pending');
      await expect(
        decideFinding(deps, { findingId: finding.id, reviewer: 'ana', decision: 'confirm' }),
      ).rejects.toThrow(/already confirmed/);
      expect(
        await decideFinding(deps, { findingId: finding.id, reviewer: 'ben', decision: 'confirm' }),
      ).toBe('confirmed');
      const [facts] = await loadOrganisationFacts(deps.database.db, 'ZZT1');
      expect(facts?.evidence.map((evidence) => evidence.findingId)).toEqual([finding.id]);
    });

    it('flags confirmed evidence dated after an assurance that it had ended', async () => {
      const { documentId } = await ingestDocument(deps, {
        bytes: policy,
        fileName: 'p.txt',
        organisationCodes: ['ZZT1'],
        docType: 'policy',
        documentDate: '2025-06-01',
        actor: 'ana',
      });
      await recordAssurance(
        deps,
        {
          organisationCode: 'ZZT1',
          givenOn: '2024-01-10',
          givenBy: 'Chief Executive',
          scope: 'ended',
          scopeDate: '2023-12-31',
          text: 'The scheme ended in 2023.',
          source: 'FOI 2024/17',
        },
        'ana',
      );
      await addReviewers(deps, 'ana', 'ben');
      for (const finding of await listFindings(deps.database.db)) {
        await decideFinding(deps, { findingId: finding.id, reviewer: 'ana', decision: 'confirm' });
        await decideFinding(deps, { findingId: finding.id, reviewer: 'ben', decision: 'confirm' });
      }
      await createReview(
        deps,
        { name: 'National review 2026', openedOn: '2026-01-05', closesOn: '2026-12-31' },
        'ana',
      );
      await recordReturn(
        deps,
        {
          reviewName: 'National review 2026',
          organisationCode: 'ZZT1',
          responded: true,
          respondedOn: '2026-02-01',
          usedModel: true,
          usedFrom: '2019-01-01',
          usedUntil: '2023-12-31',
        },
        'ana',
      );
      const [facts] = await loadOrganisationFacts(deps.database.db, 'ZZT1');
      if (!facts) throw new Error('expected facts');
      const status = deriveStatus(facts);
      expect(status.status).toBe('contradicted');
      expect(status.contradictions[0]).toMatchObject({ findingId: expect.any(Number) as number });
      expect(documentId).toBeGreaterThan(0);
    });

    it('ingests each member of an archive as a document of its own', async () => {
      const zip = new yazl.ZipFile();
      zip.addBuffer(Buffer.from(policy), 'crisis-pathway.txt');
      zip.addBuffer(
        Buffer.from('Minutes of the finance committee. Nothing to report.'),
        'minutes.txt',
      );
      zip.end();
      const chunks: Buffer[] = [];
      for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
      const result = await ingestDocument(deps, {
        bytes: Buffer.concat(chunks),
        fileName: 'foi-response.zip',
        organisationCodes: ['ZZT1'],
        docType: 'foi_response',
        actor: 'ana',
      });
      expect(result.children.map((child) => [child.name, child.error])).toEqual([
        ['foi-response.zip!/crisis-pathway.txt', null],
        ['foi-response.zip!/minutes.txt', null],
      ]);
      expect(result.children[0]?.result?.findings).toBeGreaterThanOrEqual(2);
      const titles = await deps.database.db
        .selectFrom('documents')
        .select('title')
        .orderBy('id')
        .execute();
      expect(titles.map((row) => row.title)).toEqual([
        'foi response',
        'foi response: crisis-pathway.txt',
        'foi response: minutes.txt',
      ]);
    });

    it('refuses bad input with a clear error and stores nothing', async () => {
      const count = async () =>
        Number(
          (
            await sql<{ n: number }>`select count(*) as n from record_events`.execute(
              deps.database.db,
            )
          ).rows[0]?.n,
        );
      const before = await count();
      await expect(
        ingestDocument(deps, {
          bytes: policy,
          fileName: 'p.txt',
          organisationCodes: ['NOPE'],
          docType: 'policy',
          actor: 'ana',
        }),
      ).rejects.toThrow(/Cannot find organisation "NOPE"/);
      await expect(
        ingestDocument(deps, {
          bytes: policy,
          fileName: 'p.txt',
          organisationCodes: ['ZZT1'],
          docType: 'policy',
          documentDate: '2027-01-01',
          actor: 'ana',
        }),
      ).rejects.toThrow(/in the future/);
      await expect(
        ingestDocument(deps, {
          bytes: policy,
          fileName: 'p.txt',
          organisationCodes: ['ZZT1'],
          docType: 'policy',
          documentDate: '2025-02-30',
          actor: 'ana',
        }),
      ).rejects.toThrow(/YYYY-MM-DD/);
      await expect(
        recordAssurance(
          deps,
          {
            organisationCode: 'ZZT1',
            givenOn: '2024-01-10',
            givenBy: 'CEO',
            scope: 'never_used',
            text: 'We never used SIM.',
          },
          'ana',
        ),
      ).rejects.toThrow(/without a source/);
      expect(await count()).toBe(before);
    });

    it('passes verification, and names the row and event when a state row is altered', async () => {
      await ingestDocument(deps, {
        bytes: policy,
        fileName: 'p.txt',
        organisationCodes: ['ZZT1'],
        docType: 'policy',
        documentDate: '2025-06-01',
        actor: 'ana',
      });
      const key = await loadSigningKey(deps.config.signingKeyPath, { create: true });
      await writeCheckpoint(deps, key);
      expect(await verifyLedger(deps.database.db, key)).toMatchObject({ ok: true, events: 2 });
      await sql`update findings set excerpt = 'nothing to see' where id = 1`.execute(
        deps.database.db,
      );
      expect(await verifyLedger(deps.database.db, key)).toMatchObject({
        ok: false,
        seq: 2,
        problem: expect.stringMatching(/Row 1 of table findings does not match/) as string,
      });
    });

    it('names the event when an event row is altered', async () => {
      await ingestDocument(deps, {
        bytes: policy,
        fileName: 'p.txt',
        organisationCodes: ['ZZT1'],
        docType: 'policy',
        documentDate: '2025-06-01',
        actor: 'ana',
      });
      const key = await loadSigningKey(deps.config.signingKeyPath, { create: true });
      await writeCheckpoint(deps, key);
      await sql`update record_events set actor = 'mallory' where seq = 2`.execute(deps.database.db);
      expect(await verifyLedger(deps.database.db, key)).toMatchObject({ ok: false, seq: 2 });
    });
  });
}
