import { sql, type RawBuilder } from 'kysely';

import { findingStatus } from '../../register/findings/finding-status.js';
import type { RegisterDatabase } from '../../store/create-database.js';
import { describeLabel } from './label-names.js';

/** One change to the register, said in plain English, with where to read more. */
export interface RecentChange {
  /** When it was recorded (ISO time). */
  time: string;
  text: string;
  href: string | null;
}

/** An event of the record, reduced to what the list of changes needs from it. */
export interface ChangeEvent {
  seq: number;
  time: string;
  type: string;
  /** The id (or, for imports, the count) of what the event is about. */
  ref: number | null;
  /** The decision's id for decisions; the first organisation's code for imports. */
  detail: string | null;
}

/** What the list of changes looks up about the events' subjects (one query per kind). */
export interface ChangeLookups {
  organisationsByCode: ReadonlyMap<string, { name: string }>;
  documents: ReadonlyMap<number, { title: string }>;
  findings: ReadonlyMap<
    number,
    {
      label: string;
      documentId: number;
      documentTitle: string;
      page: number | null;
      status: string;
    }
  >;
  /** Each finding's decisions, oldest first (reviewers are used for the two-reviewer rule only). */
  decisions: ReadonlyMap<
    number,
    { id: number; reviewer: string; decision: 'confirm' | 'reject' }[]
  >;
  assurances: ReadonlyMap<number, { organisationCode: string; organisationName: string }>;
  returns: ReadonlyMap<
    number,
    { organisationCode: string; organisationName: string; reviewName: string; responded: boolean }
  >;
  reviews: ReadonlyMap<number, { name: string }>;
}

const shownTypes = [
  'organisations.imported',
  'document.ingested',
  'finding.decided',
  'assurance.recorded',
  'review.created',
  'return.recorded',
];

/**
 * The latest changes to the register, newest first: organisations imported, documents added,
 * evidence confirmed, assurances and returns recorded, reviews opened. Decisions appear only as
 * the confirmation that made a finding evidence, and only while it still is: pending findings and
 * reviewers' names are never shown. A fixed number of queries however long the record is.
 */
export async function listRecentChanges(
  database: RegisterDatabase,
  limit = 10,
): Promise<RecentChange[]> {
  const events = await readChangeEvents(database, limit * 5);
  const lookups = await lookUpChanges(database, events);
  return describeRecentChanges(events, lookups).slice(0, limit);
}

/** Describes events in plain English, leaving out those that are not public evidence. */
export function describeRecentChanges(
  events: readonly ChangeEvent[],
  lookups: ChangeLookups,
): RecentChange[] {
  return events.flatMap((event) => {
    const described = describeEvent(event, lookups);
    return described ? [{ time: event.time, ...described }] : [];
  });
}

function describeEvent(
  event: ChangeEvent,
  lookups: ChangeLookups,
): { text: string; href: string | null } | undefined {
  const ref = event.ref;
  if (ref === null) return undefined;
  switch (event.type) {
    case 'organisations.imported': {
      const only =
        ref === 1 && event.detail ? lookups.organisationsByCode.get(event.detail) : undefined;
      if (only && event.detail)
        return {
          text: `Organisation added: ${only.name}`,
          href: `/organisations/${encodeURIComponent(event.detail)}`,
        };
      return { text: `${ref} organisations added to the register`, href: '/organisations' };
    }
    case 'document.ingested': {
      const document = lookups.documents.get(ref);
      return document && { text: `Document added: ${document.title}`, href: `/documents/${ref}` };
    }
    case 'finding.decided': {
      const finding = lookups.findings.get(ref);
      const decisionId = Number(event.detail);
      if (!finding || finding.status !== 'confirmed') return undefined;
      if (!confirmedBy(lookups.decisions.get(ref) ?? [], decisionId)) return undefined;
      return {
        text: `Evidence confirmed: ${describeLabel(finding.label)} in "${finding.documentTitle}"`,
        href: `/documents/${finding.documentId}#page-${finding.page ?? 1}`,
      };
    }
    case 'assurance.recorded': {
      const assurance = lookups.assurances.get(ref);
      return (
        assurance && {
          text: `Assurance recorded: ${assurance.organisationName}`,
          href: `/organisations/${encodeURIComponent(assurance.organisationCode)}#assurance-${ref}`,
        }
      );
    }
    case 'return.recorded': {
      const recorded = lookups.returns.get(ref);
      return (
        recorded && {
          text: recorded.responded
            ? `Return recorded: ${recorded.organisationName} responded to ${recorded.reviewName}`
            : `Return recorded: ${recorded.organisationName} did not respond to ${recorded.reviewName}`,
          href: `/organisations/${encodeURIComponent(recorded.organisationCode)}#return-${ref}`,
        }
      );
    }
    case 'review.created': {
      const review = lookups.reviews.get(ref);
      return review && { text: `Review opened: ${review.name}`, href: null };
    }
    default:
      return undefined;
  }
}

/** True when this decision is the one that made the finding confirmed (two reviewers). */
function confirmedBy(
  decisions: readonly { id: number; reviewer: string; decision: 'confirm' | 'reject' }[],
  decisionId: number,
): boolean {
  const index = decisions.findIndex((decision) => decision.id === decisionId);
  if (index < 0) return false;
  return (
    findingStatus(decisions.slice(0, index + 1)) === 'confirmed' &&
    findingStatus(decisions.slice(0, index)) !== 'confirmed'
  );
}

/**
 * Reads the latest events of the shown types, newest first, taking only the ids they are about
 * out of their payloads (in the database, so a document's pages are never sent here).
 */
async function readChangeEvents(database: RegisterDatabase, scan: number): Promise<ChangeEvent[]> {
  const { db, dialect } = database;
  const field = (...path: string[]) => jsonText(dialect, path);
  const ref = sql<unknown>`case type
    when 'organisations.imported' then ${jsonLength(dialect, 'organisations')}
    when 'document.ingested' then ${field('document', 'id')}
    when 'finding.decided' then ${field('decision', 'findingId')}
    when 'assurance.recorded' then ${field('assurance', 'id')}
    when 'return.recorded' then ${field('return', 'id')}
    when 'review.created' then ${field('review', 'id')}
  end`;
  const detail = sql<unknown>`case type
    when 'organisations.imported' then ${field('organisations', '0', 'code')}
    when 'finding.decided' then ${field('decision', 'id')}
  end`;
  const rows = await db
    .selectFrom('record_events')
    .select(['seq', 'time', 'type', ref.as('ref'), detail.as('detail')])
    .where('type', 'in', shownTypes)
    .where((eb) =>
      eb.or([
        eb('type', '<>', 'finding.decided'),
        eb(field('decision', 'decision'), '=', 'confirm'),
      ]),
    )
    .orderBy('seq', 'desc')
    .limit(scan)
    .execute();
  return rows.map((row) => ({
    seq: row.seq,
    time: row.time,
    type: row.type,
    ref: asNumber(row.ref),
    detail: row.detail === null || row.detail === undefined ? null : String(row.detail as string),
  }));
}

/** Looks up what the events are about: one query per kind of subject, none when there are none. */
async function lookUpChanges(
  database: RegisterDatabase,
  events: readonly ChangeEvent[],
): Promise<ChangeLookups> {
  const { db } = database;
  const refsOf = (type: string) => [
    ...new Set(events.filter((event) => event.type === type).flatMap((event) => event.ref ?? [])),
  ];
  const codes = [
    ...new Set(
      events
        .filter((event) => event.type === 'organisations.imported' && event.ref === 1)
        .flatMap((event) => event.detail ?? []),
    ),
  ];
  const documentIds = refsOf('document.ingested');
  const findingIds = refsOf('finding.decided');
  const assuranceIds = refsOf('assurance.recorded');
  const returnIds = refsOf('return.recorded');
  const reviewIds = refsOf('review.created');
  const [organisations, documents, findings, decisions, assurances, returns, reviews] =
    await Promise.all([
      codes.length === 0
        ? []
        : db
            .selectFrom('organisations')
            .select(['code', 'name'])
            .where('code', 'in', codes)
            .execute(),
      documentIds.length === 0
        ? []
        : db
            .selectFrom('documents')
            .select(['id', 'title'])
            .where('id', 'in', documentIds)
            .execute(),
      findingIds.length === 0
        ? []
        : db
            .selectFrom('findings')
            .innerJoin('documents', 'documents.id', 'findings.document_id')
            .select([
              'findings.id',
              'findings.label',
              'findings.document_id',
              'documents.title',
              'findings.page_number',
              'findings.status',
            ])
            .where('findings.id', 'in', findingIds)
            .execute(),
      findingIds.length === 0
        ? []
        : db
            .selectFrom('decisions')
            .select(['id', 'finding_id', 'reviewer', 'decision'])
            .where('finding_id', 'in', findingIds)
            .orderBy('id')
            .execute(),
      assuranceIds.length === 0
        ? []
        : db
            .selectFrom('assurances')
            .innerJoin('organisations', 'organisations.id', 'assurances.organisation_id')
            .select(['assurances.id', 'organisations.code', 'organisations.name'])
            .where('assurances.id', 'in', assuranceIds)
            .execute(),
      returnIds.length === 0
        ? []
        : db
            .selectFrom('review_returns')
            .innerJoin('organisations', 'organisations.id', 'review_returns.organisation_id')
            .innerJoin('reviews', 'reviews.id', 'review_returns.review_id')
            .select([
              'review_returns.id',
              'review_returns.responded',
              'organisations.code',
              'organisations.name',
              'reviews.name as review_name',
            ])
            .where('review_returns.id', 'in', returnIds)
            .execute(),
      reviewIds.length === 0
        ? []
        : db.selectFrom('reviews').select(['id', 'name']).where('id', 'in', reviewIds).execute(),
    ]);
  const decisionsOf = new Map<
    number,
    { id: number; reviewer: string; decision: 'confirm' | 'reject' }[]
  >();
  for (const row of decisions) {
    const list = decisionsOf.get(row.finding_id) ?? [];
    list.push({
      id: row.id,
      reviewer: row.reviewer,
      decision: row.decision === 'confirm' ? 'confirm' : 'reject',
    });
    decisionsOf.set(row.finding_id, list);
  }
  return {
    organisationsByCode: new Map(organisations.map((row) => [row.code, { name: row.name }])),
    documents: new Map(documents.map((row) => [row.id, { title: row.title }])),
    findings: new Map(
      findings.map((row) => [
        row.id,
        {
          label: row.label,
          documentId: row.document_id,
          documentTitle: row.title,
          page: row.page_number,
          status: row.status,
        },
      ]),
    ),
    decisions: decisionsOf,
    assurances: new Map(
      assurances.map((row) => [row.id, { organisationCode: row.code, organisationName: row.name }]),
    ),
    returns: new Map(
      returns.map((row) => [
        row.id,
        {
          organisationCode: row.code,
          organisationName: row.name,
          reviewName: row.review_name,
          responded: row.responded === 1,
        },
      ]),
    ),
    reviews: new Map(reviews.map((row) => [row.id, { name: row.name }])),
  };
}

const safeKey = /^[A-Za-z0-9_]+$/;

/** A text value at `path` in an event's payload; the path is fixed by this module, never input. */
function jsonText(dialect: 'sqlite' | 'postgres', path: readonly string[]): RawBuilder<unknown> {
  if (!path.every((key) => safeKey.test(key)))
    throw new Error(`Unsafe JSON path ${path.join('.')}`);
  if (dialect === 'sqlite') {
    const steps = path.map((key) => (/^\d+$/.test(key) ? `[${key}]` : `.${key}`)).join('');
    return sql.raw(`json_extract(payload, '$${steps}')`);
  }
  return sql.raw(`(payload::jsonb #>> '{${path.join(',')}}')`);
}

/** The length (as text) of the list at `key` in an event's payload. */
function jsonLength(dialect: 'sqlite' | 'postgres', key: string): RawBuilder<unknown> {
  if (!safeKey.test(key)) throw new Error(`Unsafe JSON key ${key}`);
  return dialect === 'sqlite'
    ? sql.raw(`cast(json_array_length(payload, '$.${key}') as text)`)
    : sql.raw(`cast(jsonb_array_length(payload::jsonb -> '${key}') as text)`);
}

function asNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : null;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return null;
}
