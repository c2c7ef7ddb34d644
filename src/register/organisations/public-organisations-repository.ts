import type { Kysely } from 'kysely';

import { loadOrganisationFacts } from '../load-organisation-facts.js';
import { deriveStatus } from '../status/derive-status.js';
import type { StatusCode } from '../status/organisation-status.js';
import type { OrganisationKind } from '../status/register-facts.js';
import type { DatabaseSchema } from '../../store/schema.js';
import {
  organisationDetailOf,
  organisationSummaryOf,
  type ApiOrganisationDetail,
  type ApiOrganisationSummary,
} from '../../web/open-data/api-views.js';

/** Filters of the organisation list; each one given narrows it. */
export interface OrganisationFilters {
  kind?: OrganisationKind;
  status?: StatusCode;
  region?: string;
}

/** Every organisation with its derived status, by name, filtered (four queries in all). */
export async function listPublicOrganisations(
  db: Kysely<DatabaseSchema>,
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
  db: Kysely<DatabaseSchema>,
  code: string,
): Promise<ApiOrganisationDetail | undefined> {
  const [facts] = await loadOrganisationFacts(db, code);
  if (!facts) return undefined;
  const [row, sources] = await Promise.all([
    db
      .selectFrom('organisations')
      .select(['former_names', 'source_url'])
      .where('id', '=', facts.organisation.id)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('assurances')
      .select(['id', 'source'])
      .where('organisation_id', '=', facts.organisation.id)
      .execute(),
  ]);
  return organisationDetailOf(facts, deriveStatus(facts), {
    formerNames: JSON.parse(row.former_names) as string[],
    sourceUrl: row.source_url,
    assuranceSources: new Map(sources.map((source) => [source.id, source.source])),
  });
}
