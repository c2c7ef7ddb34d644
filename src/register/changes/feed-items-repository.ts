import type { Kysely, Selectable } from 'kysely';

import { features, type Feature } from '../status/register-facts.js';
import type { AssurancesTable, DatabaseSchema } from '../../store/schema.js';
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

/** What the feed is narrowed to: one organisation's evidence and assurances, or everything. */
export interface FeedFilter {
  /** Only evidence in documents filed under this organisation, and its own assurances. */
  organisationCode?: string;
}

/**
 * The newest confirmed evidence and assurances, newest first, at most `limit` of them. Evidence
 * is dated by its confirming decision and assurances by their event in the record, so an old
 * assurance recorded today is news today. Five queries, whatever the register's size.
 */
export async function listFeedItems(
  db: Kysely<DatabaseSchema>,
  limit: number,
  filter: FeedFilter = {},
): Promise<FeedItem[]> {
  const [evidence, assurances] = await Promise.all([
    listNewEvidence(db, limit, filter),
    filter.organisationCode === undefined
      ? listNewAssurances(db, limit)
      : listOrganisationAssurances(db, limit, filter.organisationCode),
  ]);
  return [...evidence, ...assurances]
    .sort((a, b) => (a.time === b.time ? 0 : a.time < b.time ? 1 : -1))
    .slice(0, limit);
}

async function listNewEvidence(
  db: Kysely<DatabaseSchema>,
  limit: number,
  filter: FeedFilter,
): Promise<FeedEvidence[]> {
  let query = db
    .selectFrom('decisions')
    .innerJoin('findings', 'findings.id', 'decisions.finding_id')
    .select([
      'decisions.finding_id',
      'decisions.reviewer',
      'decisions.decision',
      'decisions.decided_at',
    ])
    .where('findings.status', '=', 'confirmed')
    .where('findings.label', 'in', [...features]);
  const code = filter.organisationCode;
  if (code !== undefined)
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('document_organisations')
          .innerJoin('organisations', 'organisations.id', 'document_organisations.organisation_id')
          .select('document_organisations.document_id')
          .whereRef('document_organisations.document_id', '=', 'findings.document_id')
          .where('organisations.code', '=', code),
      ),
    );
  const decisions = await query.orderBy('decisions.id').execute();
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
  return rows.map((row) => toFeedAssurance(row, recorded.get(row.id) ?? ''));
}

/**
 * One organisation's newest assurances. Its assurances are found first; the record's assurance
 * events are then read in full (each is one short assurance) to date them, since an event's
 * payload cannot be filtered by organisation in SQL the same way on both databases.
 */
async function listOrganisationAssurances(
  db: Kysely<DatabaseSchema>,
  limit: number,
  code: string,
): Promise<FeedAssurance[]> {
  if (limit <= 0) return [];
  const rows = await db
    .selectFrom('assurances')
    .innerJoin('organisations', 'organisations.id', 'assurances.organisation_id')
    .selectAll('assurances')
    .select(['organisations.code', 'organisations.name'])
    .where('organisations.code', '=', code)
    .orderBy('assurances.id', 'desc')
    .limit(limit)
    .execute();
  if (rows.length === 0) return [];
  const wanted = new Set(rows.map((row) => row.id));
  const events = await db
    .selectFrom('record_events')
    .select(['time', 'payload'])
    .where('type', '=', 'assurance.recorded')
    .execute();
  const recorded = new Map<number, string>();
  for (const event of events) {
    const id = (JSON.parse(event.payload) as { assurance: { id: number } }).assurance.id;
    if (wanted.has(id)) recorded.set(id, event.time);
  }
  return rows.map((row) => toFeedAssurance(row, recorded.get(row.id) ?? ''));
}

function toFeedAssurance(
  row: Selectable<AssurancesTable> & { code: string; name: string },
  time: string,
): FeedAssurance {
  return {
    kind: 'assurance' as const,
    time,
    assuranceId: row.id,
    givenOn: row.given_on,
    givenBy: row.given_by,
    scope: row.scope,
    scopeDate: row.scope_date,
    feature: features.find((each) => each === row.feature) ?? null,
    text: row.text,
    organisation: { code: row.code, name: row.name },
  };
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
