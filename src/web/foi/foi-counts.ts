import { todayOf } from '../../register/calendar-date.js';
import {
  foiCountsByOrganisation,
  type FoiOrganisationCounts,
} from '../../register/foi/foi-service.js';
import type { RegisterDeps } from '../../register/register-deps.js';
import { createVersionedCache } from '../render/versioned-cache.js';
import { requestCountText } from './foi-view.js';

/** An organisation's requests as its page shows them: the counts and "12 requests, 3 overdue". */
export type FoiCountsLine = FoiOrganisationCounts & { text: string };

/**
 * Every organisation's counts of requests, read once per change of the register and per day
 * (a request becomes overdue with the passing of days, not only with events).
 */
export function createFoiCounts(
  deps: RegisterDeps,
): (version: number) => Promise<Map<string, FoiCountsLine>> {
  const cache = createVersionedCache<Map<string, FoiCountsLine>>({ maxEntries: 2 });
  return (version) => {
    const today = todayOf(deps.now());
    return cache.get(today, version, async () => {
      const counts = await foiCountsByOrganisation(deps, today);
      return new Map(
        [...counts].map(([code, each]) => [code, { ...each, text: requestCountText(each) }]),
      );
    });
  };
}
