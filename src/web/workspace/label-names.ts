import type { FindingStatus } from '../../register/findings/finding-status.js';
import type { Label } from '../../screening/finding.js';

/** Plain-English names of the screening labels, for filters and findings. */
export const labelNames: Readonly<Record<Label, string>> = {
  police_in_care: 'Police in care planning',
  coercion_sanctions: 'Coercion and sanctions',
  discrimination_hiu: 'Discrimination against high intensity users',
  sim_named: 'SIM by name',
  assurance: 'Assurance',
};

/** Plain-English names of the review statuses. */
export const findingStatusNames: Readonly<Record<FindingStatus, string>> = {
  pending: 'Pending',
  in_discussion: 'In discussion',
  confirmed: 'Confirmed',
  rejected: 'Rejected',
};
