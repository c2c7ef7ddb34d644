import type { OrganisationInput } from '../register/organisations/organisation.js';

/** A fictional mental health trust for tests that need one organisation to file papers under. */
export const northmoorTrust: OrganisationInput = {
  code: 'ZZT1',
  name: 'Northmoor Mental Health NHS Trust',
  kind: 'mental_health_trust',
  region: 'North',
  formerNames: [],
  sourceUrl: null,
};
