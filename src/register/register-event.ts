/**
 * The events that change the register. Each carries everything needed to write its rows (ids
 * included), so the register's tables can be rebuilt from the record alone.
 */
export type RegisterEvent =
  | { type: 'organisations.imported'; payload: { organisations: OrganisationRecord[] } }
  | { type: 'organisation.linked'; payload: { link: OrganisationLinkRecord } }
  | { type: 'document.ingested'; payload: IngestedDocument }
  | { type: 'finding.decided'; payload: { decision: DecisionRecord } }
  | { type: 'assurance.recorded'; payload: { assurance: AssuranceRecord } }
  | { type: 'review.created'; payload: { review: ReviewRecord } }
  | { type: 'return.recorded'; payload: { return: ReturnRecord } };

/** The name of an event type. */
export type RegisterEventType = RegisterEvent['type'];

/** Every event type, for checking what the record holds. */
export const registerEventTypes: readonly RegisterEventType[] = [
  'organisations.imported',
  'organisation.linked',
  'document.ingested',
  'finding.decided',
  'assurance.recorded',
  'review.created',
  'return.recorded',
];

export interface OrganisationRecord {
  id: number;
  code: string;
  name: string;
  kind: string;
  region: string | null;
  formerNames: string[];
  sourceUrl: string | null;
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
  pages: { position: number; pageNumber: number | null; text: string }[];
  findings: FindingRecord[];
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
  public: boolean;
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
