import { SimwatchError } from '../../errors.js';
import { requestDeadline } from '../../foi/deadlines/request-deadline.js';
import {
  requestStates,
  type FoiBatch,
  type FoiRequest,
  type FoiRequestWithDeadline,
  type RequestState,
  type Timeliness,
} from '../../foi/foi-request.js';
import { answeredStates } from '../../foi/request-transitions.js';
import { todayOf } from '../calendar-date.js';
import type { RegisterDeps } from '../register-deps.js';
import {
  getRequestByRef,
  readBatches,
  readContacts,
  readReplies,
  readRequests,
  readRecentStateChanges,
  readStateChanges,
  type FoiReplyWithDocument,
  type FoiStateChangeOfRequest,
  type FoiStateChange,
} from './foi-repository.js';

/** A request with everything its page shows. */
export interface FoiRequestDetail extends FoiRequestWithDeadline {
  batch: { id: number; ref: string; title: string } | null;
  /** The organisation's FOI address, if the register has one. */
  contactEmail: string | null;
  replies: FoiReplyWithDocument[];
  history: FoiStateChange[];
}

/** How many of a batch's requests are in each state, and how many are (long) overdue. */
export type BatchCounts = Record<RequestState | 'overdue' | 'long_overdue', number>;

/** A batch with its counts. */
export type FoiBatchSummary = FoiBatch & { counts: BatchCounts };

/** A batch with its requests, each with the organisation's FOI address (null: none known). */
export type FoiBatchDetail = FoiBatchSummary & {
  requests: (FoiRequestWithDeadline & { contactEmail: string | null })[];
};

/** Per organisation: its sent requests, how many are overdue (long overdue included), answered, refused. */
export interface FoiOrganisationCounts {
  requests: number;
  overdue: number;
  longOverdue: number;
  answered: number;
  refused: number;
}

/** What narrows a list of requests. */
export interface RequestFilter {
  organisationCode?: string;
  batchId?: number;
  state?: RequestState;
  /** `overdue_any`: overdue or long overdue. */
  timeliness?: Timeliness | 'overdue_any';
  /** Drafts are left out unless asked for (they are not public). */
  includeDrafts?: boolean;
}

/** A request with its deadline on a day. */
export function withDeadline(request: FoiRequest, today: string): FoiRequestWithDeadline {
  return { ...request, ...requestDeadline(request, today) };
}

/** Requests with their deadlines on `today` (default: the register's today), oldest first. */
export async function listRequests(
  deps: RegisterDeps,
  filter: RequestFilter = {},
  today?: string,
): Promise<FoiRequestWithDeadline[]> {
  const day = today ?? todayOf(deps.now());
  const requests = await readRequests(deps.database.db, {
    ...(filter.organisationCode ? { organisationCode: filter.organisationCode.trim() } : {}),
    ...(filter.batchId !== undefined ? { batchId: filter.batchId } : {}),
    ...(filter.state ? { state: filter.state } : {}),
    includeDrafts: filter.includeDrafts ?? false,
  });
  const wanted = filter.timeliness;
  return requests
    .map((request) => withDeadline(request, day))
    .filter((request) =>
      wanted === undefined
        ? true
        : wanted === 'overdue_any'
          ? request.timeliness === 'overdue' || request.timeliness === 'long_overdue'
          : request.timeliness === wanted,
    );
}

/** Every sent request (the public ones) with its deadline on `today`, oldest first. */
export async function listSentRequests(
  db: RegisterDeps['database']['db'],
  today: string,
): Promise<FoiRequestWithDeadline[]> {
  return (await readRequests(db)).map((request) => withDeadline(request, today));
}

/** A request by reference with its batch, address, replies and state history. */
export async function getRequest(
  deps: RegisterDeps,
  ref: string,
  today?: string,
): Promise<FoiRequestDetail> {
  const db = deps.database.db;
  const request = await getRequestByRef(db, ref);
  const [batch] =
    request.batchId === null
      ? []
      : (await readBatches(db)).filter((each) => each.id === request.batchId);
  const organisation = await db
    .selectFrom('organisations')
    .select('id')
    .where('code', '=', request.organisationCode)
    .executeTakeFirstOrThrow();
  const contacts = await readContacts(db, [organisation.id]);
  return {
    ...withDeadline(request, today ?? todayOf(deps.now())),
    batch: batch ? { id: batch.id, ref: batch.ref, title: batch.title } : null,
    contactEmail: contacts.get(request.organisationCode)?.email ?? null,
    replies: await readReplies(db, { requestId: request.id }),
    history: await readStateChanges(db, request.id),
  };
}

/**
 * The latest changes of every sent request's state (its sending first of all), newest first:
 * for the public feed. Drafts have none (a draft's only move, withdrawal, is left out too).
 */
export async function listRecentStateChanges(
  deps: RegisterDeps,
  options: { limit: number },
): Promise<FoiStateChangeOfRequest[]> {
  const changes = await readRecentStateChanges(deps.database.db, options.limit);
  return changes.filter((change) => change.from !== 'draft' || change.to !== 'withdrawn');
}

/** Every batch with its counts, oldest first. */
export async function listBatches(deps: RegisterDeps, today?: string): Promise<FoiBatchSummary[]> {
  const day = today ?? todayOf(deps.now());
  const batches = await readBatches(deps.database.db);
  const requests = (await readRequests(deps.database.db, { includeDrafts: true })).map((request) =>
    withDeadline(request, day),
  );
  return batches.map((batch) => ({
    ...batch,
    counts: countRequests(requests.filter((request) => request.batchId === batch.id)),
  }));
}

/** A batch by reference, with its requests and their organisations' FOI addresses. */
export async function getBatch(
  deps: RegisterDeps,
  ref: string,
  today?: string,
): Promise<FoiBatchDetail> {
  const db = deps.database.db;
  const [batch] = await readBatches(db, { ref });
  if (!batch)
    throw new SimwatchError(
      'not_found',
      `Cannot find FOI batch "${ref}": references look like SW-FOI-BATCH-0001`,
    );
  const day = today ?? todayOf(deps.now());
  const requests = (await readRequests(db, { batchId: batch.id, includeDrafts: true })).map(
    (request) => withDeadline(request, day),
  );
  const contacts = await readContacts(db);
  return {
    ...batch,
    counts: countRequests(requests),
    requests: requests.map((request) => ({
      ...request,
      contactEmail: contacts.get(request.organisationCode)?.email ?? null,
    })),
  };
}

/** Sent requests counted per organisation code (organisations with none are absent). */
export async function foiCountsByOrganisation(
  deps: RegisterDeps,
  today?: string,
): Promise<Map<string, FoiOrganisationCounts>> {
  const requests = await listRequests(deps, {}, today);
  const counts = new Map<string, FoiOrganisationCounts>();
  for (const request of requests) {
    const count = counts.get(request.organisationCode) ?? {
      requests: 0,
      overdue: 0,
      longOverdue: 0,
      answered: 0,
      refused: 0,
    };
    count.requests += 1;
    if (request.timeliness === 'overdue' || request.timeliness === 'long_overdue')
      count.overdue += 1;
    if (request.timeliness === 'long_overdue') count.longOverdue += 1;
    if (request.respondedOn !== null || answeredStates.includes(request.state)) count.answered += 1;
    if (request.state === 'refused') count.refused += 1;
    counts.set(request.organisationCode, count);
  }
  return counts;
}

function countRequests(requests: readonly FoiRequestWithDeadline[]): BatchCounts {
  const counts = Object.fromEntries(
    [...requestStates, 'overdue', 'long_overdue'].map((key) => [key, 0]),
  ) as BatchCounts;
  for (const request of requests) {
    counts[request.state] += 1;
    if (request.timeliness === 'overdue') counts.overdue += 1;
    if (request.timeliness === 'long_overdue') counts.long_overdue += 1;
  }
  return counts;
}
