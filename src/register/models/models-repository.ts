import type { Kysely } from 'kysely';

import { evidenceLabels, isEvidenceLabel } from '../../screening/finding.js';
import type { DatabaseSchema } from '../../store/schema.js';
import type { ModelActivation } from './model-activation.js';
import { activationOfRow } from './model-row.js';
import type { FindingPassage } from './reviewed-examples.js';

/** The register's active screening model (the latest activated), or undefined when none was. */
export async function findActiveModel(
  db: Kysely<DatabaseSchema>,
): Promise<ModelActivation | undefined> {
  const row = await db
    .selectFrom('screening_models')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? activationOfRow(row) : undefined;
}

/** Every model the register has activated, the first first. */
export async function listModelActivations(db: Kysely<DatabaseSchema>): Promise<ModelActivation[]> {
  const rows = await db.selectFrom('screening_models').selectAll().orderBy('id').execute();
  return rows.map(activationOfRow);
}

/** Findings of the evidence labels that two reviewers confirmed or rejected, by id. */
export async function listReviewedPassages(db: Kysely<DatabaseSchema>): Promise<FindingPassage[]> {
  const rows = await selectPassages(db).where('status', 'in', ['confirmed', 'rejected']).execute();
  return rows.flatMap(passageOf);
}

/** Findings of the evidence labels with these ids, whatever their status now, by id. */
export async function listPassagesByIds(
  db: Kysely<DatabaseSchema>,
  ids: readonly number[],
): Promise<FindingPassage[]> {
  const passages: FindingPassage[] = [];
  // In slices, well under the number of parameters either database takes in one statement.
  for (let start = 0; start < ids.length; start += 500) {
    const rows = await selectPassages(db)
      .where('id', 'in', ids.slice(start, start + 500))
      .execute();
    passages.push(...rows.flatMap(passageOf));
  }
  return passages.sort((a, b) => a.id - b.id);
}

function selectPassages(db: Kysely<DatabaseSchema>) {
  return db
    .selectFrom('findings')
    .select(['id', 'document_id', 'label', 'excerpt', 'status'])
    .where('label', 'in', [...evidenceLabels])
    .orderBy('id');
}

function passageOf(row: {
  id: number;
  document_id: number;
  label: string;
  excerpt: string;
  status: string;
}): FindingPassage[] {
  if (!isEvidenceLabel(row.label)) return [];
  return [
    {
      id: row.id,
      documentId: row.document_id,
      label: row.label,
      excerpt: row.excerpt,
      status: row.status,
    },
  ];
}
