import { organisationKinds } from '../../register/organisations/organisation.js';
import { unknownRegion } from '../../register/status/national-figures.js';
import { statusOrder, type StatusCode } from '../../register/status/organisation-status.js';
import {
  features,
  type Feature,
  type OrganisationKind,
} from '../../register/status/register-facts.js';
import type { OrganisationSummary } from './organisation-summary.js';

/** The orders the list of organisations can be sorted in. */
export const organisationSorts = ['name', 'status', 'evidence'] as const;

/** One order of the list: by name, by how serious the status is, or by most evidence. */
export type OrganisationSort = (typeof organisationSorts)[number];

/** What the list of organisations is narrowed to and sorted by. */
export interface OrganisationQuery {
  kind: OrganisationKind | null;
  status: StatusCode | null;
  region: string | null;
  feature: Feature | null;
  sort: OrganisationSort;
}

/** A problem with the query, for the error summary: the message and the field it is about. */
export interface QueryError {
  text: string;
  href: string;
}

/**
 * Reads the list's filters and order from the query string. An empty value means "any"; a value
 * that is not one of the choices (an old link, a typing slip) is an error naming the field, so
 * that a person is never shown a list filtered differently from what they asked for.
 */
export function parseOrganisationQuery(
  query: Readonly<Record<string, unknown>>,
  regions: readonly string[],
): { query: OrganisationQuery; errors: QueryError[] } {
  const errors: QueryError[] = [];
  const choose = <T extends string>(
    name: string,
    choices: readonly T[],
    message: string,
  ): T | null => {
    const value = query[name];
    if (value === undefined || value === '') return null;
    const found = choices.find((choice) => choice === value);
    if (found === undefined) errors.push({ text: message, href: `#${name}` });
    return found ?? null;
  };
  const parsed: OrganisationQuery = {
    kind: choose('kind', organisationKinds, 'Choose a kind of organisation from the list'),
    status: choose('status', statusOrder, 'Choose a status from the list'),
    region: choose('region', regions, 'Choose a region from the list'),
    feature: choose('feature', features, 'Choose a feature from the list'),
    sort: choose('sort', organisationSorts, 'Choose how to sort the list') ?? 'name',
  };
  return { query: parsed, errors };
}

/** The organisations that match the query's filters, in its order (ties by name, then code). */
export function selectOrganisations(
  all: readonly OrganisationSummary[],
  query: OrganisationQuery,
): OrganisationSummary[] {
  const matching = all.filter(
    (each) =>
      (query.kind === null || each.kind === query.kind) &&
      (query.status === null || each.status === query.status) &&
      (query.region === null || each.region === query.region) &&
      (query.feature === null || each.featuresUsed.includes(query.feature)),
  );
  const byName = (a: OrganisationSummary, b: OrganisationSummary) =>
    a.name.localeCompare(b.name, 'en-GB') || a.code.localeCompare(b.code, 'en-GB');
  const order: Record<
    OrganisationSort,
    (a: OrganisationSummary, b: OrganisationSummary) => number
  > = {
    name: byName,
    status: (a, b) => statusOrder.indexOf(a.status) - statusOrder.indexOf(b.status) || byName(a, b),
    evidence: (a, b) => b.evidence - a.evidence || byName(a, b),
  };
  return [...matching].sort(order[query.sort]);
}

/** The regions to offer as filters: each region recorded, by name, "Unknown region" last. */
export function listRegions(all: readonly OrganisationSummary[]): string[] {
  return [...new Set(all.map((each) => each.region))].sort((a, b) =>
    a === unknownRegion ? 1 : b === unknownRegion ? -1 : a.localeCompare(b, 'en-GB'),
  );
}
