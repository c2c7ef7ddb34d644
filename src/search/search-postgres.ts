import { sql, type Kysely, type RawBuilder } from 'kysely';

import type { DatabaseSchema } from '../store/schema.js';
import { documentFilters } from './document-filters.js';
import type { SearchTerms } from './parse-search-text.js';
import type { EngineResults, SearchQuery, SearchRow } from './search-types.js';
import { highlightEnd, highlightStart } from './snippet-segments.js';

/** ts_headline's options: one fragment of about the length of the SQLite snippet. */
const headlineOptions =
  `StartSel="${highlightStart}", StopSel="${highlightEnd}", ` +
  'MaxFragments=1, MaxWords=28, MinWords=12, ShortWord=3';

/**
 * Searches page text with PostgreSQL's full-text search, in one statement: pages match through
 * the GIN index on `to_tsvector('english', text)` (migration 2026-11-26-003-search), are ranked
 * by ts_rank, each document keeps its best page, the filters narrow the documents, and only the
 * page of results asked for gets headlines and organisations.
 */
export async function searchPostgres(
  db: Kysely<DatabaseSchema>,
  terms: SearchTerms,
  query: SearchQuery,
  paging: { limit: number; offset: number },
): Promise<EngineResults> {
  const tsquery = toTsquery(terms);
  // The expression must be written exactly as the index's, with the configuration as a literal.
  const vector = sql`to_tsvector('english', p.text)`;
  const result = await sql<SearchRow & { total: string; cutBefore: boolean; cutAfter: boolean }>`
    with best as (
      select distinct on (p.document_id) p.document_id, p.position, p.page_number,
        ts_rank(${vector}, ${tsquery}) as score
      from document_pages p
      join documents d on d.id = p.document_id
      where ${vector} @@ ${tsquery} and ${documentFilters(query)}
      order by p.document_id, score desc, p.position
    ),
    chosen as (
      select b.*, d.title, d.doc_type, d.document_date, d.public, count(*) over () as total
      from best b join documents d on d.id = b.document_id
      order by b.score desc, d.document_date desc nulls last, d.id desc
      limit ${paging.limit} offset ${paging.offset}
    )
    select c.document_id as "documentId", c.position, c.page_number as "pageNumber",
      p.ocr_engine as "ocrEngine", p.ocr_confidence as "ocrConfidence",
      c.title, c.doc_type as "docType", c.document_date as "documentDate", c.public, c.total,
      h.snippet,
      -- Whether the headline starts or stops short of the page's text (blank space aside).
      h.at = 0 or left(p.text, h.at - 1) !~ '^\\s*$' as "cutBefore",
      h.at = 0 or substr(p.text, h.at + length(h.plain)) !~ '^\\s*$' as "cutAfter",
      (select coalesce(json_agg(json_build_array(o.code, o.name)), '[]')::text
        from document_organisations dor join organisations o on o.id = dor.organisation_id
        where dor.document_id = c.document_id) as organisations
    from chosen c
    join document_pages p on p.document_id = c.document_id and p.position = c.position
    cross join lateral (
      select ts_headline('english', p.text, ${tsquery}, ${headlineOptions}) as snippet
    ) hl
    cross join lateral (
      select hl.snippet, plain.text as plain, strpos(p.text, plain.text) as at
      from (select replace(replace(hl.snippet, ${highlightStart}, ''), ${highlightEnd}, '') as text) plain
    ) h
    order by c.score desc, c.document_date desc nulls last, c.document_id desc
  `.execute(db);
  return {
    total: Number(result.rows[0]?.total ?? 0),
    rows: result.rows.map((row) => ({
      documentId: row.documentId,
      position: row.position,
      pageNumber: row.pageNumber,
      ocrEngine: row.ocrEngine,
      ocrConfidence: row.ocrConfidence,
      title: row.title,
      docType: row.docType,
      documentDate: row.documentDate,
      public: row.public,
      // ts_headline does not mark where it cut the text; FTS5's snippet shows "…". Do the same.
      snippet: `${row.cutBefore ? '…' : ''}${row.snippet}${row.cutAfter ? '…' : ''}`,
      organisations: row.organisations,
    })),
  };
}

/**
 * The terms as a tsquery: each a phrase (phraseto_tsquery never rejects its text), all joined
 * with AND, matching what the SQLite search asks FTS5 for.
 */
function toTsquery(terms: SearchTerms): RawBuilder<unknown> {
  return sql`(${sql.join(
    terms.map((words) => sql`phraseto_tsquery('english', ${words.join(' ')})`),
    sql` && `,
  )})`;
}
