import type { BindingActionKind } from './consent-statement.js';

/**
 * Co-production: an agreement between parties (an NHS body and a service-user coalition, say) to
 * write policy together under principles every party signed up to. Every party has the same
 * powers; nothing that binds the agreement happens without each party's signed consent; drafts
 * are seen only by the parties' members, and every view and download is recorded.
 */

/** What happens to the drafts when an agreement is dissolved (set in the terms at the start). */
export const draftsOnDissolutionChoices = ['kept_confidential', 'released_to_parties'] as const;
export type DraftsOnDissolution = (typeof draftsOnDissolutionChoices)[number];

/** Plain-English words for each choice. */
export const draftsOnDissolutionText: Readonly<Record<DraftsOnDissolution, string>> = {
  kept_confidential:
    'Drafts stay confidential for good: members keep read-only access, and nothing is published',
  released_to_parties:
    'Each party may use the drafts as its own, but nothing is published as joint work',
};

/** Where an agreement stands. */
export type AgreementState =
  /** Set up, waiting for every party's consent to the terms (action 1); nothing binding can happen. */
  'awaiting_terms' | 'active' | 'dissolved';

export interface Agreement {
  id: number;
  /** A UUID made when it was set up: what consent statements name (see ConsentStatement). */
  ref: string;
  title: string;
  purpose: string;
  /** The principles agreed at the start, one each (confidentiality, equal partnership, ...). */
  principles: string[];
  draftsOnDissolution: DraftsOnDissolution;
  /** The terms in force (the latest adopted), or the proposed first terms while awaiting them. */
  terms: AgreementTerms;
  state: AgreementState;
  createdAt: string;
  createdBy: string;
  dissolution: Dissolution | null;
  parties: Party[];
}

export interface AgreementTerms {
  /** 1 for the terms set at the start, then one more each time a change of terms is carried out. */
  version: number;
  text: string;
  /** hashText(text). */
  hash: string;
  /** When every party's consent made them the terms (null while the first terms await it). */
  adoptedAt: string | null;
  /** The action that adopted them. */
  actionId: number;
}

export interface Dissolution {
  at: string;
  by: string;
  partyId: number;
  reason: string;
}

export interface Party {
  id: number;
  agreementId: number;
  name: string;
  /** The organisation in the register it is, when it is one (an NHS trust); null for a group. */
  organisationCode: string | null;
  /** Ed25519 public key (SPKI PEM): the private half is held by its members, never the server. */
  publicKeyPem: string;
  keyId: string;
  joinedAt: string;
  /** When a carried-out `remove_party` action removed it; null while it is a party. */
  leftAt: string | null;
  members: Member[];
}

export interface Member {
  partyId: number;
  /** A workspace account. */
  username: string;
  /** Whether they may act for the party (consent, withdraw, propose, publish) or only take part. */
  mayAct: boolean;
  addedAt: string;
  removedAt: string | null;
}

export interface JointDocument {
  id: number;
  agreementId: number;
  title: string;
  createdAt: string;
  createdBy: string;
  versions: VersionSummary[];
}

export type VersionSummary = Omit<DocumentVersion, 'content'>;

export interface DocumentVersion {
  documentId: number;
  /** 1, 2, 3, ... within the document. */
  number: number;
  /** Markdown, as canonicalText() left it. */
  content: string;
  /** The version hash: hashText(content). */
  hash: string;
  createdAt: string;
  createdBy: string;
  /** The party the author drafted for. */
  partyId: number;
  note: string;
}

/** Where a comment points: a quote with the text around it (W3C TextQuoteSelector). */
export interface TextQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

export interface Comment {
  id: number;
  documentId: number;
  /** The version the comment was made on; later versions place it again by its quote. */
  versionNumber: number;
  partyId: number;
  author: string;
  anchor: TextQuote;
  body: string;
  createdAt: string;
}

export type MeetingKind = 'meeting' | 'decision';

/** A meeting or a decision taken outside one, with who was there and who was told. */
export interface Meeting {
  id: number;
  agreementId: number;
  kind: MeetingKind;
  heldOn: string;
  title: string;
  summary: string;
  /** Parties present (or, for a decision, that took part). */
  presentPartyIds: number[];
  /** Parties not present that were told beforehand; any party in neither list was not told. */
  toldPartyIds: number[];
  recordedAt: string;
  recordedBy: string;
}

/** What a binding action binds (its subjectHash is over this, see subjectHashOf). */
export type ActionSubject =
  | { kind: 'publish'; documentId: number; versionNumber: number }
  | { kind: 'change_terms'; text: string }
  | { kind: 'add_party'; party: NewParty }
  | { kind: 'remove_party'; partyId: number }
  | { kind: 'public_statement'; text: string };

export interface NewParty {
  name: string;
  organisationCode: string | null;
  publicKeyPem: string;
  members: { username: string; mayAct: boolean }[];
}

export type ActionState =
  /** Some party has not consented (or withdrew). */
  | 'awaiting_consent'
  /** Every party consented; a publication waits for its date or for someone to carry it out. */
  | 'ready'
  | 'carried_out';

export interface BindingAction {
  id: number;
  agreementId: number;
  /** 1, 2, 3, ... within the agreement (what the consent statement names). */
  number: number;
  kind: BindingActionKind;
  subject: ActionSubject;
  subjectHash: string;
  /** For `publish`: the date agreed to publish on; null otherwise. */
  effectiveOn: string | null;
  proposedAt: string;
  proposedBy: string;
  proposedByPartyId: number;
  state: ActionState;
  carriedOutAt: string | null;
  carriedOutBy: string | null;
  consents: Consent[];
}

export interface Consent {
  id: number;
  actionId: number;
  partyId: number;
  /** The member who gave it (signed with the party's key). */
  givenBy: string;
  givenAt: string;
  /** Base64 Ed25519 signature over the action's ConsentStatement. */
  signature: string;
  withdrawnAt: string | null;
  withdrawnBy: string | null;
}

/** A party's signature as shown publicly with what it signed. */
export interface PublicSignature {
  partyId: number;
  partyName: string;
  keyId: string;
  publicKeyPem: string;
  signature: string;
  givenAt: string;
}

export type PublicationKind =
  /** An agreed version, published with every party's consent. */
  | 'version'
  /** A public statement about the work, with every party's consent. */
  | 'public_statement'
  /**
   * A party's statement that a version was agreed for publication on a date that has passed
   * without it being published, with the signatures over its hash as proof (the text is not
   * published: consent to that may have been withdrawn since).
   */
  | 'agreed_not_published';

/** What the public sees of an agreement's work (everything else is confidential). */
export interface Publication {
  id: number;
  agreementId: number;
  agreementRef: string;
  agreementTitle: string;
  kind: PublicationKind;
  actionId: number;
  actionNumber: number;
  /** For a version or an agreed-not-published statement: the document, version and hash. */
  documentTitle: string | null;
  versionNumber: number | null;
  /** The hash every signature binds (the version hash, or the statement text's hash). */
  subjectHash: string;
  effectiveOn: string | null;
  /** The published text (the version, or the public statement); null for agreed_not_published. */
  text: string | null;
  /** For agreed_not_published: the party's own words, signed with its key. */
  statement: { partyId: number; partyName: string; text: string; signature: string } | null;
  signatures: PublicSignature[];
  publishedAt: string;
  publishedBy: string;
}

export type AccessKind = 'view' | 'download';

/** A recorded view or download of a draft. */
export interface AccessRecord {
  id: number;
  agreementId: number;
  documentId: number;
  versionNumber: number;
  username: string;
  partyId: number;
  kind: AccessKind;
  at: string;
  /** For a download: the secret seed its recipient's mark was made from (hex); null for a view. */
  markSeed: string | null;
}
