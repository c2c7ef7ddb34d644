/**
 * Freedom of information requests as simwatch models them: plain data shared by the deadline
 * rules, the register, the CLI and the pages. The states follow WhatDoTheyKnow's (Alaveteli's)
 * so that a request made there and one made here read the same.
 */

/** The states a request can be put in. `draft` is simwatch's own: written, not yet sent. */
export const requestStates = [
  'draft',
  'awaiting_response',
  'clarification_asked',
  'successful',
  'partially_successful',
  'not_held',
  'refused',
  'internal_review',
  'referred_to_ico',
  'withdrawn',
] as const;

/** A request's recorded state. */
export type RequestState = (typeof requestStates)[number];

/** What people read for each state (Alaveteli's wording where it has one). */
export const requestStateNames: Record<RequestState, string> = {
  draft: 'Draft, not sent',
  awaiting_response: 'Awaiting response',
  clarification_asked: 'Clarification asked',
  successful: 'Successful',
  partially_successful: 'Partially successful',
  not_held: 'Information not held',
  refused: 'Refused',
  internal_review: 'Internal review',
  referred_to_ico: 'Referred to the ICO',
  withdrawn: 'Withdrawn',
};

/** States in which the authority owes an answer, so the statutory clock runs. */
export const clockRunningStates: readonly RequestState[] = ['awaiting_response'];

/** States after which nothing more is expected of the authority on this request. */
export const closedStates: readonly RequestState[] = [
  'successful',
  'partially_successful',
  'not_held',
  'refused',
  'withdrawn',
];

/**
 * How timely a request is, derived (never stored) from its state, dates and today: `on_time`
 * while the clock runs and the due date has not passed; `overdue` after the 20th working day;
 * `long_overdue` after the 40th; `not_running` when no answer is owed now (draft, clarification
 * asked, answered, withdrawn...).
 */
export type Timeliness = 'on_time' | 'overdue' | 'long_overdue' | 'not_running';

/** One request for clarification: the clock stops when asked and restarts when answered (FOIA s.1(3), s.10(6)). */
export interface Clarification {
  askedOn: string;
  /** When the requester's clarification reached the authority; null while awaited. */
  answeredOn: string | null;
}

/** The kinds of organisation a batch can be sent to, or an explicit filtered list. */
export type BatchTarget =
  | { kind: 'mental_health_trusts' | 'ambulance_trusts' | 'police_forces' }
  | { kind: 'organisations'; codes: string[] };

/** How a request left simwatch: by email from here, or exported and sent elsewhere (e.g. WhatDoTheyKnow). */
export type SentVia = 'email' | 'export';

/** A request as the register gives it to pages and the CLI. Dates are ISO days, times ISO instants. */
export interface FoiRequest {
  id: number;
  /** The reference quoted in every message, for matching replies: `SW-FOI-000123`. */
  ref: string;
  batchId: number | null;
  organisationCode: string;
  organisationName: string;
  subject: string;
  body: string;
  state: RequestState;
  /** Exemptions cited when refused (or partly refused), e.g. `s.12`, `s.40(2)`. */
  exemptions: string[];
  /** When the request was sent (emailed or recorded as sent elsewhere); null for drafts. */
  sentOn: string | null;
  sentVia: SentVia | null;
  /** The email's Message-ID, when it was emailed from here. */
  messageId: string | null;
  /** The day the authority received it (normally the day it was sent); the clock counts from the day after. */
  receivedOn: string | null;
  clarifications: Clarification[];
  /** When the authority's (latest) substantive answer arrived. */
  respondedOn: string | null;
  createdBy: string;
  createdAt: string;
}

/** A request with what is derived from it on a given day. */
export interface FoiRequestWithDeadline extends FoiRequest {
  /** The 20th working day after receipt (or after the last clarification); null when not sent. */
  dueOn: string | null;
  /** The 40th working day, after which a request still unanswered is long overdue. */
  longOverdueOn: string | null;
  timeliness: Timeliness;
  /** Working days past the due date (0 when not overdue). */
  workingDaysOverdue: number;
}

/** A batch: one drafted request sent to many organisations, each a request of its own. */
export interface FoiBatch {
  id: number;
  ref: string;
  title: string;
  target: BatchTarget;
  subject: string;
  /** The request's text; `{organisation}` is replaced by each organisation's name. */
  body: string;
  createdBy: string;
  createdAt: string;
  requestIds: number[];
}

/** The kind of file a reply arrived as. */
export type ReplyKind = 'email' | 'pdf' | 'scan' | 'zip' | 'other';

/** A reply attached to a request; its file is a document of the register, screened as any other. */
export interface FoiReply {
  id: number;
  requestId: number;
  receivedOn: string;
  kind: ReplyKind;
  /** The register document the reply became (null for a reply recorded without a file). */
  documentId: number | null;
  note: string | null;
  recordedBy: string;
  recordedAt: string;
}

/** Matches references such as `SW-FOI-000123` in subjects and bodies. */
export const requestRefPattern = /\bSW-FOI-(\d{6,})\b/;

/** The reference of the request with this id. */
export function requestRef(id: number): string {
  return `SW-FOI-${String(id).padStart(6, '0')}`;
}

/** The reference of the batch with this id. */
export function batchRef(id: number): string {
  return `SW-FOI-BATCH-${String(id).padStart(4, '0')}`;
}
