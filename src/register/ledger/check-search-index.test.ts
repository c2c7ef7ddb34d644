import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';

import type { SigningKey } from '../../record/checkpoint.js';
import { loadSigningKey } from './signing-key-file.js';
import { verifyLedger } from './verify-ledger.js';
import { writeCheckpoint } from './write-checkpoint.js';
import {
  addTextDocument,
  northmoorPolicy,
  useTestRegister,
  westmoorPaper,
} from '../test-support/test-register.js';
import type { DatabaseSchema } from '../../store/schema.js';
import { testDatabases } from '../../test-support/register-databases.js';
import { checkSearchIndex, rebuildSearchIndex } from './check-search-index.js';
import { searchDocuments } from '../../search/search-documents.js';

/** A page's key in SQLite's FTS5 index (migration 2026-11-26-003-search). */
const pageKey = (documentId: number, position: number) => documentId * 16_777_216 + position;

/** Writes into SQLite's FTS5 index directly, as someone with the database file could. */
async function indexText(db: Kysely<DatabaseSchema>, key: number, text: string): Promise<void> {
  await sql`insert into document_pages_search (rowid, text) values (${key}, ${text})`.execute(db);
}

/** Removes a page's entries from SQLite's FTS5 index, given the text they were made from. */
async function unindexText(db: Kysely<DatabaseSchema>, key: number, text: string): Promise<void> {
  await sql`insert into document_pages_search (document_pages_search, rowid, text)
    values ('delete', ${key}, ${text})`.execute(db);
}

/** The problem a failed check names; an empty string when it passed. */
function problemOf(verdict: { ok: true } | { ok: false; problem: string }): string {
  return verdict.ok ? '' : verdict.problem;
}

for (const database of testDatabases()) {
  describe(`checkSearchIndex() on ${database.name}`, () => {
    const register = useTestRegister(database);
    const db = () => register.deps().database.db;
    let key: SigningKey;

    async function fileTwoDocuments() {
      const deps = register.deps();
      const first = await addTextDocument(deps, northmoorPolicy);
      const second = await addTextDocument(deps, westmoorPaper, { organisationCodes: ['ZZT2'] });
      key = await loadSigningKey(deps.config.signingKeyPath, { create: true });
      await writeCheckpoint(deps, key);
      return { first, second };
    }

    it('passes the index simwatch wrote, and ledger verify passes with it', async () => {
      await fileTwoDocuments();
      expect(await checkSearchIndex(db())).toEqual({ ok: true });
      expect(await verifyLedger(db(), key)).toMatchObject({ ok: true });
    });

    if (database.name === 'sqlite') {
      it('names a page whose index entries were edited to other words', async () => {
        const { second } = await fileTwoDocuments();
        await unindexText(db(), pageKey(second, 1), westmoorPaper);
        await indexText(db(), pageKey(second, 1), 'Nothing about frequent callers here');
        // The edit is what a search sees: the page no longer comes up for its own words.
        expect((await searchDocuments(register.deps().database, { text: 'demand' })).total).toBe(1);
        const check = await checkSearchIndex(db());
        expect(check).toMatchObject({
          ok: false,
          pages: [{ documentId: second, position: 1, kind: 'altered' }],
        });
        expect(problemOf(check)).toContain(
          `page 1 of document ${second} is indexed with other words than its text`,
        );
      });

      it('names a page indexed under a document the register does not hold', async () => {
        await fileTwoDocuments();
        await indexText(db(), pageKey(99, 3), 'A forged page about police officers');
        expect(await checkSearchIndex(db())).toMatchObject({
          ok: false,
          pages: [{ documentId: 99, position: 3, kind: 'extra' }],
        });
      });

      it('names a page deleted from the index, and ledger verify fails on it', async () => {
        const { first } = await fileTwoDocuments();
        await unindexText(db(), pageKey(first, 1), northmoorPolicy);
        expect(await checkSearchIndex(db())).toMatchObject({
          ok: false,
          pages: [{ documentId: first, position: 1, kind: 'missing' }],
        });
        expect(problemOf(await verifyLedger(db(), key))).toMatch(
          new RegExp(
            `^The search index does not match the documents: page 1 of document ${first} is missing`,
          ),
        );
      });

      it('rebuilds an edited index from the pages', async () => {
        const { first, second } = await fileTwoDocuments();
        await unindexText(db(), pageKey(first, 1), northmoorPolicy);
        await indexText(db(), pageKey(second, 1), 'extra words');
        expect((await checkSearchIndex(db())).ok).toBe(false);
        await rebuildSearchIndex(db());
        expect(await checkSearchIndex(db())).toEqual({ ok: true });
        expect((await searchDocuments(register.deps().database, { text: 'demand' })).total).toBe(2);
      });
    }

    if (database.name === 'postgres') {
      it('reports a dropped index, and ledger verify fails on it', async () => {
        await fileTwoDocuments();
        await sql`drop index document_pages_search`.execute(db());
        expect(await checkSearchIndex(db())).toMatchObject({
          ok: false,
          pages: [{ documentId: null, position: null, kind: 'missing' }],
        });
        expect(problemOf(await verifyLedger(db(), key))).toContain(
          'the index document_pages_search is missing',
        );
      });

      it('reports an index made otherwise than the search queries it, and rebuilds it', async () => {
        await fileTwoDocuments();
        await sql`drop index document_pages_search`.execute(db());
        await sql`create index document_pages_search on document_pages
          using gin (to_tsvector('simple', text))`.execute(db());
        expect(await checkSearchIndex(db())).toMatchObject({
          ok: false,
          pages: [{ documentId: null, position: null, kind: 'altered' }],
        });
        await rebuildSearchIndex(db());
        expect(await checkSearchIndex(db())).toEqual({ ok: true });
      });
    }
  });
}
