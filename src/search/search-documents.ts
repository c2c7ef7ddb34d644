import type { RegisterDatabase } from '../store/create-database.js';
import { parseSearchText } from './parse-search-text.js';
import { searchPostgres } from './search-postgres.js';
import { searchSqlite } from './search-sqlite.js';
import type {
  EngineResults,
  SearchQuery,
  SearchResult,
  SearchResults,
  SearchRow,
} from './search-types.js';
import { redactSegments, snippetSegments } from './snippet-segments.js';

/** How many documents one page of results shows. */
export const searchPageSize = 20;

/**
 * Full-text search over the register's document pages, on SQLite (FTS5) or PostgreSQL (full-text
 * search) alike: the text is read into terms by `parseSearchText` (so nothing typed can break
 * the query), each matching document appears once with its best page, most relevant first and
 * then newest. Without `signedIn` only public documents are searched and snippets are redacted.
 */
export async function searchDocuments(
  database: RegisterDatabase,
  query: SearchQuery,
): Promise<SearchResults> {
  const page = Math.max(1, Math.floor(query.page ?? 1));
  const terms = parseSearchText(query.text);
  if (terms.length === 0) return { total: 0, page, pageSize: searchPageSize, results: [] };
  const engine = database.dialect === 'postgres' ? searchPostgres : searchSqlite;
  const run = (limit: number, offset: number): Promise<EngineResults> =>
    engine(database.db, terms, query, { limit, offset });
  const found = await run(searchPageSize, (page - 1) * searchPageSize);
  // Past the last page there are no rows to carry the count: ask for it (rare, people follow links).
  const total = found.rows.length === 0 && page > 1 ? (await run(1, 0)).total : found.total;
  return {
    total,
    page,
    pageSize: searchPageSize,
    results: found.rows.map((row) => toResult(row, query.signedIn === true)),
  };
}

function toResult(row: SearchRow, signedIn: boolean): SearchResult {
  const segments = snippetSegments(row.snippet);
  return {
    documentId: row.documentId,
    title: row.title,
    docType: row.docType,
    documentDate: row.documentDate,
    isPublic: row.public === 1,
    organisations: parseOrganisations(row.organisations),
    pageNumber: row.pageNumber,
    position: row.position,
    ocr: row.ocrEngine === null ? null : { engine: row.ocrEngine, confidence: row.ocrConfidence },
    // Page text of public documents is public, but what a search lifts out of it is an excerpt.
    snippet: signedIn ? segments : redactSegments(segments),
  };
}

function parseOrganisations(json: string): { code: string; name: string }[] {
  const pairs = JSON.parse(json) as [string, string][];
  return pairs
    .map(([code, name]) => ({ code, name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}
