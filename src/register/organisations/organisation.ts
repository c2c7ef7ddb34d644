import type { OrganisationKind } from '../status/register-facts.js';

/** Every kind of organisation, in the order lists show them. */
export const organisationKinds: readonly OrganisationKind[] = [
  'mental_health_trust',
  'ambulance_trust',
  'police_force',
  'integrated_care_board',
  'health_innovation_network',
  'other',
];

/** Plain-English names of the kinds. */
export const organisationKindNames: Record<OrganisationKind, string> = {
  mental_health_trust: 'Mental health trust',
  ambulance_trust: 'Ambulance trust',
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
  /** ODS code of the integrated care board a trust sits in (by its headquarters); null otherwise. */
  icbCode: string | null;
  /** When it opened (ISO `YYYY-MM-DD`), if known. */
  opened: string | null;
  /** When it closed (ISO `YYYY-MM-DD`); null while it is open. */
  closed: string | null;
  /** Codes of the organisations that took over its work when it closed (one, or several if it split). */
  successorCodes: string[];
}

/** The lifecycle fields: when an organisation opened and closed, what succeeded it, its ICB. */
export type OrganisationLifecycle = Pick<
  Organisation,
  'icbCode' | 'opened' | 'closed' | 'successorCodes'
>;

/**
 * An organisation read from a reference list or a form, before it has an id. Lifecycle fields it
 * leaves out keep what the register already holds (nothing, for a new organisation).
 */
export type OrganisationInput = Omit<Organisation, 'id' | keyof OrganisationLifecycle> &
  Partial<OrganisationLifecycle>;

/** Whether an organisation is still open on a day (ISO `YYYY-MM-DD`): not closed on or before it. */
export function isCurrentOrganisation(
  organisation: Pick<Organisation, 'closed'>,
  today: string,
): boolean {
  return organisation.closed === null || organisation.closed >= today;
}

/** The kind named by stored text; `other` for anything unknown. */
export function organisationKindOf(text: string): OrganisationKind {
  return organisationKinds.find((kind) => kind === text) ?? 'other';
}
