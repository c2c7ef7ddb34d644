import type { Kysely } from 'kysely';

import { features, type Feature } from '../status/register-facts.js';
import type { DatabaseSchema } from '../../store/schema.js';
import { timesOf } from '../findings/public-findings-repository.js';
import { listDocumentOwners } from '../documents/documents-repository.js';

/** An organisation as a feed entry names it. */
export interface FeedOrganisation {
  code: string;
  name: string;
}

/** A finding that became evidence when its second reviewer confirmed it. */
export interface FeedEvidence {
  kind: 'evidence';
  /** When it was confirmed (ISO 8601). */
  time: string;
  findingId: number;
  feature: Feature;
  /** Not yet redacted: the feed entry redacts it. */
  excerpt: string;
  page: number | null;
  documentId: number;
  documentTitle: string;
  documentDate: string | null;
  organisations: FeedOrganisation[];
}

/** An assurance, at the time it was recorded in the register. */
export interface FeedAssurance {
  kind: 'assurance';
  time: string;
  assuranceId: number;
  givenOn: string;
  givenBy: string;
  scope: string;
  scopeDate: string | null;
  feature: Feature | null;
  /** Not yet redacted: the feed entry redacts it. */
  text: string;
  organisation: FeedOrganisation;
}

/** Something new in the register that the feed announces. */
export type FeedItem = FeedEvidence | FeedAssurance;

/**
 * The newest confirmed evidence and assurances, newest first, at most `limit` of them. Evidence
 * is dated by its confirming decision and assurances by their event in the record, so an old
 * assurance recorded today is news today. Five queries, whatever the register's size.
 */
export async function listFeedItems(
  db: Kysely<DatabaseSchema>,
  limit: number,
): Promise<FeedItem[]> {
  const [evidence, assurances] = await Promise.all([
    listNewEvidence(db, limit),
    listNewAssurances(db, limit),
  ]);
  return [...evidence, ...assurances]
    .sort((a, b) => (a.time === b.time ? 0 : a.time < b.time ? 1 : -1))
    .slice(0, limit);
}

async function listNewEvidence(db: Kysely<DatabaseSchema>, limit: number): Promise<FeedEvidence[]> {
  const decisions = await db
    .selectFrom('decisions')
    .innerJoin('findings', 'findings.id', 'decisions.finding_id')
    .select([
      'decisions.finding_id',
      'decisions.reviewer',
      'decisions.decision',
      'decisions.decided_at',
    ])
    .where('findings.status', '=', 'confirmed')
    .where('findings.label', 'in', [...features])
    .orderBy('decisions.id')
    .execute();
  const newest = [...timesOf(decisions)]
    .flatMap(([id, time]) => (time === null ? [] : [{ id, time }]))
    .sort((a, b) => (a.time === b.time ? b.id - a.id : a.time < b.time ? 1 : -1))
    .slice(0, limit);
  if (newest.length === 0) return [];
  const rows = await db
    .selectFrom('findings')
    .innerJoin('documents', 'documents.id', 'findings.document_id')
    .select([
      'findings.id',
      'findings.label',
      'findings.excerpt',
      'findings.page_number',
      'findings.document_id',
      'documents.title',
      'documents.document_date',
    ])
    .where(
      'findings.id',
      'in',
      newest.map((each) => each.id),
    )
    .execute();
  const owners = await listDocumentOwners(
    db,
    rows.map((row) => row.document_id),
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  return newest.flatMap(({ id, time }) => {
    const row = byId.get(id);
    const feature = features.find((each) => each === row?.label);
    if (!row || !feature) return [];
    return [
      {
        kind: 'evidence' as const,
        time,
        findingId: id,
        feature,
        excerpt: row.excerpt,
        page: row.page_number,
        documentId: row.document_id,
        documentTitle: row.title,
        documentDate: row.document_date,
        organisations: owners
          .filter((owner) => owner.document_id === row.document_id)
          .map(({ code, name }) => ({ code, name })),
      },
    ];
  });
}

async function listNewAssurances(
  db: Kysely<DatabaseSchema>,
  limit: number,
): Promise<FeedAssurance[]> {
  const events = await db
    .selectFrom('record_events')
    .select(['time', 'payload'])
    .where('type', '=', 'assurance.recorded')
    .orderBy('seq', 'desc')
    .limit(limit)
    .execute();
  const recorded = new Map(
    events.map((event) => {
      const payload = JSON.parse(event.payload) as { assurance: { id: number } };
      return [payload.assurance.id, event.time];
    }),
  );
  if (recorded.size === 0) return [];
  const rows = await db
    .selectFrom('assurances')
    .innerJoin('organisations', 'organisations.id', 'assurances.organisation_id')
    .selectAll('assurances')
    .select(['organisations.code', 'organisations.name'])
    .where('assurances.id', 'in', [...recorded.keys()])
    .execute();
  return rows.map((row) => ({
    kind: 'assurance' as const,
    time: recorded.get(row.id) ?? '',
    assuranceId: row.id,
    givenOn: row.given_on,
    givenBy: row.given_by,
    scope: row.scope,
    scopeDate: row.scope_date,
    feature: features.find((each) => each === row.feature) ?? null,
    text: row.text,
    organisation: { code: row.code, name: row.name },
  }));
}

/** What identifies this register for good: the hash of its first event (empty when it has none). */
export async function registerIdentity(db: Kysely<DatabaseSchema>): Promise<string> {
  const first = await db
    .selectFrom('record_events')
    .select('hash')
    .where('seq', '=', 1)
    .executeTakeFirst();
  return first?.hash ?? '';
}
