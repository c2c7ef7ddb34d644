import type { AppDeps } from '../../app/create-app-deps.js';
import { loadOrganisationFacts } from '../../register/load-organisation-facts.js';
import { listOrganisations } from '../../register/organisations/organisations-repository.js';
import { createVersionedCache } from '../render/versioned-cache.js';
import { summariseOrganisation, type OrganisationSummary } from './organisation-summary.js';

/**
 * Every organisation's summary (status, evidence, region...) at a version of the register, read
 * once per change and then kept: what the list of organisations and the map are both made from.
 */
export function createOrganisationSummaries(
  db: AppDeps['database']['db'],
): (version: number) => Promise<OrganisationSummary[]> {
  const summaries = createVersionedCache<OrganisationSummary[]>({ maxEntries: 1 });
  return (version) =>
    summaries.get('all', version, async () => {
      const [facts, organisations] = await Promise.all([
        loadOrganisationFacts(db),
        listOrganisations(db),
      ]);
      const byCode = new Map(organisations.map((each) => [each.code, each]));
      return facts.map((each) => {
        const organisation = byCode.get(each.organisation.code);
        return summariseOrganisation(each, {
          formerNames: organisation?.formerNames ?? [],
          icbCode: organisation?.icbCode ?? null,
          closed: organisation?.closed ?? null,
        });
      });
    });
}
