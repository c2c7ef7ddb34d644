import { sql, type RawBuilder } from 'kysely';

import type { SearchQuery } from './search-types.js';

/**
 * The filters of a search as one SQL condition on the documents table (aliased `d`), written in
 * SQL that SQLite and PostgreSQL read alike. Each filter uses an index: the organisation through
 * document_organisations' key, the label through findings by document.
 */
export function documentFilters(query: SearchQuery): RawBuilder<unknown> {
  const conditions: RawBuilder<unknown>[] = [sql`1 = 1`];
  if (!query.signedIn) conditions.push(sql`d.public = 1`);
  if (query.organisation !== undefined)
    conditions.push(sql`exists (
      select 1 from document_organisations dor
      join organisations o on o.id = dor.organisation_id
      where dor.document_id = d.id and o.code = ${query.organisation})`);
  // Only confirmed findings are evidence: a label no one has confirmed says nothing yet.
  if (query.label !== undefined)
    conditions.push(sql`exists (
      select 1 from findings f
      where f.document_id = d.id and f.label = ${query.label} and f.status = 'confirmed')`);
  if (query.type !== undefined) conditions.push(sql`d.doc_type = ${query.type}`);
  if (query.year !== undefined)
    conditions.push(
      sql`d.document_date >= ${startOf(query.year)} and d.document_date < ${startOf(query.year + 1)}`,
    );
  return sql.join(conditions, sql` and `);
}

// Dates are ISO text, so a year is a range of text: quick on an index, the same on both engines.
function startOf(year: number): string {
  return `${String(year).padStart(4, '0')}-01-01`;
}
