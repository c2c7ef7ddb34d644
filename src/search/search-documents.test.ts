import Database from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createAppDeps, type AppDeps } from '../app/create-app-deps.js';
import { loadConfig } from '../config/load-config.js';
import { buildDemo } from '../demo/build-demo.js';
import { ingestDocument } from '../register/documents/ingest-document.js';
import { loadSigningKey } from '../register/ledger/signing-key-file.js';
import { replayRecord } from '../register/ledger/replay-record.js';
import { verifyLedger } from '../register/ledger/verify-ledger.js';
import { writeCheckpoint } from '../register/ledger/write-checkpoint.js';
import type { Config } from '../config/load-config.js';
import { createDatabase } from '../store/create-database.js';
import { migrationProvider } from '../store/migrations.js';
import { listEvents } from '../store/record-repository.js';
import type { DatabaseSchema } from '../store/schema.js';
import { testDatabases } from '../test-support/register-databases.js';
import { searchDocuments, searchPageSize } from './search-documents.js';
import type { SearchQuery, SearchResult } from './search-types.js';

/** What each engine found for the same searches (the count, then the ids), compared once both have run. */
const foundBy = new Map<string, Map<string, number[]>>();

/** Searches that both engines must answer alike. */
const sharedSearches = [
  'police',
  'policing',
  'Caldicott Guardian',
  '"care coordinator"',
  '"high intensity" panel',
  'response plans',
  'Serenity Integrated Mentoring',
  'officer NOT',
  '"unbalanced phrase',
  'the and of',
];

function text(result: SearchResult): string {
  return result.snippet.map((segment) => segment.text).join('');
}

function highlighted(result: SearchResult): string[] {
  return result.snippet.filter((segment) => segment.highlighted).map((segment) => segment.text);
}

for (const database of testDatabases()) {
  describe(`searchDocuments() on ${database.name}`, () => {
    let deps: AppDeps;
    let cleanUp: () => Promise<void>;
    const search = (query: SearchQuery) => searchDocuments(deps.database, query);
    const ingestText = (body: string, name: string, options: { public?: boolean } = {}) =>
      ingestDocument(deps, {
        bytes: new TextEncoder().encode(body),
        fileName: name,
        organisationCodes: ['DEMO-T01'],
        docType: 'other',
        documentDate: '2026-01-05',
        actor: 'tester',
        ...options,
      });

    beforeAll(async () => {
      const created = await database.create();
      cleanUp = created.cleanUp;
      deps = await createAppDeps(created.config);
      await buildDemo(deps, 'simwatch demo');
    }, 120_000);

    afterAll(async () => {
      await deps.close();
      await cleanUp();
    });

    it('finds a word of a demonstration page, with the word highlighted in the snippet', async () => {
      const found = await search({ text: 'caldicott' });
      expect(found.total).toBe(1);
      const [result] = found.results;
      expect(result).toMatchObject({
        title: 'Information sharing agreement: SIM service (Eastmere)',
        docType: 'agreement',
        documentDate: '2019-09-02',
        pageNumber: 4,
        position: 4,
      });
      expect(result?.organisations.map((each) => each.code).sort()).toEqual([
        'DEMO-P01',
        'DEMO-T01',
      ]);
      expect(highlighted(result as SearchResult)).toEqual(['Caldicott']);
      expect(text(result as SearchResult)).toContain('Caldicott Guardian');
    });

    it('matches other forms of a word (policing finds police)', async () => {
      const found = await search({ text: 'policing' });
      expect(found.total).toBeGreaterThan(5);
      const words = found.results.flatMap(highlighted).map((word) => word.toLowerCase());
      expect(words).toContain('police');
    });

    it('finds a phrase only where its words stand together in order', async () => {
      const phrase = await search({ text: '"Community Protection Notice"' });
      expect(phrase.total).toBe(2);
      for (const result of phrase.results)
        expect(highlighted(result).join(' ')).toMatch(/Community\s+Protection\s+Notice/);
      expect((await search({ text: '"Notice Protection Community"' })).total).toBe(0);
      expect((await search({ text: 'Notice Protection Community' })).total).toBe(2);
      expect((await search({ text: '"protection community"' })).total).toBe(0);
    });

    it('requires every word on the same page', async () => {
      const guardian = await search({ text: 'guardian' });
      const both = await search({ text: 'caldicott guardian' });
      expect(both.total).toBe(1);
      expect(guardian.total).toBeGreaterThanOrEqual(both.total);
      // "Caldicott" and "police" are in the same document but not on the same page.
      expect((await search({ text: 'caldicott police' })).total).toBe(0);
    });

    it('narrows by organisation, type, year and confirmed label', async () => {
      const all = await search({ text: 'police' });
      const byOrganisation = await search({ text: 'police', organisation: 'DEMO-P01' });
      const byType = await search({ text: 'police', type: 'board_paper' });
      const byYear = await search({ text: 'police', year: 2019 });
      const byLabel = await search({ text: 'police', label: 'police_in_care' });
      for (const narrowed of [byOrganisation, byType, byYear, byLabel]) {
        expect(narrowed.total).toBeGreaterThan(0);
        expect(narrowed.total).toBeLessThan(all.total);
      }
      for (const result of byOrganisation.results)
        expect(result.organisations.map((each) => each.code)).toContain('DEMO-P01');
      for (const result of byType.results) expect(result.docType).toBe('board_paper');
      for (const result of byYear.results) expect(result.documentDate).toMatch(/^2019-/);
      const confirmed = await deps.database.db
        .selectFrom('findings')
        .select('document_id')
        .where('label', '=', 'police_in_care')
        .where('status', '=', 'confirmed')
        .execute();
      const withEvidence = new Set(confirmed.map((row) => row.document_id));
      for (const result of byLabel.results) expect(withEvidence.has(result.documentId)).toBe(true);
      const unknown = await search({ text: 'police', organisation: 'NOT-A-CODE' });
      expect(unknown.total).toBe(0);
    });

    it('treats query syntax as plain words and never fails', async () => {
      for (const text of [
        '"unbalanced',
        'AND OR (',
        'NEAR(police officer, 3)',
        'text:police',
        'polic*',
        '^police',
        '-police +officer',
        '"" "',
        '\u0001\u0002',
        "officer's O'Brien",
        ')))(((',
        '*',
      ])
        await expect(search({ text }), text).resolves.toBeDefined();
      expect((await search({ text: 'AND OR (' })).total).toBe(0);
      expect((await search({ text: '"unbalanced' })).total).toBe(0);
      expect((await search({ text: 'text:caldicott' })).total).toBe(0);
      expect((await search({ text: '^caldicott)' })).total).toBe(1);
      expect((await search({ text: '"caldicott' })).total).toBe(1);
    });

    it('returns nothing for a search of only common words', async () => {
      expect(await search({ text: 'the and of' })).toMatchObject({ total: 0, results: [] });
    });

    it('indexes documents added after the search index was made, and keeps private ones private', async () => {
      await ingestText('A note about the wombatfellow protocol.', 'public-note.txt');
      await ingestText('The quokkaminster memo: confidential.', 'private-note.txt', {
        public: false,
      });
      expect((await search({ text: 'wombatfellow' })).total).toBe(1);
      expect((await search({ text: 'quokkaminster' })).total).toBe(0);
      const signedIn = await search({ text: 'quokkaminster', signedIn: true });
      expect(signedIn.total).toBe(1);
      expect(highlighted(signedIn.results[0] as SearchResult)).toEqual(['quokkaminster']);
    });

    it('shows 20 documents a page and counts them all', async () => {
      for (let index = 1; index <= searchPageSize + 2; index += 1)
        await ingestText(`Pangolinade paging test number ${index}.`, `paging-${index}.txt`);
      const first = await search({ text: 'pangolinade' });
      const second = await search({ text: 'pangolinade', page: 2 });
      const beyond = await search({ text: 'pangolinade', page: 9 });
      expect(first.total).toBe(searchPageSize + 2);
      expect(first.results).toHaveLength(searchPageSize);
      expect(second).toMatchObject({ total: searchPageSize + 2, page: 2 });
      expect(second.results).toHaveLength(2);
      expect(beyond).toMatchObject({ total: searchPageSize + 2, results: [] });
      const ids = [...first.results, ...second.results].map((result) => result.documentId);
      expect(new Set(ids).size).toBe(searchPageSize + 2);
    });

    it('redacts personal data in public snippets but keeps the highlights', async () => {
      await ingestText(
        'Referral for Mr John Smith about the marmosetia pathway, phone 020 7946 0991.',
        'referral.txt',
      );
      const [result] = (await search({ text: 'marmosetia' })).results;
      expect(text(result as SearchResult)).toContain('[name removed]');
      expect(text(result as SearchResult)).not.toContain('Smith');
      expect(highlighted(result as SearchResult)).toEqual(['marmosetia']);
      const [internal] = (await search({ text: 'marmosetia', signedIn: true })).results;
      expect(text(internal as SearchResult)).toContain('John Smith');
    });

    it('keeps the record verifiable, and a replayed register searchable', async () => {
      const key = await loadSigningKey(deps.config.signingKeyPath, { create: true });
      await writeCheckpoint(deps, key);
      expect(await verifyLedger(deps.database.db, key)).toMatchObject({ ok: true });
      const replayed = await createDatabase({
        ...loadConfig({}),
        sqlitePath: ':memory:',
        databaseUrl: undefined,
      });
      try {
        await replayRecord(replayed.db, listEvents(deps.database.db));
        const again = await searchDocuments(replayed, { text: 'wombatfellow' });
        expect(again.total).toBe(1);
        expect((await searchDocuments(replayed, { text: 'caldicott' })).total).toBe(1);
      } finally {
        await replayed.db.destroy();
      }
    });

    it('answers the shared searches (compared across engines below)', async () => {
      const found = new Map<string, number[]>();
      for (const text of sharedSearches) {
        const results = await search({ text });
        const ids = results.results.map((result) => result.documentId).sort((a, b) => a - b);
        found.set(text, [results.total, ...ids]);
      }
      foundBy.set(database.name, found);
    });
  });
}

/** Opens a register's database without bringing its schema up to date. */
function openUnmigrated(config: Config): Kysely<DatabaseSchema> {
  return new Kysely<DatabaseSchema>({
    dialect: config.databaseUrl
      ? new PostgresDialect({ pool: new pg.Pool({ connectionString: config.databaseUrl }) })
      : new SqliteDialect({ database: new Database(config.sqlitePath) }),
  });
}

for (const database of testDatabases()) {
  describe(`the search index on ${database.name}`, () => {
    it('takes in pages written before it was made, and follows pages changed or removed later', async () => {
      const { config, cleanUp } = await database.create();
      try {
        const old = openUnmigrated(config);
        const migrated = await new Migrator({ db: old, provider: migrationProvider }).migrateTo(
          '2026-11-26-002-workspace',
        );
        expect(migrated.error).toBeUndefined();
        await old
          .insertInto('documents')
          .values({
            id: 1,
            sha256: 'a'.repeat(64),
            title: 'Older document',
            file_name: null,
            media_type: 'text/plain',
            byte_size: 10,
            page_count: 2,
            doc_type: 'other',
            document_date: '2020-01-01',
            source: null,
            obtained: null,
            added_by: 'tester',
            added_at: '2020-01-01T00:00:00Z',
            catalogue_version: 'x',
            public: 1,
          })
          .execute();
        await old
          .insertInto('document_pages')
          .values([
            { document_id: 1, position: 1, page_number: 1, text: 'The armadillonian first page.' },
            { document_id: 1, position: 2, page_number: 2, text: 'The second page, about tapirs.' },
          ])
          .execute();
        await old.destroy();

        const register = await createDatabase(config);
        try {
          const search = (text: string) => searchDocuments(register, { text });
          expect((await search('armadillonian')).results).toMatchObject([
            { documentId: 1, position: 1, pageNumber: 1 },
          ]);
          expect((await search('tapir')).results).toMatchObject([{ position: 2 }]);
          await register.db
            .updateTable('document_pages')
            .set({ text: 'Now about okapis.' })
            .where('position', '=', 2)
            .execute();
          expect((await search('tapir')).total).toBe(0);
          expect((await search('okapi')).results).toMatchObject([{ position: 2 }]);
          await register.db.deleteFrom('document_pages').where('position', '=', 1).execute();
          expect((await search('armadillonian')).total).toBe(0);
          if (register.dialect === 'sqlite') {
            // FTS5's own consistency check: the index matches the pages exactly.
            await sql`insert into document_pages_search (document_pages_search, rank) values ('integrity-check', 1)`.execute(
              register.db,
            );
          }
        } finally {
          await register.db.destroy();
        }
      } finally {
        await cleanUp();
      }
    });
  });
}

describe('searchDocuments() across engines', () => {
  it('finds the same documents on SQLite and PostgreSQL', () => {
    const sqlite = foundBy.get('sqlite');
    const postgres = foundBy.get('postgres');
    if (!sqlite || !postgres) return;
    for (const text of sharedSearches) expect(postgres.get(text), text).toEqual(sqlite.get(text));
  });
});
