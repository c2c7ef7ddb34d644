import type {
  AccessRecordRecord,
  ActionRecord,
  AgreementCreatedRecord,
  CarriedOutRecord,
  CommentRecord,
  ConsentRecord,
  DissolutionRecord,
  DocumentVersionRecord,
  MeetingRecord,
  MemberChangeRecord,
  PublicationRecord,
  WithdrawalRecord,
} from './coproduction/agreement-records.js';
import type {
  FoiBatchRecord,
  FoiClarificationAnsweredRecord,
  FoiClarificationAskedRecord,
  FoiContactRecord,
  FoiReplyRecord,
  FoiRequestRecord,
  FoiSentRecord,
  FoiStateChangeRecord,
} from './foi/foi-records.js';

/**
 * The events that change the register. Each carries everything needed to write its rows (ids
 * included), so the register's tables can be rebuilt from the record alone.
 */
export type RegisterEvent =
  | { type: 'organisations.imported'; payload: { organisations: OrganisationRecord[] } }
  | { type: 'organisation.linked'; payload: { link: OrganisationLinkRecord } }
  | { type: 'document.ingested'; payload: IngestedDocument }
  | { type: 'document.edited'; payload: { edit: DocumentEditRecord } }
  | { type: 'finding.decided'; payload: { decision: DecisionRecord } }
  | { type: 'findings.assigned'; payload: { assignment: AssignmentRecord } }
  | { type: 'assurance.recorded'; payload: { assurance: AssuranceRecord } }
  | { type: 'review.created'; payload: { review: ReviewRecord } }
  | { type: 'return.recorded'; payload: { return: ReturnRecord } }
  | { type: 'model.activated'; payload: { model: ModelActivationRecord } }
  | { type: 'account.created'; payload: { account: AccountRecord } }
  | { type: 'account.changed'; payload: { change: AccountChangeRecord } }
  | { type: 'account.password-set'; payload: { password: PasswordSetRecord } }
  | { type: 'accounts.adopted'; payload: { accounts: AccountRecord[] } }
  | { type: 'open-data.published'; payload: { publication: OpenDataPublicationRecord } }
  | { type: 'response.recorded'; payload: { response: ResponseRecord } }
  | { type: 'agreement.created'; payload: { created: AgreementCreatedRecord } }
  | { type: 'agreement.member-changed'; payload: { change: MemberChangeRecord } }
  | { type: 'agreement.document-versioned'; payload: { versioned: DocumentVersionRecord } }
  | { type: 'agreement.commented'; payload: { comment: CommentRecord } }
  | { type: 'agreement.meeting-recorded'; payload: { meeting: MeetingRecord } }
  | { type: 'agreement.action-proposed'; payload: { action: ActionRecord } }
  | { type: 'agreement.consent-given'; payload: { consent: ConsentRecord } }
  | { type: 'agreement.consent-withdrawn'; payload: { withdrawal: WithdrawalRecord } }
  | { type: 'agreement.action-carried-out'; payload: { carriedOut: CarriedOutRecord } }
  | { type: 'agreement.statement-published'; payload: { publication: PublicationRecord } }
  | { type: 'agreement.dissolved'; payload: { dissolution: DissolutionRecord } }
  | { type: 'agreement.accessed'; payload: { access: AccessRecordRecord } }
  | { type: 'foi.contact-set'; payload: { contact: FoiContactRecord } }
  | {
      type: 'foi.batch-created';
      payload: { batch: FoiBatchRecord; requests: FoiRequestRecord[] };
    }
  | { type: 'foi.request-drafted'; payload: { request: FoiRequestRecord } }
  | { type: 'foi.sent'; payload: { sent: FoiSentRecord } }
  | { type: 'foi.state-changed'; payload: { change: FoiStateChangeRecord } }
  | { type: 'foi.clarification-asked'; payload: { clarification: FoiClarificationAskedRecord } }
  | {
      type: 'foi.clarification-answered';
      payload: { clarification: FoiClarificationAnsweredRecord };
    }
  | { type: 'foi.reply-attached'; payload: { reply: FoiReplyRecord } };

/** The FOI events (see register/foi/apply-foi-event). */
export type FoiEvent = Extract<RegisterEvent, { type: `foi.${string}` }>;

/** The co-production events (see register/coproduction/apply-agreement-event). */
export type AgreementEvent = Extract<RegisterEvent, { type: `agreement.${string}` }>;

/** The name of an event type. */
export type RegisterEventType = RegisterEvent['type'];

/** Every event type, for checking what the record holds. */
export const registerEventTypes: readonly RegisterEventType[] = [
  'organisations.imported',
  'organisation.linked',
  'document.ingested',
  'document.edited',
  'finding.decided',
  'findings.assigned',
  'assurance.recorded',
  'review.created',
  'return.recorded',
  'model.activated',
  'account.created',
  'account.changed',
  'account.password-set',
  'accounts.adopted',
  'open-data.published',
  'response.recorded',
  'agreement.created',
  'agreement.member-changed',
  'agreement.document-versioned',
  'agreement.commented',
  'agreement.meeting-recorded',
  'agreement.action-proposed',
  'agreement.consent-given',
  'agreement.consent-withdrawn',
  'agreement.action-carried-out',
  'agreement.statement-published',
  'agreement.dissolved',
  'agreement.accessed',
  'foi.contact-set',
  'foi.batch-created',
  'foi.request-drafted',
  'foi.sent',
  'foi.state-changed',
  'foi.clarification-asked',
  'foi.clarification-answered',
  'foi.reply-attached',
];

export interface OrganisationRecord {
  id: number;
  code: string;
  name: string;
  kind: string;
  region: string | null;
  formerNames: string[];
  sourceUrl: string | null;
  /** The lifecycle fields (see organisations/organisation); absent from events before them. */
  icbCode?: string | null;
  opened?: string | null;
  closed?: string | null;
  successorCodes?: string[];
}

export interface OrganisationLinkRecord {
  id: number;
  organisationId: number;
  linkedOrganisationId: number;
  relation: string;
}

export interface IngestedDocument {
  document: DocumentRecord;
  organisationIds: number[];
  pages: IngestedPage[];
  findings: FindingRecord[];
}

/** A page as recorded: its text, and how OCR read it when it had no text layer (absent before OCR). */
export interface IngestedPage {
  position: number;
  pageNumber: number | null;
  text: string;
  ocr?: { engine: string; confidence: number };
}

export interface DocumentRecord {
  id: number;
  sha256: string;
  title: string;
  fileName: string | null;
  mediaType: string;
  byteSize: number;
  pageCount: number;
  docType: string;
  documentDate: string | null;
  source: string | null;
  obtained: string | null;
  addedBy: string;
  addedAt: string;
  catalogueVersion: string;
  /** The screening model that judged its passages (absent from events before models). */
  modelVersion?: string | null;
  public: boolean;
  /** Pages that could not be read (no OCR, OCR failed, damaged); absent before they were counted. */
  unreadPages?: number;
}

/**
 * A correction of a document's details: each field changed, with its value before and after (so
 * the history reads without replaying), the organisations linked and unlinked, who and why.
 */
export interface DocumentEditRecord {
  documentId: number;
  changes: DocumentFieldChanges;
  addedOrganisationIds: number[];
  removedOrganisationIds: number[];
  reason: string;
  editedBy: string;
  editedAt: string;
}

/** The fields an edit changed; a field it left alone is absent. */
export interface DocumentFieldChanges {
  title?: { from: string; to: string };
  documentDate?: { from: string | null; to: string | null };
  source?: { from: string | null; to: string | null };
  public?: { from: boolean; to: boolean };
}

export interface FindingRecord {
  id: number;
  label: string;
  indicator: string;
  reason: string;
  excerpt: string;
  pageNumber: number | null;
  start: number;
  end: number;
  score: number;
  // What the learned model made of the passage. Events recorded before the model lack these;
  // applying such an event gives the defaults that `findingRowValues` states.
  stance?: string;
  modelVersion?: string | null;
  proposedBy?: { id: string; reason: string }[];
  pages?: (number | null)[];
  explanation?: string[];
  against?: string[];
  nearest?: NearestExampleRecord | null;
  /** The words that matched, as offsets in the page text (absent in events recorded before). */
  highlights?: { start: number; end: number }[];
}

/** Findings given to a reviewer (or, with `assignee` null, unassigned), by whom and when. */
export interface AssignmentRecord {
  findingIds: number[];
  assignee: string | null;
  assignedBy: string;
  assignedAt: string;
}

/** The labelled passage most like a finding's, known by id and source only. */
export interface NearestExampleRecord {
  id: string;
  source: string | null;
  labels: string[];
  stance: string;
  similarity: number;
}

export interface DecisionRecord {
  id: number;
  findingId: number;
  reviewer: string;
  decision: 'confirm' | 'reject';
  reason: string | null;
  decidedAt: string;
}

export interface AssuranceRecord {
  id: number;
  organisationId: number;
  givenOn: string;
  givenBy: string;
  scope: string;
  scopeDate: string | null;
  feature: string | null;
  text: string;
  sourceDocumentId: number | null;
  source: string | null;
  recordedBy: string;
  /** The confirmed finding it was recorded from; absent from events before there could be one. */
  findingId?: number;
}

export interface ReviewRecord {
  id: number;
  name: string;
  openedOn: string | null;
  closesOn: string | null;
  questions: string[];
}

export interface ReturnRecord {
  id: number;
  reviewId: number;
  organisationId: number;
  responded: boolean;
  respondedOn: string | null;
  usedModel: boolean | null;
  usedFrom: string | null;
  usedUntil: string | null;
  continuingFeatures: string[];
  notes: string | null;
  recordedBy: string;
}

/** A screening model made the register's active model, with what it was trained on and scored. */
export interface ModelActivationRecord {
  id: number;
  version: string;
  createdAt: string;
  catalogueVersion: string;
  /** SHA-256 of the model file, kept in the document store. */
  sha256: string;
  trainingData: {
    sha256: string;
    passages: number;
    sources: number;
    corpora: string[];
    reviewedFindings: number;
  };
  /** The reviewed findings it learned from, by the decision that made each an example. */
  reviewedFindings: { confirmed: number[]; rejected: number[] };
  evaluation: ModelFiguresRecord;
  /** The version of the model in use before it (the shipped model's when none was active). */
  previousVersion: string;
  activatedAt: string;
  activatedBy: string;
}

/** The figures a model was activated on: its cross-validation and the baseline's, same folds. */
export interface ModelFiguresRecord {
  folds: number;
  threshold: number;
  /** Corpus passages scored (register examples are trained on, never scored). */
  passages: number;
  /** Macro-F1 over the evidence labels, uncertain passages counted as labelled. */
  macroF1: number;
  /** The same for the corpus with the reviewed findings the previous model learned from. */
  baselineMacroF1: number;
  certainMacroF1: number;
  /** Critique passages given an evidence label, as a share of all critique passages. */
  critiqueShare: number;
  brier: number;
  expectedCalibrationError: number;
  /** Findings per 100,000 words of ordinary documents, when some were given. */
  falseLeadsPerHundredThousandWords: number | null;
}

/**
 * A workspace account as the record holds it: never its password or password hash, which stay in
 * the database only (an account rebuilt from the record has none and cannot sign in until one is
 * set).
 */
export interface AccountRecord {
  username: string;
  displayName: string;
  role: string;
  disabled: boolean;
  createdAt: string;
  createdBy: string;
}

/** A change of an account's role or of whether it is disabled, with each value before and after. */
export interface AccountChangeRecord {
  username: string;
  role?: { from: string; to: string };
  disabled?: { from: boolean; to: boolean };
  changedBy: string;
  changedAt: string;
}

/**
 * That an account's password was set: by its owner (a change) or by someone else (a reset). Only
 * the fact, who and when: the password and its hash are never recorded.
 */
export interface PasswordSetRecord {
  username: string;
  setBy: string;
  setAt: string;
  reset: boolean;
}

/**
 * That the open data was published as one zip: its SHA-256 and size, and each file in it, so
 * anyone can check a downloaded copy against the signed record. The zip is kept in the document
 * store; no table holds it (the open data page reads the latest of these events).
 */
export interface OpenDataPublicationRecord {
  fileName: string;
  sha256: string;
  bytes: number;
  files: { name: string; bytes: number; sha256: string }[];
  /** How many events the record held when the zip was built: the zip is the register then. */
  recordSize: number;
  /** The site address its links start with. */
  baseUrl: string;
  publishedAt: string;
  publishedBy: string;
}

/**
 * An organisation's response to evidence about it (its right of reply): who sent it and when,
 * what it says, what it answers, the documents it came with, and the assurance it gave, if any
 * (recorded by an `assurance.recorded` event just before, in the same change).
 */
export interface ResponseRecord {
  id: number;
  organisationId: number;
  responderName: string;
  responderRole: string;
  receivedOn: string;
  text: string;
  answers: { kind: 'finding' | 'document' | 'assurance' | 'return'; id: number };
  documentIds: number[];
  assuranceId: number | null;
  recordedBy: string;
  recordedAt: string;
}
