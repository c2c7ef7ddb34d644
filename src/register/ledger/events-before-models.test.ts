import Database from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, sql, SqliteDialect } from 'kysely';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createAppDeps, type AppDeps } from '../../app/create-app-deps.js';
import type { Config } from '../../config/load-config.js';
import { migrations } from '../../store/migrations.js';
import { appendEvent, lockRecord } from '../../store/record-repository.js';
import type { DatabaseSchema } from '../../store/schema.js';
import { testDatabases } from '../../test-support/register-databases.js';
import { ingestDocument } from '../documents/ingest-document.js';
import { listFindings } from '../findings/triage-repository.js';
import { findOrganisationByCode } from '../organisations/organisations-repository.js';
import type { RegisterEvent } from '../register-event.js';
import { loadSigningKey } from './signing-key-file.js';
import { verifyLedger } from './verify-ledger.js';
import { writeCheckpoint } from './write-checkpoint.js';

// Events as simwatch recorded them before the learned model: no stance, model, reasons or pages.
const eventsBeforeModels: RegisterEvent[] = [
  {
    type: 'organisations.imported',
    payload: {
      organisations: [
        {
          id: 1,
          code: 'ZZT1',
          name: 'Northmoor Mental Health NHS Trust',
          kind: 'mental_health_trust',
          region: 'North',
          formerNames: [],
          sourceUrl: null,
        },
      ],
    },
  },
  {
    type: 'document.ingested',
    payload: {
      document: {
        id: 1,
        sha256: 'ab'.repeat(32),
        title: 'Crisis pathway policy',
        fileName: 'policy.pdf',
        mediaType: 'pdf',
        byteSize: 2048,
        pageCount: 2,
        docType: 'policy',
        documentDate: '2025-06-01',
        source: null,
        obtained: null,
        addedBy: 'ana',
        addedAt: '2026-11-20T10:00:00.000Z',
        catalogueVersion: '2026.11.20',
        public: true,
      },
      organisationIds: [1],
      pages: [
        { position: 1, pageNumber: 1, text: 'The Trust has ended police attendance at panels.' },
        { position: 2, pageNumber: 2, text: 'Police officers attend the monthly panel.' },
      ],
      findings: [
        {
          id: 1,
          label: 'police_in_care',
          indicator: 'police-on-care-panel',
          reason: 'Police sit on a care panel.',
          excerpt: 'Police officers attend the monthly panel.',
          pageNumber: 2,
          start: 0,
          end: 41,
          score: 0.8,
        },
        {
          id: 2,
          label: 'assurance',
          indicator: 'practice-ended',
          reason: 'Says the practice ended.',
          excerpt: 'The Trust has ended police attendance at panels.',
          pageNumber: 1,
          start: 0,
          end: 48,
          score: 0.7,
        },
      ],
    },
  },
  {
    type: 'finding.decided',
    payload: {
      decision: {
        id: 1,
        findingId: 1,
        reviewer: 'ana',
        decision: 'confirm',
        reason: null,
        decidedAt: '2026-11-21T09:00:00.000Z',
      },
    },
  },
];

for (const database of testDatabases()) {
  describe(`a register recorded before the learned model, on ${database.name}`, () => {
    let config: Config;
    let cleanUp: () => Promise<void>;
    let deps: AppDeps | undefined;

    beforeEach(async () => {
      const created = await database.create();
      config = created.config;
      cleanUp = created.cleanUp;
      await recordAsBeforeModels(config);
    });

    afterEach(async () => {
      await deps?.close();
      await cleanUp();
    });

    it('still verifies once migrated: its rows get the values replaying its events gives', async () => {
      deps = await createAppDeps(config, { warn: () => undefined });
      const key = await loadSigningKey(config.signingKeyPath, { create: true });
      await writeCheckpoint(deps, key);
      expect(await verifyLedger(deps.database.db, key)).toMatchObject({ ok: true, events: 3 });
      const findings = await listFindings(deps.database.db);
      expect(
        findings.map(({ id, stance, pages, proposedBy, modelVersion, nearest }) => ({
          id,
          stance,
          pages,
          proposedBy,
          modelVersion,
          nearest,
        })),
      ).toEqual([
        {
          id: 1,
          stance: 'practice',
          pages: [2],
          proposedBy: [],
          modelVersion: null,
          nearest: null,
        },
        {
          id: 2,
          stance: 'assurance',
          pages: [1],
          proposedBy: [],
          modelVersion: null,
          nearest: null,
        },
      ]);
      const document = await deps.database.db
        .selectFrom('documents')
        .select('model_version')
        .executeTakeFirstOrThrow();
      expect(document.model_version).toBeNull();
      // Organisations imported before the lifecycle replay with none.
      expect(await findOrganisationByCode(deps.database.db, 'ZZT1')).toMatchObject({
        icbCode: null,
        opened: null,
        closed: null,
        successorCodes: [],
      });
    });

    it('takes new documents screened by the model after the old ones, and still verifies', async () => {
      deps = await createAppDeps(config, { warn: () => undefined });
      const { documentId } = await ingestDocument(deps, {
        bytes: new TextEncoder().encode(
          'A police officer attends the monthly high intensity panel to agree response plans for each person on the caseload.',
        ),
        fileName: 'panel.txt',
        organisationCodes: ['ZZT1'],
        docType: 'policy',
        actor: 'ana',
      });
      const added = (await listFindings(deps.database.db)).filter(
        (finding) => finding.documentId === documentId,
      );
      expect(added.length).toBeGreaterThan(0);
      expect(added.every((finding) => finding.modelVersion === deps?.engine().modelVersion)).toBe(
        true,
      );
      const key = await loadSigningKey(config.signingKeyPath, { create: true });
      await writeCheckpoint(deps, key);
      expect(await verifyLedger(deps.database.db, key)).toMatchObject({ ok: true, events: 4 });
    });
  });
}

/**
 * Builds the register as simwatch did before the learned model: the schema of the migrations
 * before it, the events above, and the rows the register wrote for them then.
 */
async function recordAsBeforeModels(config: Config): Promise<void> {
  const db = openWithoutMigrating(config);
  try {
    const earlier = Object.fromEntries(
      Object.entries(migrations).filter(([name]) => name < '2026-12-07'),
    );
    const { error } = await new Migrator({
      db,
      provider: { getMigrations: () => Promise.resolve(earlier) },
    }).migrateToLatest();
    if (error) throw error instanceof Error ? error : new Error('the migration failed');
    await db.transaction().execute(async (trx) => {
      await lockRecord(trx, config.databaseUrl ? 'postgres' : 'sqlite');
      for (const event of eventsBeforeModels)
        await appendEvent(trx, {
          time: '2026-11-20T10:00:00.000Z',
          actor: 'ana',
          type: event.type,
          payload: event.payload,
        });
      await sql`insert into organisations (id, code, name, kind, region, former_names, source_url, created_seq)
        values (1, 'ZZT1', 'Northmoor Mental Health NHS Trust', 'mental_health_trust', 'North', '[]', null, 1)`.execute(
        trx,
      );
      await sql`insert into documents (id, sha256, title, file_name, media_type, byte_size, page_count,
          doc_type, document_date, source, obtained, added_by, added_at, catalogue_version, public)
        values (1, ${'ab'.repeat(32)}, 'Crisis pathway policy', 'policy.pdf', 'pdf', 2048, 2, 'policy',
          '2025-06-01', null, null, 'ana', '2026-11-20T10:00:00.000Z', '2026.11.20', 1)`.execute(
        trx,
      );
      await sql`insert into document_organisations (document_id, organisation_id) values (1, 1)`.execute(
        trx,
      );
      await sql`insert into document_pages (document_id, position, page_number, text) values
        (1, 1, 1, 'The Trust has ended police attendance at panels.'),
        (1, 2, 2, 'Police officers attend the monthly panel.')`.execute(trx);
      await sql`insert into findings (id, document_id, label, indicator, reason, excerpt, page_number,
          start_offset, end_offset, score, status) values
        (1, 1, 'police_in_care', 'police-on-care-panel', 'Police sit on a care panel.',
          'Police officers attend the monthly panel.', 2, 0, 41, 0.8, 'pending'),
        (2, 1, 'assurance', 'practice-ended', 'Says the practice ended.',
          'The Trust has ended police attendance at panels.', 1, 0, 48, 0.7, 'pending')`.execute(
        trx,
      );
      await sql`insert into decisions (id, finding_id, reviewer, decision, reason, decided_at)
        values (1, 1, 'ana', 'confirm', null, '2026-11-21T09:00:00.000Z')`.execute(trx);
    });
  } finally {
    await db.destroy();
  }
}

function openWithoutMigrating(config: Config): Kysely<DatabaseSchema> {
  if (config.databaseUrl)
    return new Kysely({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: config.databaseUrl }) }),
    });
  return new Kysely({ dialect: new SqliteDialect({ database: new Database(config.sqlitePath) }) });
}
