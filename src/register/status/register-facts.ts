// The plain facts about one organisation that the register's statuses are derived from.
// Storage maps its rows to these types; everything in this folder is a pure function of them.

/** The labels that are evidence of a practice ('assurance' is a screening label, not a feature). */
export const features = [
  'police_in_care',
  'coercion_sanctions',
  'discrimination_hiu',
  'sim_named',
] as const;

/** One feature of concern, or SIM by name. */
export type Feature = (typeof features)[number];

/** The kinds of organisation the register covers. */
export type OrganisationKind =
  | 'mental_health_trust'
  | 'ambulance_trust'
  | 'police_force'
  | 'integrated_care_board'
  | 'health_innovation_network'
  | 'other';

/** Everything the register knows about one organisation. */
export interface OrganisationFacts {
  organisation: {
    id: number;
    code: string;
    name: string;
    kind: OrganisationKind;
    region: string | null;
  };
  /** This organisation's returns to national reviews. */
  returns: ReturnFact[];
  assurances: AssuranceFact[];
  /** Confirmed findings only (confirmed by two different reviewers). */
  evidence: EvidenceFact[];
}

/** One return (or missing return) to a national review; dates are ISO `YYYY-MM-DD`. */
export interface ReturnFact {
  id: number;
  reviewId: number;
  reviewName: string;
  reviewClosesOn: string | null;
  responded: boolean;
  respondedOn: string | null;
  /** Null when the return did not say. */
  usedModel: boolean | null;
  usedFrom: string | null;
  /** Null with `usedModel` true means the return did not say that use ended. */
  usedUntil: string | null;
  continuingFeatures: Feature[];
}

/** What an assurance claims: never used, ended, will end, or one feature not used. */
export type AssuranceScope = 'never_used' | 'ended' | 'will_end' | 'feature_not_used';

/** One assurance an organisation gave, with when, by whom and where it is recorded. */
export interface AssuranceFact {
  id: number;
  /** ISO `YYYY-MM-DD`. */
  givenOn: string;
  givenBy: string;
  scope: AssuranceScope;
  /** The date use ended on (`ended`) or will end on (`will_end`). */
  scopeDate: string | null;
  /** The feature an assurance of scope `feature_not_used` is about. */
  feature: Feature | null;
  text: string;
  sourceDocumentId: number | null;
}

/** One confirmed finding: an excerpt of a document showing a feature. */
export interface EvidenceFact {
  findingId: number;
  documentId: number;
  documentTitle: string;
  /** ISO `YYYY-MM-DD` date of the document, null when it has none. */
  documentDate: string | null;
  page: number | null;
  feature: Feature;
  indicator: string;
  excerpt: string;
  /** What screening gave it: the model's probability, or the catalogue rules' strength. */
  score: number;
  /** The screening model that judged it; null when only the catalogue's rules did. */
  modelVersion: string | null;
}
