import { sql, type Kysely } from 'kysely';

import type { DatabaseSchema } from '../store/schema.js';
import { documentFilters } from './document-filters.js';
import { fts5MatchExpression } from './fts5-match-expression.js';
import type { SearchTerms } from './parse-search-text.js';
import type { EngineResults, SearchQuery, SearchRow } from './search-types.js';

/** How many words of context FTS5's snippet() gives around the matched words. */
const snippetTokens = 28;

/**
 * Searches page text with SQLite's FTS5 index (see migration 2026-11-26-003-search), in one
 * statement: every matching page is ranked by bm25, each document keeps its best page, the
 * filters narrow the documents, and only the page of results asked for gets snippets and
 * organisations.
 */
export async function searchSqlite(
  db: Kysely<DatabaseSchema>,
  terms: SearchTerms,
  query: SearchQuery,
  paging: { limit: number; offset: number },
): Promise<EngineResults> {
  const match = fts5MatchExpression(terms);
  const result = await sql<SearchRow & { total: number }>`
    -- Materialized: bm25() may only run in the query that scans the index.
    with hits as materialized (
      select p.document_id, p.position, p.page_number, document_pages_fts.rowid as page_row,
        bm25(document_pages_fts) as score
      from document_pages_fts
      join document_pages p on p.rowid = document_pages_fts.rowid
      join documents d on d.id = p.document_id
      where document_pages_fts match ${match} and ${documentFilters(query)}
    ),
    -- SQLite takes the bare columns from the row holding the minimum: each document's best page.
    best as (
      select document_id, position, page_number, page_row, min(score) as score
      from hits group by document_id
    ),
    chosen as (
      select b.*, d.title, d.doc_type, d.document_date, count(*) over () as total
      from best b join documents d on d.id = b.document_id
      order by b.score, d.document_date desc nulls last, d.id desc
      limit ${paging.limit} offset ${paging.offset}
    )
    select c.document_id as "documentId", c.position, c.page_number as "pageNumber",
      c.title, c.doc_type as "docType", c.document_date as "documentDate", c.total,
      snippet(document_pages_fts, 0, char(1), char(2), '…', ${sql.lit(snippetTokens)}) as snippet,
      (select json_group_array(json_array(o.code, o.name))
        from document_organisations dor join organisations o on o.id = dor.organisation_id
        where dor.document_id = c.document_id) as organisations
    from chosen c
    join document_pages_fts on document_pages_fts.rowid = c.page_row
    where document_pages_fts match ${match}
    order by c.score, c.document_date desc nulls last, c.document_id desc
  `.execute(db);
  const rows = result.rows;
  return { total: rows[0]?.total ?? 0, rows };
}
