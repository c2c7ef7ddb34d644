import type { Kysely } from 'kysely';

import type { DatabaseSchema } from '../../store/schema.js';

/** A finding that reviewers have settled: its id and how they decided. */
export interface ReviewedFindingKey {
  id: number;
  status: 'confirmed' | 'rejected';
}

/**
 * The findings of one label that two reviewers confirmed or rejected, by id, without their
 * text: few bytes each, so a page can compare a finding with every reviewed one and read the
 * passages it has not seen before (`listPassagesByIds`) only once.
 */
export async function listReviewedFindingKeys(
  db: Kysely<DatabaseSchema>,
  label: string,
): Promise<ReviewedFindingKey[]> {
  const rows = await db
    .selectFrom('findings')
    .select(['id', 'status'])
    .where('label', '=', label)
    .where('status', 'in', ['confirmed', 'rejected'])
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    status: row.status === 'confirmed' ? 'confirmed' : 'rejected',
  }));
}
