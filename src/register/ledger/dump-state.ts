import type { Kysely } from 'kysely';

import { canonicalJson } from '../../record/canonical-json.js';
import { stateTables, type DatabaseSchema, type StateTable } from '../../store/schema.js';

/** The key columns of each state table, in the order rows are compared. */
const keyColumns: Record<StateTable, readonly string[]> = {
  organisations: ['id'],
  organisation_links: ['id'],
  documents: ['id'],
  document_organisations: ['document_id', 'organisation_id'],
  document_pages: ['document_id', 'position'],
  findings: ['id'],
  decisions: ['id'],
  assurances: ['id'],
  reviews: ['id'],
  review_returns: ['id'],
  screening_models: ['id'],
  users: ['username'],
  responses: ['id'],
  response_documents: ['response_id', 'document_id'],
  agreements: ['id'],
  agreement_parties: ['id'],
  agreement_members: ['party_id', 'username'],
  agreement_terms: ['agreement_id', 'version'],
  agreement_documents: ['id'],
  agreement_document_versions: ['document_id', 'number'],
  agreement_comments: ['id'],
  agreement_meetings: ['id'],
  agreement_actions: ['id'],
  agreement_consents: ['id'],
  agreement_publications: ['id'],
  agreement_access: ['id'],
  foi_contacts: ['organisation_id'],
  foi_batches: ['id'],
  foi_requests: ['id'],
  foi_clarifications: ['id'],
  foi_replies: ['id'],
  foi_state_changes: ['id'],
};

/** Columns the record does not hold, so a replay cannot rebuild them: they are not compared. */
const unrecordedColumns: Partial<Record<StateTable, readonly string[]>> = {
  users: ['password_hash'],
};

/** One row of a state table: its key (as `a/b`) and its values as canonical JSON. */
export interface DumpedRow {
  key: string;
  values: string;
}

/**
 * Every row of every state table, ordered by key, with values written the same way whichever
 * database they came from, so that two registers can be compared row by row.
 */
export async function dumpState(db: Kysely<DatabaseSchema>): Promise<Map<StateTable, DumpedRow[]>> {
  const dump = new Map<StateTable, DumpedRow[]>();
  for (const table of stateTables) {
    const keys = keyColumns[table];
    // The table name comes from the fixed list above, never from input.
    let query = db.selectFrom(table).selectAll();
    for (const column of keys) query = query.orderBy(column as never);
    const rows = (await query.execute()) as Record<string, unknown>[];
    const unrecorded = unrecordedColumns[table] ?? [];
    dump.set(
      table,
      rows.map((row) => ({
        key: keys.map((column) => String(row[column])).join('/'),
        values: canonicalJson(normalise(row, unrecorded)),
      })),
    );
  }
  return dump;
}

function normalise(
  row: Record<string, unknown>,
  unrecorded: readonly string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row)) {
    if (unrecorded.includes(column)) continue;
    out[column] =
      typeof value === 'bigint'
        ? Number(value)
        : typeof value === 'string' && /^-?\d+$/.test(value) && column.endsWith('id')
          ? Number(value)
          : value;
  }
  return out;
}

/** The first difference between two dumps, or undefined when they are the same. */
export function firstDifference(
  actual: Map<StateTable, DumpedRow[]>,
  expected: Map<StateTable, DumpedRow[]>,
): { table: StateTable; key: string; kind: 'altered' | 'missing' | 'extra' } | undefined {
  for (const table of stateTables) {
    const have = new Map((actual.get(table) ?? []).map((row) => [row.key, row.values]));
    const want = expected.get(table) ?? [];
    for (const row of want) {
      const values = have.get(row.key);
      if (values === undefined) return { table, key: row.key, kind: 'missing' };
      if (values !== row.values) return { table, key: row.key, kind: 'altered' };
      have.delete(row.key);
    }
    const extra = have.keys().next();
    if (!extra.done) return { table, key: extra.value, kind: 'extra' };
  }
  return undefined;
}
