import type { OrganisationKind } from '../status/register-facts.js';

/** Every kind of organisation, in the order lists show them. */
export const organisationKinds: readonly OrganisationKind[] = [
  'mental_health_trust',
  'police_force',
  'integrated_care_board',
  'health_innovation_network',
  'other',
];

/** Plain-English names of the kinds. */
export const organisationKindNames: Record<OrganisationKind, string> = {
  mental_health_trust: 'Mental health trust',
  police_force: 'Police force',
  integrated_care_board: 'Integrated care board',
  health_innovation_network: 'Health innovation network',
  other: 'Other organisation',
};

/** An organisation as the register holds it. */
export interface Organisation {
  id: number;
  code: string;
  name: string;
  kind: OrganisationKind;
  region: string | null;
  formerNames: string[];
  sourceUrl: string | null;
}

/** An organisation read from a reference list, before it has an id. */
export type OrganisationInput = Omit<Organisation, 'id'>;

/** The kind named by stored text; `other` for anything unknown. */
export function organisationKindOf(text: string): OrganisationKind {
  return organisationKinds.find((kind) => kind === text) ?? 'other';
}
