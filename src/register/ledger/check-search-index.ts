import { sql, SqliteAdapter, type Kysely } from 'kysely';

import type { DatabaseSchema } from '../../store/schema.js';

/** A page whose entries in the search index are not what its text gives. */
export interface SearchIndexProblem {
  /** The page's document and position in it; both null when the whole index is wrong (PostgreSQL). */
  documentId: number | null;
  position: number | null;
  /** `extra`: indexed but no such page; `missing`: a page not indexed; `altered`: indexed otherwise. */
  kind: 'extra' | 'missing' | 'altered';
}

/** What checking the search index found. */
export type SearchIndexCheck =
  { ok: true } | { ok: false; problem: string; pages: SearchIndexProblem[] };

/** The key of a page in SQLite's index: document id * 2^24 + position (migration 003-search). */
const pageKeyFactor = 16_777_216;

/**
 * Checks that the search index holds what the documents' pages give, and nothing else. SQLite
 * keeps its FTS5 index in tables anyone with the file can write, so the index is rebuilt from the
 * pages into a scratch table and the two are compared token by token (term, column, offset): a
 * page added, removed or re-indexed with other words is named. PostgreSQL's GIN index is written
 * by PostgreSQL alone (no SQL statement edits its entries), so there it is checked to exist, be
 * valid and be defined as the search queries it. A pure comparison: it changes nothing.
 */
export async function checkSearchIndex(db: Kysely<DatabaseSchema>): Promise<SearchIndexCheck> {
  const pages = isSqlite(db) ? await compareSqliteIndex(db) : await checkPostgresIndex(db);
  if (pages.length === 0) return { ok: true };
  return { ok: false, problem: describeSearchIndexProblems(pages), pages };
}

/**
 * Rebuilds the search index from the documents' pages: FTS5's `rebuild` on SQLite, the GIN index
 * dropped and created again (as migration 2026-11-26-003-search made it) on PostgreSQL.
 */
export async function rebuildSearchIndex(db: Kysely<DatabaseSchema>): Promise<void> {
  if (isSqlite(db)) {
    await sql`insert into document_pages_search (document_pages_search) values ('rebuild')`.execute(
      db,
    );
    return;
  }
  await db.transaction().execute(async (trx) => {
    await sql`drop index if exists document_pages_search`.execute(trx);
    await sql`create index document_pages_search on document_pages using gin (to_tsvector('english', text))`.execute(
      trx,
    );
  });
}

/** One sentence naming the pages (the first few) whose index entries are wrong, and the remedy. */
export function describeSearchIndexProblems(problems: readonly SearchIndexProblem[]): string {
  const shown = problems.slice(0, 5).map(describeProblem);
  const more = problems.length > shown.length ? ` and ${problems.length - shown.length} more` : '';
  return (
    `The search index does not match the documents: ${shown.join('; ')}${more}. ` +
    'Rebuild it with "simwatch ledger reindex"'
  );
}

function describeProblem(problem: SearchIndexProblem): string {
  if (problem.documentId === null || problem.position === null)
    return problem.kind === 'missing'
      ? 'the index document_pages_search is missing (dropped outside simwatch)'
      : 'the index document_pages_search is not valid or not defined as the search needs (altered outside simwatch)';
  return `page ${problem.position} of document ${problem.documentId} ${problemWords[problem.kind]}`;
}

const problemWords: Record<SearchIndexProblem['kind'], string> = {
  extra: 'is indexed but not in the register (added outside simwatch)',
  missing: 'is missing from the index (deleted outside simwatch)',
  altered: 'is indexed with other words than its text (altered outside simwatch)',
};

function isSqlite(db: Kysely<DatabaseSchema>): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}

/** Every page key whose index entries differ from what its text gives, with how they differ. */
async function compareSqliteIndex(db: Kysely<DatabaseSchema>): Promise<SearchIndexProblem[]> {
  return db.connection().execute(async (connection) => {
    await dropScratchTables(connection);
    try {
      // The same tokenizer as the index (migration 003-search); contentless: only the index.
      await sql`create virtual table temp.simwatch_expected_search using fts5(text, content = '',
        tokenize = 'porter unicode61 remove_diacritics 2')`.execute(connection);
      await sql`insert into temp.simwatch_expected_search (rowid, text)
        select search_key, text from document_pages_search_content`.execute(connection);
      await sql`create virtual table temp.simwatch_index_held
        using fts5vocab(main, document_pages_search, instance)`.execute(connection);
      await sql`create virtual table temp.simwatch_index_expected
        using fts5vocab(temp, simwatch_expected_search, instance)`.execute(connection);
      const { rows } = await sql<{ doc: number; added: number; lost: number; expected: number }>`
        with held as (select doc, term, col, "offset" from temp.simwatch_index_held),
        expected as (select doc, term, col, "offset" from temp.simwatch_index_expected),
        differences as (
          select doc, 1 as added, 0 as lost
            from (select * from held except select * from expected)
          union all
          select doc, 0, 1 from (select * from expected except select * from held)
        ),
        pages as (select doc, sum(added) as added, sum(lost) as lost from differences group by doc)
        select pages.doc, pages.added, pages.lost,
          (select count(*) from expected where expected.doc = pages.doc) as expected
        from pages order by pages.doc
      `.execute(connection);
      return rows.map((row) => ({
        documentId: Math.floor(row.doc / pageKeyFactor),
        position: row.doc % pageKeyFactor,
        kind:
          row.expected === 0
            ? ('extra' as const)
            : row.added === 0 && row.lost === row.expected
              ? ('missing' as const)
              : ('altered' as const),
      }));
    } finally {
      await dropScratchTables(connection);
    }
  });
}

async function dropScratchTables(db: Kysely<DatabaseSchema>): Promise<void> {
  await sql`drop table if exists temp.simwatch_index_held`.execute(db);
  await sql`drop table if exists temp.simwatch_index_expected`.execute(db);
  await sql`drop table if exists temp.simwatch_expected_search`.execute(db);
}

/** The GIN index the search needs: present, valid and on `to_tsvector('english', text)`. */
async function checkPostgresIndex(db: Kysely<DatabaseSchema>): Promise<SearchIndexProblem[]> {
  const { rows } = await sql<{ definition: string; valid: boolean; ready: boolean }>`
    select pg_get_indexdef(i.indexrelid) as definition, i.indisvalid as valid, i.indisready as ready
    from pg_index i
    join pg_class c on c.oid = i.indexrelid
    join pg_namespace n on n.oid = c.relnamespace
    where c.relname = 'document_pages_search' and n.nspname = current_schema()
  `.execute(db);
  const [index] = rows;
  const whole = (kind: SearchIndexProblem['kind']) => [{ documentId: null, position: null, kind }];
  if (!index) return whole('missing');
  const expected = /USING gin \(to_tsvector\('english'::regconfig, text\)\)$/;
  if (!index.valid || !index.ready || !expected.test(index.definition)) return whole('altered');
  return [];
}
