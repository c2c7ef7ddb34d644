import type { Kysely, Selectable } from 'kysely';

import { SimwatchError } from '../../errors.js';
import {
  requestStates,
  type BatchTarget,
  type Clarification,
  type FoiBatch,
  type FoiReply,
  type FoiRequest,
  type ReplyKind,
  type RequestState,
  type SentVia,
} from '../../foi/foi-request.js';
import type { DatabaseSchema, FoiBatchesTable, FoiStateChangesTable } from '../../store/schema.js';

type Db = Kysely<DatabaseSchema>;

/** An organisation's FOI address. */
export interface FoiContact {
  organisationCode: string;
  organisationName: string;
  email: string;
  source: string | null;
  updatedBy: string;
  updatedAt: string;
}

/** One change of a request's state, for its history. */
export interface FoiStateChange {
  id: number;
  from: RequestState;
  to: RequestState;
  onDay: string;
  note: string | null;
  changedBy: string;
  changedAt: string;
}

/** A reply with the document it became (its title, and whether the public may read it). */
export interface FoiReplyWithDocument extends FoiReply {
  documentTitle: string | null;
  documentPublic: boolean;
}

/** What narrows a read of requests (all optional). */
export interface RequestQuery {
  ids?: readonly number[];
  ref?: string;
  organisationCode?: string;
  batchId?: number;
  state?: RequestState;
  includeDrafts?: boolean;
}

/** Requests, oldest first, with their organisation and clarifications. */
export async function readRequests(db: Db, query: RequestQuery = {}): Promise<FoiRequest[]> {
  if (query.ids?.length === 0) return [];
  let select = db
    .selectFrom('foi_requests')
    .innerJoin('organisations', 'organisations.id', 'foi_requests.organisation_id')
    .selectAll('foi_requests')
    .select(['organisations.code as organisation_code', 'organisations.name as organisation_name'])
    .orderBy('foi_requests.id');
  if (query.ids) select = select.where('foi_requests.id', 'in', [...query.ids]);
  if (query.ref !== undefined) select = select.where('foi_requests.ref', '=', query.ref);
  if (query.organisationCode !== undefined)
    select = select.where('organisations.code', '=', query.organisationCode);
  if (query.batchId !== undefined)
    select = select.where('foi_requests.batch_id', '=', query.batchId);
  if (query.state !== undefined) select = select.where('foi_requests.state', '=', query.state);
  if (!query.includeDrafts) select = select.where('foi_requests.state', '<>', 'draft');
  const rows = await select.execute();
  if (rows.length === 0) return [];
  const clarifications = await db
    .selectFrom('foi_clarifications')
    .selectAll()
    .where(
      'request_id',
      'in',
      rows.map((row) => row.id),
    )
    .orderBy('id')
    .execute();
  const byRequest = new Map<number, Clarification[]>();
  for (const row of clarifications) {
    const list = byRequest.get(row.request_id) ?? [];
    list.push({ askedOn: row.asked_on, answeredOn: row.answered_on });
    byRequest.set(row.request_id, list);
  }
  return rows.map((row) => ({
    id: row.id,
    ref: row.ref,
    batchId: row.batch_id,
    organisationCode: row.organisation_code,
    organisationName: row.organisation_name,
    subject: row.subject,
    body: row.body,
    state: stateOf(row.state),
    exemptions: JSON.parse(row.exemptions) as string[],
    sentOn: row.sent_on,
    sentVia: row.sent_via === null ? null : (row.sent_via as SentVia),
    messageId: row.message_id,
    receivedOn: row.received_on,
    clarifications: byRequest.get(row.id) ?? [],
    respondedOn: row.responded_on,
    createdBy: row.created_by,
    createdAt: row.created_at,
  }));
}

/** The request with a reference (drafts included), or undefined. */
export async function findRequestByRef(db: Db, ref: string): Promise<FoiRequest | undefined> {
  const [request] = await readRequests(db, { ref: ref.trim().toUpperCase(), includeDrafts: true });
  return request;
}

/** The request with a reference; a `not_found` error naming it otherwise. */
export async function getRequestByRef(db: Db, ref: string): Promise<FoiRequest> {
  const request = await findRequestByRef(db, ref);
  if (!request)
    throw new SimwatchError(
      'not_found',
      `Cannot find FOI request "${ref}": references look like SW-FOI-000123 (see simwatch foi list)`,
    );
  return request;
}

/** The request whose email had this Message-ID, or undefined. */
export async function findRequestIdByMessageId(
  db: Db,
  messageId: string,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('foi_requests')
    .select('id')
    .where('message_id', '=', messageId)
    .executeTakeFirst();
  return row?.id;
}

/** The open clarification of a request (asked, not answered), or undefined. */
export async function findOpenClarification(
  db: Db,
  requestId: number,
): Promise<{ id: number; askedOn: string } | undefined> {
  const row = await db
    .selectFrom('foi_clarifications')
    .select(['id', 'asked_on'])
    .where('request_id', '=', requestId)
    .where('answered_on', 'is', null)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row && { id: row.id, askedOn: row.asked_on };
}

/** FOI addresses by organisation id (only those that have one). */
export async function readContacts(
  db: Db,
  organisationIds?: readonly number[],
): Promise<Map<string, FoiContact>> {
  if (organisationIds?.length === 0) return new Map();
  let select = db
    .selectFrom('foi_contacts')
    .innerJoin('organisations', 'organisations.id', 'foi_contacts.organisation_id')
    .selectAll('foi_contacts')
    .select(['organisations.code', 'organisations.name'])
    .orderBy('organisations.name');
  if (organisationIds)
    select = select.where('foi_contacts.organisation_id', 'in', [...organisationIds]);
  const rows = await select.execute();
  return new Map(
    rows.map((row) => [
      row.code,
      {
        organisationCode: row.code,
        organisationName: row.name,
        email: row.email,
        source: row.source,
        updatedBy: row.updated_by,
        updatedAt: row.updated_at,
      },
    ]),
  );
}

/** A request's state changes, oldest first. */
export async function readStateChanges(db: Db, requestId: number): Promise<FoiStateChange[]> {
  const rows = await db
    .selectFrom('foi_state_changes')
    .selectAll()
    .where('request_id', '=', requestId)
    .orderBy('id')
    .execute();
  return rows.map(stateChangeFrom);
}

function stateChangeFrom(row: Selectable<FoiStateChangesTable>): FoiStateChange {
  return {
    id: row.id,
    from: stateOf(row.from_state),
    to: stateOf(row.to_state),
    onDay: row.on_day,
    note: row.note,
    changedBy: row.changed_by,
    changedAt: row.changed_at,
  };
}

/** A state change with its request, for feeds: the newest first. */
export interface FoiStateChangeOfRequest extends FoiStateChange {
  requestRef: string;
  organisationCode: string;
  organisationName: string;
  subject: string;
}

/** The latest state changes of every request (sending included), newest first, up to `limit`. */
export async function readRecentStateChanges(
  db: Db,
  limit: number,
): Promise<FoiStateChangeOfRequest[]> {
  const rows = await db
    .selectFrom('foi_state_changes')
    .innerJoin('foi_requests', 'foi_requests.id', 'foi_state_changes.request_id')
    .innerJoin('organisations', 'organisations.id', 'foi_requests.organisation_id')
    .selectAll('foi_state_changes')
    .select([
      'foi_requests.ref',
      'foi_requests.subject',
      'organisations.code',
      'organisations.name',
    ])
    .orderBy('foi_state_changes.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    ...stateChangeFrom(row),
    requestRef: row.ref,
    organisationCode: row.code,
    organisationName: row.name,
    subject: row.subject,
  }));
}

/** Replies, oldest received first: of one request, or the one with an id. */
export async function readReplies(
  db: Db,
  query: { requestId?: number; replyId?: number },
): Promise<FoiReplyWithDocument[]> {
  let select = db
    .selectFrom('foi_replies')
    .leftJoin('documents', 'documents.id', 'foi_replies.document_id')
    .selectAll('foi_replies')
    .select(['documents.title as document_title', 'documents.public as document_public'])
    .orderBy('foi_replies.received_on')
    .orderBy('foi_replies.id');
  if (query.requestId !== undefined)
    select = select.where('foi_replies.request_id', '=', query.requestId);
  if (query.replyId !== undefined) select = select.where('foi_replies.id', '=', query.replyId);
  const rows = await select.execute();
  return rows.map((row) => ({
    id: row.id,
    requestId: row.request_id,
    receivedOn: row.received_on,
    kind: row.kind as ReplyKind,
    documentId: row.document_id,
    note: row.note,
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at,
    documentTitle: row.document_title,
    documentPublic: row.document_public === 1,
  }));
}

/** Batches, oldest first (or the one with a reference), with their requests' ids. */
export async function readBatches(db: Db, query: { ref?: string } = {}): Promise<FoiBatch[]> {
  let select = db.selectFrom('foi_batches').selectAll().orderBy('id');
  if (query.ref !== undefined) select = select.where('ref', '=', query.ref.trim().toUpperCase());
  const rows = await select.execute();
  if (rows.length === 0) return [];
  const requests = await db
    .selectFrom('foi_requests')
    .select(['id', 'batch_id'])
    .where(
      'batch_id',
      'in',
      rows.map((row) => row.id),
    )
    .orderBy('id')
    .execute();
  return rows.map((row) => toBatch(row, requests));
}

function toBatch(
  row: Selectable<FoiBatchesTable>,
  requests: { id: number; batch_id: number | null }[],
): FoiBatch {
  return {
    id: row.id,
    ref: row.ref,
    title: row.title,
    target: JSON.parse(row.target) as BatchTarget,
    subject: row.subject,
    body: row.body,
    createdBy: row.created_by,
    createdAt: row.created_at,
    requestIds: requests.filter((request) => request.batch_id === row.id).map((r) => r.id),
  };
}

/** The next free id in one of the FOI tables (inside a change, which holds the lock). */
export async function nextFoiId(
  db: Db,
  table:
    'foi_batches' | 'foi_requests' | 'foi_clarifications' | 'foi_replies' | 'foi_state_changes',
): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.max('id').as('max'))
    .executeTakeFirst();
  return (row?.max ?? 0) + 1;
}

function stateOf(text: string): RequestState {
  const state = requestStates.find((each) => each === text);
  if (state === undefined)
    throw new SimwatchError('internal', `Unknown FOI request state "${text}"`);
  return state;
}
