/**
 * The register's tables as Kysely sees them. Every value is text, an integer or a float, stored
 * the same way on SQLite and PostgreSQL: dates as ISO text, yes/no as 0/1, lists as JSON text.
 * Ids are given by the record's events (see register/apply-event), not by the database, so that
 * replaying the record rebuilds identical rows.
 */
import type { Generated } from 'kysely';

export interface DatabaseSchema {
  organisations: OrganisationsTable;
  organisation_links: OrganisationLinksTable;
  documents: DocumentsTable;
  document_organisations: DocumentOrganisationsTable;
  document_pages: DocumentPagesTable;
  findings: FindingsTable;
  decisions: DecisionsTable;
  assurances: AssurancesTable;
  reviews: ReviewsTable;
  review_returns: ReviewReturnsTable;
  screening_models: ScreeningModelsTable;
  record_events: RecordEventsTable;
  record_checkpoints: RecordCheckpointsTable;
  record_head: RecordHeadTable;
  users: UsersTable;
  web_sessions: WebSessionsTable;
  upload_jobs: UploadJobsTable;
  responses: ResponsesTable;
  response_documents: ResponseDocumentsTable;
  corrections: CorrectionsTable;
  submissions: SubmissionsTable;
  agreements: AgreementsTable;
  agreement_parties: AgreementPartiesTable;
  agreement_members: AgreementMembersTable;
  agreement_terms: AgreementTermsTable;
  agreement_documents: AgreementDocumentsTable;
  agreement_document_versions: AgreementDocumentVersionsTable;
  agreement_comments: AgreementCommentsTable;
  agreement_meetings: AgreementMeetingsTable;
  agreement_actions: AgreementActionsTable;
  agreement_consents: AgreementConsentsTable;
  agreement_publications: AgreementPublicationsTable;
  agreement_access: AgreementAccessTable;
  foi_contacts: FoiContactsTable;
  foi_batches: FoiBatchesTable;
  foi_requests: FoiRequestsTable;
  foi_clarifications: FoiClarificationsTable;
  foi_replies: FoiRepliesTable;
  foi_state_changes: FoiStateChangesTable;
}

/**
 * The tables rebuilt from the record (everything but the record itself and what it does not hold:
 * sessions, queued uploads, and the accounts' password hashes).
 */
export const stateTables = [
  'organisations',
  'organisation_links',
  'documents',
  'document_organisations',
  'document_pages',
  'findings',
  'decisions',
  'assurances',
  'reviews',
  'review_returns',
  'screening_models',
  'users',
  'responses',
  'response_documents',
  'agreements',
  'agreement_parties',
  'agreement_members',
  'agreement_terms',
  'agreement_documents',
  'agreement_document_versions',
  'agreement_comments',
  'agreement_meetings',
  'agreement_actions',
  'agreement_consents',
  'agreement_publications',
  'agreement_access',
  'foi_contacts',
  'foi_batches',
  'foi_requests',
  'foi_clarifications',
  'foi_replies',
  'foi_state_changes',
] as const satisfies readonly (keyof DatabaseSchema)[];

/** A table rebuilt from the record. */
export type StateTable = (typeof stateTables)[number];

export interface OrganisationsTable {
  id: number;
  code: string;
  name: string;
  kind: string;
  region: string | null;
  /** JSON list of earlier names. */
  former_names: string;
  source_url: string | null;
  /** ODS code of the ICB it sits in. */
  icb_code: string | null;
  /** ISO `YYYY-MM-DD`. */
  opened: string | null;
  /** ISO `YYYY-MM-DD`. */
  closed: string | null;
  /** JSON list of the codes of its successors. */
  successor_codes: string;
  created_seq: number;
}

export interface OrganisationLinksTable {
  id: number;
  organisation_id: number;
  linked_organisation_id: number;
  relation: string;
}

export interface DocumentsTable {
  id: number;
  sha256: string;
  title: string;
  file_name: string | null;
  media_type: string;
  byte_size: number;
  page_count: number;
  doc_type: string;
  document_date: string | null;
  source: string | null;
  obtained: string | null;
  added_by: string;
  added_at: string;
  catalogue_version: string;
  /** The screening model that judged its passages; null for documents screened before models. */
  model_version: string | null;
  /** 1 when the original may be downloaded by anyone. */
  public: number;
  /** Pages that could not be read (no OCR, OCR failed, damaged); null when recorded before counting. */
  unread_pages: number | null;
}

export interface DocumentOrganisationsTable {
  document_id: number;
  organisation_id: number;
}

export interface DocumentPagesTable {
  document_id: number;
  /** Position of the page in the document, from 1. */
  position: number;
  /** The page number printed for people (null for documents without pages). */
  page_number: number | null;
  text: string;
  /** The OCR engine that read the page from its image; null when it had a text layer. */
  ocr_engine: string | null;
  /** The engine's mean confidence for the page, 0 to 100; null when not OCR'd. */
  ocr_confidence: number | null;
}

export interface FindingsTable {
  id: number;
  document_id: number;
  label: string;
  indicator: string;
  reason: string;
  excerpt: string;
  page_number: number | null;
  start_offset: number;
  end_offset: number;
  score: number;
  /** pending, in_discussion, confirmed or rejected: derived from the decisions. */
  status: string;
  /** practice, critique, assurance or neutral: how the passage speaks, as screening read it. */
  stance: string;
  /** The screening model that judged it; null when only the catalogue's rules did. */
  model_version: string | null;
  /** JSON list of `{id, reason}`: every indicator or frame that proposed the passage. */
  proposed_by: string;
  /** JSON list of every page the passage was found on (null entries for documents without pages). */
  pages: string;
  /** JSON list of the model's strongest reasons, in plain words. */
  explanation: string;
  /** JSON list of what counted against it most. */
  against: string;
  /** JSON `{id, source, labels, stance, similarity}`: the nearest labelled passage, or null. */
  nearest: string | null;
  /** JSON list of `{start, end}`: the words that matched, as offsets in the page text. */
  highlights: string;
  /** The reviewer the finding is assigned to, or null. */
  assigned_to: string | null;
  /** Who assigned it, and when. */
  assigned_by: string | null;
  assigned_at: string | null;
}

export interface DecisionsTable {
  id: number;
  finding_id: number;
  reviewer: string;
  decision: string;
  reason: string | null;
  decided_at: string;
}

export interface AssurancesTable {
  id: number;
  organisation_id: number;
  given_on: string;
  given_by: string;
  scope: string;
  scope_date: string | null;
  feature: string | null;
  text: string;
  source_document_id: number | null;
  source: string | null;
  recorded_by: string;
  /** The confirmed finding the assurance was recorded from, if it was. */
  finding_id: number | null;
}

export interface ReviewsTable {
  id: number;
  name: string;
  opened_on: string | null;
  closes_on: string | null;
  /** JSON list of the questions asked. */
  questions: string;
}

export interface ReviewReturnsTable {
  id: number;
  review_id: number;
  organisation_id: number;
  responded: number;
  responded_on: string | null;
  /** 1 used, 0 did not, null did not say. */
  used_model: number | null;
  used_from: string | null;
  used_until: string | null;
  /** JSON list of the features said to continue. */
  continuing_features: string;
  notes: string | null;
  recorded_by: string;
}

/** A screening model activated in the register: the active one is the row with the highest id. */
export interface ScreeningModelsTable {
  id: number;
  version: string;
  created_at: string;
  catalogue_version: string;
  /** SHA-256 of the model file in the document store. */
  sha256: string;
  /** JSON: what the model was trained on (see `TrainingDataSummary`). */
  training_data: string;
  /** JSON `{confirmed, rejected}`: ids of the reviewed findings it learned from. */
  reviewed_findings: string;
  /** JSON: the figures of its grouped cross-validation and of the baseline it was compared with. */
  evaluation: string;
  /** The version of the model in use before it (the shipped model's when none was active). */
  previous_version: string;
  activated_at: string;
  activated_by: string;
}

export interface RecordEventsTable {
  seq: number;
  time: string;
  actor: string;
  type: string;
  /** The payload as canonical JSON. */
  payload: string;
  prev_hash: string;
  hash: string;
  leaf_hash: string;
}

export interface RecordCheckpointsTable {
  tree_size: number;
  root_hash: string;
  time: string;
  key_id: string;
  signature: string;
}

/** One row: the last event, kept so that appending is quick and writers queue on it. */
export interface RecordHeadTable {
  id: number;
  seq: number;
  hash: string;
}

/** A person who may sign in to the workspace. Not part of the record. */
/** The password hash of an account without a password: none matches it. */
export const noPasswordHash = '';

export interface UsersTable {
  username: string;
  display_name: string;
  /** administrator, reviewer or viewer. */
  role: string;
  /**
   * scrypt, in the form `scrypt$N$r$p$salt$hash` (base64); `noPasswordHash` (empty) when no
   * password has been set, as for an account rebuilt from the record: it cannot sign in.
   */
  password_hash: string;
  disabled: number;
  created_at: string;
  created_by: string;
}

/** A signed-in session: the cookie holds a random token, the table only its SHA-256. */
export interface WebSessionsTable {
  token_hash: string;
  username: string;
  created_at: string;
  expires_at: string;
}

/** A document uploaded in the workspace, waiting for or done with screening. */
export interface UploadJobsTable {
  id: string;
  username: string;
  file_name: string;
  /** Where the upload waits, inside the data folder; null once it has been ingested. */
  staged_path: string | null;
  details: string;
  state: string;
  message: string | null;
  document_id: number | null;
  findings: number | null;
  /** Times taken for screening (a job taken twice without finishing is quarantined). */
  attempts: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface ResponsesTable {
  id: number;
  organisation_id: number;
  responder_name: string;
  responder_role: string;
  received_on: string;
  text: string;
  answers_kind: string;
  answers_id: number;
  assurance_id: number | null;
  recorded_by: string;
  recorded_at: string;
}

export interface ResponseDocumentsTable {
  response_id: number;
  document_id: number;
}

/** A correction sent in by anyone, for reviewers only (not in the record). */
export interface CorrectionsTable {
  id: string;
  page: string;
  problem: string;
  sender_name: string | null;
  sender_email: string | null;
  created_at: string;
  state: string;
  resolved_by: string | null;
  resolved_at: string | null;
  resolution_note: string | null;
}

/** A document or tip sent in by anyone, for reviewers only (not in the record). */
export interface SubmissionsTable {
  id: string;
  kind: string;
  organisation_code: string | null;
  text: string;
  url: string | null;
  upload_job_id: string | null;
  created_at: string;
  state: string;
  reviewed_by: string | null;
  reviewed_at: string | null;
  review_note: string | null;
}

/** A co-production agreement (see register/coproduction/agreement.ts). */
export interface AgreementsTable {
  id: number;
  ref: string;
  title: string;
  purpose: string;
  /** JSON list of the principles. */
  principles: string;
  drafts_on_dissolution: string;
  /** awaiting_terms, active or dissolved. */
  state: string;
  created_at: string;
  created_by: string;
  dissolved_at: string | null;
  dissolved_by: string | null;
  dissolved_party_id: number | null;
  dissolution_reason: string | null;
}

export interface AgreementPartiesTable {
  id: number;
  agreement_id: number;
  name: string;
  organisation_code: string | null;
  public_key_pem: string;
  key_id: string;
  joined_at: string;
  left_at: string | null;
}

export interface AgreementMembersTable {
  party_id: number;
  username: string;
  /** 0/1: whether they may act for the party. */
  may_act: number;
  added_at: string;
  removed_at: string | null;
}

export interface AgreementTermsTable {
  agreement_id: number;
  version: number;
  text: string;
  hash: string;
  adopted_at: string | null;
  action_id: number;
}

export interface AgreementDocumentsTable {
  id: number;
  agreement_id: number;
  title: string;
  created_at: string;
  created_by: string;
}

export interface AgreementDocumentVersionsTable {
  document_id: number;
  number: number;
  content: string;
  hash: string;
  created_at: string;
  created_by: string;
  party_id: number;
  note: string;
}

export interface AgreementCommentsTable {
  id: number;
  document_id: number;
  version_number: number;
  party_id: number;
  author: string;
  anchor_exact: string;
  anchor_prefix: string;
  anchor_suffix: string;
  body: string;
  created_at: string;
}

export interface AgreementMeetingsTable {
  id: number;
  agreement_id: number;
  kind: string;
  held_on: string;
  title: string;
  summary: string;
  /** JSON list of party ids. */
  present_party_ids: string;
  /** JSON list of party ids. */
  told_party_ids: string;
  recorded_at: string;
  recorded_by: string;
}

export interface AgreementActionsTable {
  id: number;
  agreement_id: number;
  number: number;
  kind: string;
  /** JSON of the ActionSubject. */
  subject: string;
  subject_hash: string;
  effective_on: string | null;
  proposed_at: string;
  proposed_by: string;
  proposed_by_party_id: number;
  carried_out_at: string | null;
  carried_out_by: string | null;
}

export interface AgreementConsentsTable {
  id: number;
  action_id: number;
  party_id: number;
  given_by: string;
  given_at: string;
  signature: string;
  withdrawn_at: string | null;
  withdrawn_by: string | null;
}

export interface AgreementPublicationsTable {
  id: number;
  agreement_id: number;
  kind: string;
  action_id: number;
  document_id: number | null;
  document_title: string | null;
  version_number: number | null;
  subject_hash: string;
  effective_on: string | null;
  text: string | null;
  statement_party_id: number | null;
  statement_text: string | null;
  statement_signature: string | null;
  /** JSON list of PublicSignature. */
  signatures: string;
  published_at: string;
  published_by: string;
}

export interface AgreementAccessTable {
  id: number;
  agreement_id: number;
  document_id: number;
  version_number: number;
  username: string;
  party_id: number;
  kind: string;
  at: string;
  mark_seed: string | null;
}

/** An organisation's address for FOI requests. */
export interface FoiContactsTable {
  organisation_id: number;
  email: string;
  /** Where the address was found (a URL), if known. */
  source: string | null;
  updated_by: string;
  updated_at: string;
}

/** One request drafted once and sent to many organisations. */
export interface FoiBatchesTable {
  id: number;
  ref: string;
  title: string;
  /** JSON: the BatchTarget (src/foi/foi-request.ts). */
  target: string;
  subject: string;
  body: string;
  created_by: string;
  created_at: string;
}

/** A freedom of information request to one organisation. */
export interface FoiRequestsTable {
  id: number;
  ref: string;
  batch_id: number | null;
  organisation_id: number;
  subject: string;
  body: string;
  state: string;
  /** JSON list of the exemptions cited. */
  exemptions: string;
  sent_on: string | null;
  sent_via: string | null;
  message_id: string | null;
  received_on: string | null;
  responded_on: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** A clarification the authority asked for: the clock stops, and restarts when answered. */
export interface FoiClarificationsTable {
  id: number;
  request_id: number;
  asked_on: string;
  answered_on: string | null;
}

/** A reply attached to a request, usually as a register document. */
export interface FoiRepliesTable {
  id: number;
  request_id: number;
  received_on: string;
  kind: string;
  document_id: number | null;
  note: string | null;
  recorded_by: string;
  recorded_at: string;
}

/** Each change of a request's state, with the day it took effect. */
export interface FoiStateChangesTable {
  id: number;
  request_id: number;
  from_state: string;
  to_state: string;
  on_day: string;
  note: string | null;
  changed_by: string;
  changed_at: string;
}
