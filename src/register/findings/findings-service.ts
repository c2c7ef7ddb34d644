import type { Kysely } from 'kysely';

import { SimwatchError } from '../../errors.js';
import type { DatabaseSchema } from '../../store/schema.js';
import { nextId, recordChange } from '../record-change.js';
import type { RegisterDeps } from '../register-deps.js';
import { checkText } from '../validate-input.js';
import { findingScreeningOf, type FindingScreening } from './finding-screening.js';
import { decisionRefusal, findingStatus, type FindingStatus } from './finding-status.js';
import { getReviewer } from './get-reviewer.js';
import { listDecisions } from './list-decisions.js';
import { belongsToOrganisation } from '../documents/belongs-to-organisation.js';
import { listDocumentOwners } from '../documents/documents-repository.js';

/** A finding as reviewers see it, with its document, organisations and what screening said. */
export interface FindingSummary extends FindingScreening {
  id: number;
  status: FindingStatus;
  label: string;
  indicator: string;
  reason: string;
  excerpt: string;
  page: number | null;
  /** For a model's finding, its calibrated probability; for an assurance, the rules' strength. */
  score: number;
  documentId: number;
  documentTitle: string;
  documentDate: string | null;
  organisations: string[];
  decisions: { reviewer: string; decision: string; reason: string | null; decidedAt: string }[];
}

/** Findings, newest document first, optionally of one status and one organisation. */
export async function listFindings(
  db: Kysely<DatabaseSchema>,
  options: { status?: FindingStatus; organisationCode?: string; limit?: number } = {},
): Promise<FindingSummary[]> {
  let query = db
    .selectFrom('findings')
    .innerJoin('documents', 'documents.id', 'findings.document_id')
    .select([
      'findings.id',
      'findings.status',
      'findings.label',
      'findings.indicator',
      'findings.reason',
      'findings.excerpt',
      'findings.page_number',
      'findings.score',
      'findings.pages',
      'findings.stance',
      'findings.proposed_by',
      'findings.explanation',
      'findings.against',
      'findings.nearest',
      'findings.model_version',
      'documents.id as document_id',
      'documents.title',
      'documents.document_date',
    ])
    .orderBy('findings.id');
  if (options.status) query = query.where('findings.status', '=', options.status);
  if (options.organisationCode) {
    const code = options.organisationCode;
    query = query.where(belongsToOrganisation('documents.id', code));
  }
  if (options.limit !== undefined) query = query.limit(options.limit);
  const rows = await query.execute();
  if (rows.length === 0) return [];
  const findingIds = rows.map((row) => row.id);
  const documentIds = [...new Set(rows.map((row) => row.document_id))];
  const decisions = await db
    .selectFrom('decisions')
    .selectAll()
    .where('finding_id', 'in', findingIds)
    .orderBy('id')
    .execute();
  const owners = await listDocumentOwners(db, documentIds, 'code');
  return rows.map((row) => ({
    id: row.id,
    status: row.status as FindingStatus,
    label: row.label,
    indicator: row.indicator,
    reason: row.reason,
    excerpt: row.excerpt,
    page: row.page_number === null ? null : row.page_number,
    score: row.score,
    ...findingScreeningOf(row),
    documentId: row.document_id,
    documentTitle: row.title,
    documentDate: row.document_date,
    organisations: owners
      .filter((owner) => owner.document_id === row.document_id)
      .map((owner) => owner.code),
    decisions: decisions
      .filter((decision) => decision.finding_id === row.id)
      .map((decision) => ({
        reviewer: decision.reviewer,
        decision: decision.decision,
        reason: decision.reason,
        decidedAt: decision.decided_at,
      })),
  }));
}

/**
 * Records a reviewer's decision on a finding. The reviewer must be an enabled account allowed to
 * review (see `getReviewer`); the decision is recorded under its user name. A rejection needs a
 * reason; the same reviewer cannot confirm (or reject) twice in a row. Returns the finding's
 * status afterwards.
 */
export async function decideFinding(
  deps: RegisterDeps,
  input: {
    findingId: number;
    reviewer: string;
    decision: 'confirm' | 'reject';
    reason?: string | null;
  },
): Promise<FindingStatus> {
  const named = checkText(input.reviewer, 'the reviewer', 'reviewer');
  const reason =
    input.decision === 'reject'
      ? checkText(input.reason, 'the reason for rejecting it', 'reason')
      : input.reason?.trim() || null;
  const reviewer = await getReviewer(deps.database.db, named);
  return recordChange(deps, reviewer, async (trx, time) => {
    // Checked again under the record's lock: the account may have changed in the meantime.
    await getReviewer(trx, reviewer);
    const finding = await trx
      .selectFrom('findings')
      .select('id')
      .where('id', '=', input.findingId)
      .executeTakeFirst();
    if (!finding)
      throw new SimwatchError('not_found', `Cannot find finding ${input.findingId}`, {
        field: 'findingId',
      });
    const earlier = await listDecisions(trx, input.findingId);
    const next = { reviewer, decision: input.decision };
    const refusal = decisionRefusal(earlier, next);
    if (refusal)
      throw new SimwatchError(
        'conflict',
        `Cannot record this decision on finding ${input.findingId}: ${refusal}`,
      );
    const id = await nextId(trx, 'decisions');
    return {
      events: [
        {
          type: 'finding.decided',
          payload: {
            decision: {
              id,
              findingId: input.findingId,
              reviewer,
              decision: input.decision,
              reason,
              decidedAt: time,
            },
          },
        },
      ],
      result: findingStatus([...earlier, next]),
    };
  });
}
