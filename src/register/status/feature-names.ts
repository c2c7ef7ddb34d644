import type { Feature } from './register-facts.js';

/** Readable names of the features, for sentences such as "Confirmed evidence of SIM by name". */
export const featureNames: Readonly<Record<Feature, string>> = {
  police_in_care: 'police in care planning',
  coercion_sanctions: 'coercion and sanctions',
  discrimination_hiu: 'discrimination against high intensity users',
  sim_named: 'SIM by name',
};
