import { loadOrganisationFacts } from '../../register/load-organisation-facts.js';
import { deriveStatus } from '../../register/status/derive-status.js';
import type { StatusCode } from '../../register/status/organisation-status.js';
import type { OrganisationKind } from '../../register/status/register-facts.js';
import { readOrganisationRecord } from '../../register/organisations/organisation-page-repository.js';
import type { RegisterDatabase } from '../../register/register-deps.js';
import {
  organisationDetailOf,
  organisationSummaryOf,
  type ApiOrganisationDetail,
  type ApiOrganisationSummary,
} from './api-views.js';

/** Filters of the organisation list; each one given narrows it. */
export interface OrganisationFilters {
  kind?: OrganisationKind;
  status?: StatusCode;
  region?: string;
}

/** Every organisation with its derived status, by name, filtered. */
export async function listPublicOrganisations(
  db: RegisterDatabase['db'],
  filters: OrganisationFilters = {},
): Promise<ApiOrganisationSummary[]> {
  const all = await loadOrganisationFacts(db);
  return all
    .filter(
      (facts) =>
        (filters.kind === undefined || facts.organisation.kind === filters.kind) &&
        (filters.region === undefined || facts.organisation.region === filters.region),
    )
    .map((facts) => organisationSummaryOf(facts, deriveStatus(facts)))
    .filter((summary) => filters.status === undefined || summary.status === filters.status);
}

/** One organisation with everything public about it, or undefined when no code matches. */
export async function findPublicOrganisation(
  db: RegisterDatabase['db'],
  code: string,
): Promise<ApiOrganisationDetail | undefined> {
  const record = await readOrganisationRecord(db, code);
  if (!record) return undefined;
  return organisationDetailOf(record.facts, deriveStatus(record.facts), {
    formerNames: record.formerNames,
    sourceUrl: record.sourceUrl,
    assuranceSources: new Map([...record.assuranceSources].map(([id, { source }]) => [id, source])),
  });
}
