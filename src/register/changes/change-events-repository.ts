import { sql, type RawBuilder } from 'kysely';

import type { RegisterDatabase } from '../../store/create-database.js';
import { publicSubmissionActor } from '../documents/document.js';

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

/** The events the list of recent changes describes. */
const shownTypes = [
  'organisations.imported',
  'document.ingested',
  'finding.decided',
  'assurance.recorded',
  'review.created',
  'return.recorded',
];

/**
 * Reads the latest events of the shown types, newest first, taking only the ids they are about
 * out of their payloads (in the database, so a document's pages are never sent here).
 */
export async function readChangeEvents(
  database: RegisterDatabase,
  scan: number,
): Promise<ChangeEvent[]> {
  const { db, dialect } = database;
  const field = (...path: string[]) => jsonText(dialect, path);
  const ref = sql`case type
    when 'organisations.imported' then ${jsonLength(dialect, 'organisations')}
    when 'document.ingested' then ${field('document', 'id')}
    when 'finding.decided' then ${field('decision', 'findingId')}
    when 'assurance.recorded' then ${field('assurance', 'id')}
    when 'return.recorded' then ${field('return', 'id')}
    when 'review.created' then ${field('review', 'id')}
  end`;
  const detail = sql`case type
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
    detail: asText(row.detail),
  }));
}

/** Looks up what the events are about: one query per kind of subject, none when there are none. */
export async function lookUpChanges(
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
            // A document the public sent in is not shown until a reviewer accepts it.
            .where((eb) =>
              eb.or([eb('added_by', '!=', publicSubmissionActor), eb('public', '=', 1)]),
            )
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

function asText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  return typeof value === 'number' ? String(value) : null;
}

function asNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : null;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return null;
}
