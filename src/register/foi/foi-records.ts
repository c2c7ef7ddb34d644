import type { FoiBatch, RequestState, SentVia } from '../../foi/foi-request.js';

/** An organisation's address for FOI requests, as the record holds it. */
export interface FoiContactRecord {
  organisationId: number;
  email: string;
  source: string | null;
  updatedBy: string;
  updatedAt: string;
}

/** A drafted request, as the record holds it (always created in state `draft`). */
export interface FoiRequestRecord {
  id: number;
  ref: string;
  batchId: number | null;
  organisationId: number;
  subject: string;
  body: string;
  createdBy: string;
  createdAt: string;
}

/** A batch and the drafts it made, one per organisation. */
export type FoiBatchRecord = Omit<FoiBatch, 'requestIds'>;

/**
 * Requests sent on a day, by email from here (each with its Message-ID) or exported and sent
 * elsewhere. Each moves from `draft` to `awaiting_response`, with a state change of its own.
 */
export interface FoiSentRecord {
  via: SentVia;
  sentOn: string;
  /** The day the authority received them (the same day for email): the clock counts from it. */
  receivedOn: string;
  requests: { id: number; messageId: string | null; stateChangeId: number }[];
  sentBy: string;
  sentAt: string;
}

/** A change of a request's state, taking effect on a day. */
export interface FoiStateChangeRecord {
  id: number;
  requestId: number;
  from: RequestState;
  to: RequestState;
  onDay: string;
  /** The exemptions cited from then on (replacing any before). */
  exemptions: string[];
  note: string | null;
  changedBy: string;
  changedAt: string;
}

/** That the authority asked for clarification (the clock stops). */
export interface FoiClarificationAskedRecord {
  id: number;
  requestId: number;
  askedOn: string;
}

/** That the requester answered it (the clock restarts). */
export interface FoiClarificationAnsweredRecord {
  id: number;
  requestId: number;
  answeredOn: string;
}

/** A reply attached to a request (its file, when it had one, a register document). */
export interface FoiReplyRecord {
  id: number;
  requestId: number;
  receivedOn: string;
  kind: string;
  documentId: number | null;
  note: string | null;
  recordedBy: string;
  recordedAt: string;
}
