import type { Kysely, Selectable } from 'kysely';

import { findingStatuses, type FindingStatus } from './finding-status.js';
import type { DatabaseSchema, FindingsTable } from '../../store/schema.js';
import type { FindingSummary } from './finding-summary.js';
import { findingScreeningOf } from './finding-screening.js';
import { belongsToOrganisation } from '../documents/belongs-to-organisation.js';
import { listDocumentOwners } from '../documents/documents-repository.js';

/** Which findings the triage queue shows. */
export interface TriageFilter {
  statuses: readonly FindingStatus[];
  organisationCode?: string | undefined;
  label?: string | undefined;
  documentId?: number | undefined;
  /** Only findings assigned to this reviewer. */
  assignedTo?: string | undefined;
}

/** Who a finding is assigned to, by whom and when. */
export interface FindingAssignment {
  assignee: string;
  assignedBy: string;
  assignedAt: string;
}

/** A finding with all a reviewer needs to judge it: its document, its page text and decisions. */
export interface TriageFinding extends Omit<FindingSummary, 'organisations' | 'decisions'> {
  start: number;
  end: number;
  organisations: { code: string; name: string }[];
  decisions: {
    reviewer: string;
    decision: 'confirm' | 'reject';
    reason: string | null;
    decidedAt: string;
  }[];
  /** The text of the finding's page, or undefined if the page is missing. */
  pageText: string | undefined;
  /** The version of the catalogue its document was screened with. */
  catalogueVersion: string;
  /** The words that matched, as offsets in the page text; empty for findings recorded before. */
  highlights: { start: number; end: number }[];
  assignment: FindingAssignment | null;
}

type Db = Kysely<DatabaseSchema>;

/**
 * One page of the triage queue, document by document (oldest first) and within each in the order
 * screening found them (page, then place on the page), and how many findings match in all. Five
 * queries however many findings the page shows.
 */
export async function listTriageFindings(
  db: Db,
  filter: TriageFilter,
  page: { offset: number; limit: number },
): Promise<{ total: number; findings: TriageFinding[] }> {
  if (filter.statuses.length === 0) return { total: 0, findings: [] };
  const counted = await filtered(db, filter)
    .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
    .executeTakeFirst();
  const total = Number(counted?.n ?? 0);
  const rows = await filtered(db, filter)
    .selectAll('findings')
    .select([
      'documents.title',
      'documents.document_date',
      'documents.catalogue_version',
      'page.ocr_engine',
      'page.ocr_confidence',
    ])
    .orderBy('findings.document_id')
    .orderBy('findings.id')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  return { total, findings: await withDetails(db, rows) };
}

/**
 * Findings in the order they were proposed, optionally of one status and one organisation, as the
 * CLI and the demo list them: the triage read without page texts, organisations by code.
 */
export async function listFindings(
  db: Db,
  options: { status?: FindingStatus; organisationCode?: string; limit?: number } = {},
): Promise<FindingSummary[]> {
  let query = filtered(db, {
    statuses: options.status ? [options.status] : findingStatuses,
    organisationCode: options.organisationCode,
  })
    .selectAll('findings')
    .select([
      'documents.title',
      'documents.document_date',
      'documents.catalogue_version',
      'page.ocr_engine',
      'page.ocr_confidence',
    ])
    .orderBy('findings.id');
  if (options.limit !== undefined) query = query.limit(options.limit);
  const findings = await withDetails(db, await query.execute(), { pageTexts: false });
  return findings.map((finding) => ({
    ...finding,
    organisations: finding.organisations.map((owner) => owner.code).sort(),
  }));
}

/** One finding with its details, or undefined. */
export async function findTriageFinding(db: Db, id: number): Promise<TriageFinding | undefined> {
  const rows = await db
    .selectFrom('findings')
    .innerJoin('documents', 'documents.id', 'findings.document_id')
    .leftJoin('document_pages as page', (join) =>
      join
        .onRef('page.document_id', '=', 'findings.document_id')
        .onRef('page.page_number', '=', 'findings.page_number'),
    )
    .selectAll('findings')
    .select([
      'documents.title',
      'documents.document_date',
      'documents.catalogue_version',
      'page.ocr_engine',
      'page.ocr_confidence',
    ])
    .where('findings.id', '=', id)
    .execute();
  return (await withDetails(db, rows))[0];
}

/** The findings just before and after one in the queue of the given statuses (by id). */
export async function findNeighbours(
  db: Db,
  id: number,
  statuses: readonly FindingStatus[],
): Promise<{ previousId: number | undefined; nextId: number | undefined }> {
  const [previous, next] = await Promise.all([
    db
      .selectFrom('findings')
      .select('id')
      .where('status', 'in', statuses)
      .where('id', '<', id)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst(),
    db
      .selectFrom('findings')
      .select('id')
      .where('status', 'in', statuses)
      .where('id', '>', id)
      .orderBy('id')
      .limit(1)
      .executeTakeFirst(),
  ]);
  return { previousId: previous?.id, nextId: next?.id };
}

/**
 * The next finding waiting for a reviewer's decision after `afterId` (going round to the start):
 * pending or in discussion, and not one they have already decided.
 */
export async function findNextFindingFor(
  db: Db,
  reviewer: string,
  afterId: number,
): Promise<number | undefined> {
  const waiting = (from: number) =>
    db
      .selectFrom('findings')
      .select('findings.id')
      .where('findings.status', 'in', ['pending', 'in_discussion'])
      .where('findings.id', '>', from)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('decisions')
              .select('decisions.id')
              .whereRef('decisions.finding_id', '=', 'findings.id')
              .where('decisions.reviewer', '=', reviewer),
          ),
        ),
      )
      .orderBy('findings.id')
      .limit(1)
      .executeTakeFirst();
  const row = (await waiting(afterId)) ?? (await waiting(0));
  return row?.id;
}

/** How many findings have each review status. */
export async function countFindingsByStatus(db: Db): Promise<Record<FindingStatus, number>> {
  const rows = await db
    .selectFrom('findings')
    .select((eb) => ['status', eb.fn.countAll<number | string | bigint>().as('n')])
    .groupBy('status')
    .execute();
  const counts: Record<FindingStatus, number> = {
    pending: 0,
    in_discussion: 0,
    confirmed: 0,
    rejected: 0,
  };
  for (const row of rows)
    if (row.status in counts) counts[row.status as FindingStatus] = Number(row.n);
  return counts;
}

function filtered(db: Db, filter: TriageFilter) {
  let query = db
    .selectFrom('findings')
    .innerJoin('documents', 'documents.id', 'findings.document_id')
    // At most one page: a document's page numbers are unique, and null (unpaged) joins none.
    .leftJoin('document_pages as page', (join) =>
      join
        .onRef('page.document_id', '=', 'findings.document_id')
        .onRef('page.page_number', '=', 'findings.page_number'),
    )
    .where('findings.status', 'in', filter.statuses);
  if (filter.label !== undefined) query = query.where('findings.label', '=', filter.label);
  if (filter.documentId !== undefined)
    query = query.where('findings.document_id', '=', filter.documentId);
  if (filter.assignedTo !== undefined)
    query = query.where('findings.assigned_to', '=', filter.assignedTo);
  const code = filter.organisationCode;
  if (code !== undefined) query = query.where(belongsToOrganisation('findings.document_id', code));
  return query;
}

/** A finding's row with the columns of its document the triage read adds. */
type FindingRow = Selectable<FindingsTable> & {
  title: string;
  document_date: string | null;
  catalogue_version: string;
  ocr_engine: string | null;
  ocr_confidence: number | null;
};

/**
 * Adds decisions, organisations and (unless told not to, for long lists) page texts to findings:
 * three queries for any number.
 */
async function withDetails(
  db: Db,
  rows: readonly FindingRow[],
  options: { pageTexts: boolean } = { pageTexts: true },
): Promise<TriageFinding[]> {
  if (rows.length === 0) return [];
  const findingIds = rows.map((row) => row.id);
  const documentIds = [...new Set(rows.map((row) => row.document_id))];
  const [decisions, owners, pages] = await Promise.all([
    db
      .selectFrom('decisions')
      .selectAll()
      .where('finding_id', 'in', findingIds)
      .orderBy('id')
      .execute(),
    listDocumentOwners(db, documentIds),
    options.pageTexts ? pagesOf(db, rows) : [],
  ]);
  return rows.map((row) => ({
    id: row.id,
    status: row.status as FindingStatus,
    label: row.label,
    indicator: row.indicator,
    reason: row.reason,
    excerpt: row.excerpt,
    page: row.page_number,
    ocr:
      row.ocr_engine === null ? null : { engine: row.ocr_engine, confidence: row.ocr_confidence },
    start: row.start_offset,
    end: row.end_offset,
    score: row.score,
    ...findingScreeningOf(row),
    documentId: row.document_id,
    documentTitle: row.title,
    documentDate: row.document_date,
    organisations: owners
      .filter((owner) => owner.document_id === row.document_id)
      .map((owner) => ({ code: owner.code, name: owner.name })),
    decisions: decisions
      .filter((decision) => decision.finding_id === row.id)
      .map((decision) => ({
        reviewer: decision.reviewer,
        decision: decision.decision === 'confirm' ? 'confirm' : 'reject',
        reason: decision.reason,
        decidedAt: decision.decided_at,
      })),
    pageText: pages.find(
      (page) => page.document_id === row.document_id && page.page_number === row.page_number,
    )?.text,
    catalogueVersion: row.catalogue_version,
    highlights: JSON.parse(row.highlights) as { start: number; end: number }[],
    assignment:
      row.assigned_to === null
        ? null
        : {
            assignee: row.assigned_to,
            assignedBy: row.assigned_by ?? '',
            assignedAt: row.assigned_at ?? '',
          },
  }));
}

function uniquePages(rows: readonly FindingRow[]) {
  const seen = new Map<string, { documentId: number; page: number | null }>();
  for (const row of rows)
    seen.set(`${row.document_id}/${row.page_number ?? ''}`, {
      documentId: row.document_id,
      page: row.page_number,
    });
  return [...seen.values()];
}

/** The texts of the pages the findings are on: one query. */
function pagesOf(db: Db, rows: readonly FindingRow[]) {
  return db
    .selectFrom('document_pages')
    .select(['document_id', 'page_number', 'text'])
    .where((eb) =>
      eb.or(
        uniquePages(rows).map(({ documentId, page }) =>
          eb.and([
            eb('document_id', '=', documentId),
            page === null ? eb('page_number', 'is', null) : eb('page_number', '=', page),
          ]),
        ),
      ),
    )
    .orderBy('position')
    .execute();
}
