import type { FindingStatus } from '../../register/findings/finding-status.js';
import type { Label, Stance } from '../../screening/finding.js';

/** Plain-English names of the screening labels, for filters and findings. */
export const labelNames: Readonly<Record<Label, string>> = {
  police_in_care: 'Police in care planning',
  coercion_sanctions: 'Coercion and sanctions',
  discrimination_hiu: 'Discrimination against high intensity users',
  sim_named: 'SIM by name',
  assurance: 'Assurance',
};

/** The labels as they read inside a sentence: "the passage shows police in care planning". */
export const labelPhrases: Readonly<Record<Label, string>> = {
  police_in_care: 'police in care planning',
  coercion_sanctions: 'coercion or sanctions',
  discrimination_hiu: 'discrimination against high intensity users',
  sim_named: 'SIM by name',
  assurance: 'an assurance',
};

/** How a passage speaks, in words a reviewer reads beside the passage. */
export const stanceNames: Readonly<Record<Stance, string>> = {
  practice: 'Describes a practice',
  critique: 'Criticises a practice',
  assurance: 'Says a practice is not used (an assurance)',
  neutral: 'Neither describes a practice as done nor criticises it',
};

/** Plain-English names of the review statuses. */
export const findingStatusNames: Readonly<Record<FindingStatus, string>> = {
  pending: 'Pending',
  in_discussion: 'In discussion',
  confirmed: 'Confirmed',
  rejected: 'Rejected',
};
