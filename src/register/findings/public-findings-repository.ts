import type { Kysely } from 'kysely';

import { redactExcerpt } from '../../redaction/redact-excerpt.js';
import type { Label } from '../../screening/finding.js';
import type { DatabaseSchema } from '../../store/schema.js';
import { confirmedAt, type TimedDecision } from './confirmed-at.js';
import { belongsToOrganisation } from '../documents/belongs-to-organisation.js';
import { listDocumentOwners } from '../documents/documents-repository.js';

/** A confirmed finding as published: its excerpt redacted, reviewers' names left out. */
export interface ApiFinding {
  id: number;
  label: Label;
  indicator: string;
  reason: string;
  excerpt: string;
  itemsRedacted: number;
  page: number | null;
  confirmedAt: string | null;
}

/** A confirmed finding in a list, with its document and organisations. */
export interface ApiListedFinding extends ApiFinding {
  status: 'confirmed';
  documentId: number;
  documentTitle: string;
  documentDate: string | null;
  organisations: string[];
}

/** A page of confirmed findings. */
export interface ApiFindingList {
  total: number;
  limit: number;
  offset: number;
  findings: ApiListedFinding[];
}

/** Confirmed findings, oldest first, a page at a time, optionally of one organisation. */
export async function listPublicFindings(
  db: Kysely<DatabaseSchema>,
  options: { organisationCode?: string; limit: number; offset: number },
): Promise<ApiFindingList> {
  let matching = db.selectFrom('findings').where('findings.status', '=', 'confirmed');
  const code = options.organisationCode;
  if (code !== undefined)
    matching = matching.where(belongsToOrganisation('findings.document_id', code));
  const [count, rows] = await Promise.all([
    matching.select((eb) => eb.fn.countAll<number | string>().as('total')).executeTakeFirst(),
    matching
      .innerJoin('documents', 'documents.id', 'findings.document_id')
      .selectAll('findings')
      .select(['documents.title', 'documents.document_date'])
      .orderBy('findings.id')
      .limit(options.limit)
      .offset(options.offset)
      .execute(),
  ]);
  const documentIds = [...new Set(rows.map((row) => row.document_id))];
  const [times, owners] = await Promise.all([
    confirmationTimes(
      db,
      rows.map((row) => row.id),
    ),
    listDocumentOwners(db, documentIds, 'code'),
  ]);
  return {
    total: Number(count?.total ?? 0),
    limit: options.limit,
    offset: options.offset,
    findings: rows.map((row) => ({
      ...publicFindingOf(row, times.get(row.id) ?? null),
      status: 'confirmed',
      documentId: row.document_id,
      documentTitle: row.title,
      documentDate: row.document_date,
      organisations: owners
        .filter((owner) => owner.document_id === row.document_id)
        .map((owner) => owner.code),
    })),
  };
}

/** A finding row as published: the excerpt redacted, with when it was confirmed. */
export function publicFindingOf(
  row: {
    id: number;
    label: string;
    indicator: string;
    reason: string;
    excerpt: string;
    page_number: number | null;
  },
  confirmed: string | null,
): ApiFinding {
  const redacted = redactExcerpt(row.excerpt);
  return {
    id: row.id,
    label: row.label as Label,
    indicator: row.indicator,
    reason: row.reason,
    excerpt: redacted.text,
    itemsRedacted: redacted.redacted.length,
    page: row.page_number,
    confirmedAt: confirmed,
  };
}

/** When each of these findings became evidence (see `confirmedAt`), in one query. */
export async function confirmationTimes(
  db: Kysely<DatabaseSchema>,
  findingIds: readonly number[],
): Promise<Map<number, string | null>> {
  if (findingIds.length === 0) return new Map();
  const decisions = await db
    .selectFrom('decisions')
    .select(['finding_id', 'reviewer', 'decision', 'decided_at'])
    .where('finding_id', 'in', [...findingIds])
    .orderBy('id')
    .execute();
  return timesOf(decisions);
}

/** Groups decision rows (in order) by finding and finds when each became evidence. */
export function timesOf(
  decisions: readonly {
    finding_id: number;
    reviewer: string;
    decision: string;
    decided_at: string;
  }[],
): Map<number, string | null> {
  const byFinding = new Map<number, TimedDecision[]>();
  for (const row of decisions) {
    const list = byFinding.get(row.finding_id) ?? [];
    list.push({
      reviewer: row.reviewer,
      decision: row.decision === 'confirm' ? 'confirm' : 'reject',
      decidedAt: row.decided_at,
    });
    byFinding.set(row.finding_id, list);
  }
  return new Map([...byFinding].map(([id, list]) => [id, confirmedAt(list)]));
}
