import type { ContradictionGroup } from './contradiction-groups.js';
import type { Contradiction } from './contradictions.js';
import type { Feature } from './register-facts.js';

/** The statuses, most serious first: a status is chosen by the first rule that holds. */
export const statusOrder = [
  'contradicted',
  'continuing',
  'used_ended',
  'assured_not_used',
  'no_response',
  'not_yet_reviewed',
] as const;

/** One status of an organisation in the register. */
export type StatusCode = (typeof statusOrder)[number];

/** The plain-English label shown for each status. */
export const statusLabels: Readonly<Record<StatusCode, string>> = {
  contradicted: 'Evidence contradicts an assurance',
  continuing: 'Appears to be continuing',
  used_ended: 'Used, says it has ended',
  assured_not_used: 'Says not used',
  no_response: 'Did not respond',
  not_yet_reviewed: 'Not yet reviewed',
};

/** What is known of one feature: continuing, ended, or not known. */
export type FeatureState = 'continuing' | 'ended' | 'not_known';

/** The record a reason rests on; an evidence source's id is the finding's id. */
export interface ReasonSource {
  kind: 'return' | 'assurance' | 'evidence';
  id: number;
}

/** One plain-English reason for a status, citing the record it rests on (null when none). */
export interface StatusReason {
  text: string;
  source: ReasonSource | null;
}

/** An organisation's derived status, with its reasons, feature states and contradictions. */
export interface OrganisationStatus {
  status: StatusCode;
  label: string;
  reasons: StatusReason[];
  features: Record<Feature, FeatureState>;
  /** Each pair of assurance and contradicting finding (as the open data gives them). */
  contradictions: Contradiction[];
  /** The same contradictions, one per assurance and document, naming its features. */
  contradictionGroups: ContradictionGroup[];
}
