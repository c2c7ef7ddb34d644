import { todayOf } from '../calendar-date.js';
import type { OrganisationKind } from '../status/register-facts.js';
import { isCurrentOrganisation, organisationKinds, type Organisation } from './organisation.js';

/** How many organisations of each kind, and how many are open and closed on a day. */
export interface OrganisationCounts {
  total: number;
  current: number;
  closed: number;
  byKind: Partial<Record<OrganisationKind, number>>;
}

/** Counts organisations by kind (kinds with none left out) and by whether they are open `now`. */
export function summariseOrganisations(
  organisations: readonly Pick<Organisation, 'kind' | 'closed'>[],
  now: Date,
): OrganisationCounts {
  const today = todayOf(now);
  const byKind: Partial<Record<OrganisationKind, number>> = {};
  for (const kind of organisationKinds) {
    const count = organisations.filter((organisation) => organisation.kind === kind).length;
    if (count > 0) byKind[kind] = count;
  }
  const current = organisations.filter((organisation) =>
    isCurrentOrganisation(organisation, today),
  ).length;
  return { total: organisations.length, current, closed: organisations.length - current, byKind };
}
