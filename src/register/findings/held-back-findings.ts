import type { Kysely } from 'kysely';

import type { DatabaseSchema } from '../../store/schema.js';
import { publicSubmissionActor } from '../documents/document.js';

/**
 * Of these findings, the ones whose document the public sent in and no reviewer has accepted yet.
 * Nothing the public sends is public until a reviewer accepts it, so these cannot be confirmed.
 */
export async function findHeldBackFindings(
  db: Kysely<DatabaseSchema>,
  findingIds: readonly number[],
): Promise<number[]> {
  if (findingIds.length === 0) return [];
  const rows = await db
    .selectFrom('findings')
    .innerJoin('documents', 'documents.id', 'findings.document_id')
    .select('findings.id')
    .where('findings.id', 'in', [...findingIds])
    .where('documents.added_by', '=', publicSubmissionActor)
    .where('documents.public', '!=', 1)
    .orderBy('findings.id')
    .execute();
  return rows.map((row) => row.id);
}

/** Why these findings cannot be confirmed yet. */
export function heldBackMessage(findingIds: readonly number[]): string {
  const named =
    findingIds.length === 1 ? `finding ${findingIds[0]}` : `findings ${findingIds.join(', ')}`;
  return `Cannot confirm ${named}: the document was sent in by the public and no reviewer has accepted it yet; accept the submission first (Workspace, Submissions)`;
}
