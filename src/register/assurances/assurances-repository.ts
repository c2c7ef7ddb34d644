import type { Kysely } from 'kysely';

import type { DatabaseSchema } from '../../store/schema.js';

type Db = Kysely<DatabaseSchema>;

/** The assurance recorded from a finding, with the organisation that gave it. */
export interface FindingAssurance {
  id: number;
  organisationCode: string;
  organisationName: string;
}

/** The assurance recorded from finding `findingId`, or undefined while there is none. */
export async function findAssuranceOfFinding(
  db: Db,
  findingId: number,
): Promise<FindingAssurance | undefined> {
  const row = await db
    .selectFrom('assurances')
    .innerJoin('organisations', 'organisations.id', 'assurances.organisation_id')
    .select(['assurances.id', 'organisations.code', 'organisations.name'])
    .where('assurances.finding_id', '=', findingId)
    .executeTakeFirst();
  return row && { id: row.id, organisationCode: row.code, organisationName: row.name };
}

/** What decides whether a finding may become an assurance: its status, label and document. */
export async function findFindingForAssurance(
  db: Db,
  findingId: number,
): Promise<{ status: string; label: string; documentId: number } | undefined> {
  const row = await db
    .selectFrom('findings')
    .select(['status', 'label', 'document_id'])
    .where('id', '=', findingId)
    .executeTakeFirst();
  return row && { status: row.status, label: row.label, documentId: row.document_id };
}
