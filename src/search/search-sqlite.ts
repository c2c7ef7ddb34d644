import { sql, type Kysely } from 'kysely';

import type { DatabaseSchema } from '../store/schema.js';
import { documentFilters } from './document-filters.js';
import { fts5MatchExpression } from './fts5-match-expression.js';
import type { SearchTerms } from './parse-search-text.js';
import type { EngineResults, SearchQuery, SearchRow } from './search-types.js';

/** How many words of context FTS5's snippet() gives around the matched words. */
const snippetTokens = 28;

/**
 * Searches page text with SQLite's FTS5 index (migration 2026-11-26-003-search), in one
 * statement: every matching page is ranked by bm25 (the `rank` column), each document keeps its
 * best page, the filters narrow the documents, and only the page of results asked for gets
 * snippets, page numbers and organisations. A match's key is `document_id * 2^24 + position`, so
 * grouping by document needs no read of the pages themselves: that keeps a search of a common
 * word over thousands of documents within tens of milliseconds.
 */
export async function searchSqlite(
  db: Kysely<DatabaseSchema>,
  terms: SearchTerms,
  query: SearchQuery,
  paging: { limit: number; offset: number },
): Promise<EngineResults> {
  const match = fts5MatchExpression(terms);
  const result = await sql<SearchRow & { total: number }>`
    with hits as (
      select rowid as search_key, rank as score
      from document_pages_search where document_pages_search match ${match}
    ),
    -- SQLite takes the bare column from the row holding the minimum: each document's best page.
    best as (
      select search_key, min(score) as score from hits group by search_key >> 24
    ),
    chosen as (
      select b.search_key, b.score, d.id, d.title, d.doc_type, d.document_date, d.public,
        count(*) over () as total
      from best b join documents d on d.id = b.search_key >> 24
      where ${documentFilters(query)}
      order by b.score, d.document_date desc nulls last, d.id desc
      limit ${paging.limit} offset ${paging.offset}
    )
    select c.id as "documentId", p.position, p.page_number as "pageNumber",
      p.ocr_engine as "ocrEngine", p.ocr_confidence as "ocrConfidence",
      c.title, c.doc_type as "docType", c.document_date as "documentDate", c.public, c.total,
      snippet(document_pages_search, 0, char(1), char(2), '…', ${sql.lit(snippetTokens)}) as snippet,
      (select json_group_array(json_array(o.code, o.name))
        from document_organisations dor join organisations o on o.id = dor.organisation_id
        where dor.document_id = c.id) as organisations
    from chosen c
    join document_pages p on p.document_id = c.id and p.position = c.search_key & 16777215
    join document_pages_search on document_pages_search.rowid = c.search_key
    where document_pages_search match ${match}
    order by c.score, c.document_date desc nulls last, c.id desc
  `.execute(db);
  const rows = result.rows;
  return { total: rows[0]?.total ?? 0, rows };
}
