import type { Kysely } from 'kysely';

import type { DatabaseSchema } from '../../store/schema.js';
import type { Decision } from './finding-status.js';

/** The decisions on a finding, in the order they were made. */
export async function listDecisions(
  db: Kysely<DatabaseSchema>,
  findingId: number,
): Promise<Decision[]> {
  const rows = await db
    .selectFrom('decisions')
    .select(['reviewer', 'decision'])
    .where('finding_id', '=', findingId)
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    reviewer: row.reviewer,
    decision: row.decision === 'confirm' ? 'confirm' : 'reject',
  }));
}
