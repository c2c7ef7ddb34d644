import type { BindingActionKind } from '../../coproduction/consent-statement.js';
import type {
  AccessRecord,
  ActionSubject,
  Comment,
  DraftsOnDissolution,
  Meeting,
  PublicationKind,
  PublicSignature,
} from '../../coproduction/agreement.js';

/**
 * What the `agreement.*` events carry: everything needed to write their rows, ids included, so
 * that replaying the record rebuilds the co-production tables exactly.
 */

/** An agreement as set up, with its parties, its first terms and action 1 (consent to them). */
export interface AgreementCreatedRecord {
  agreement: {
    id: number;
    ref: string;
    title: string;
    purpose: string;
    principles: string[];
    draftsOnDissolution: DraftsOnDissolution;
    createdAt: string;
    createdBy: string;
  };
  parties: PartyRecord[];
  terms: TermsRecord;
  action: ActionRecord;
}

/** A party as it joins (at set-up, or when an `add_party` action is carried out). */
export interface PartyRecord {
  id: number;
  agreementId: number;
  name: string;
  organisationCode: string | null;
  publicKeyPem: string;
  keyId: string;
  joinedAt: string;
  members: { username: string; mayAct: boolean }[];
}

/** A version of the terms (adoptedAt null while the first terms await every party's consent). */
export interface TermsRecord {
  agreementId: number;
  version: number;
  text: string;
  hash: string;
  adoptedAt: string | null;
  actionId: number;
}

/** A member added to a party, changed (may act or not) or removed, by a member who may act. */
export interface MemberChangeRecord {
  partyId: number;
  username: string;
  mayAct: boolean;
  removed: boolean;
  changedBy: string;
  changedAt: string;
}

/** A new version of a joint document, with the document itself when it is its first. */
export interface DocumentVersionRecord {
  document: {
    id: number;
    agreementId: number;
    title: string;
    createdAt: string;
    createdBy: string;
  } | null;
  version: {
    documentId: number;
    number: number;
    content: string;
    hash: string;
    createdAt: string;
    createdBy: string;
    partyId: number;
    note: string;
  };
}

/** A comment anchored to a passage of a version. */
export type CommentRecord = Comment;

/** A meeting or decision with who was present and who was told. */
export type MeetingRecord = Meeting;

/** A binding action as proposed (its state follows from the consents and carrying out). */
export interface ActionRecord {
  id: number;
  agreementId: number;
  number: number;
  kind: BindingActionKind;
  subject: ActionSubject;
  subjectHash: string;
  effectiveOn: string | null;
  proposedAt: string;
  proposedBy: string;
  proposedByPartyId: number;
}

/** A party's signed consent to an action. */
export interface ConsentRecord {
  id: number;
  actionId: number;
  partyId: number;
  givenBy: string;
  givenAt: string;
  signature: string;
}

/** A party's consent withdrawn before the action was carried out. */
export interface WithdrawalRecord {
  consentId: number;
  actionId: number;
  partyId: number;
  withdrawnAt: string;
  withdrawnBy: string;
}

/** An action carried out, with what it wrote. */
export interface CarriedOutRecord {
  actionId: number;
  agreementId: number;
  carriedOutAt: string;
  carriedOutBy: string;
  /** For `publish` and `public_statement`: the publication. */
  publication: PublicationRecord | null;
  /** For `change_terms`: the terms adopted (for action 1, the first terms, now adopted). */
  terms: TermsRecord | null;
  /** Whether it made an agreement awaiting its terms active (action 1). */
  activates: boolean;
  addedParty: PartyRecord | null;
  removedPartyId: number | null;
}

/** A publication as written (the agreement's ref and title are read from the agreement). */
export interface PublicationRecord {
  id: number;
  agreementId: number;
  kind: PublicationKind;
  actionId: number;
  documentId: number | null;
  documentTitle: string | null;
  versionNumber: number | null;
  subjectHash: string;
  effectiveOn: string | null;
  text: string | null;
  statement: { partyId: number; partyName: string; text: string; signature: string } | null;
  signatures: PublicSignature[];
  publishedAt: string;
  publishedBy: string;
}

/** An agreement dissolved by one of its parties. */
export interface DissolutionRecord {
  agreementId: number;
  partyId: number;
  reason: string;
  at: string;
  by: string;
}

/** A view or download of a draft (a download's mark seed included). */
export type AccessRecordRecord = AccessRecord;
