import { loadOrganisationFacts } from '../../register/load-organisation-facts.js';
import { listAtAGlance } from '../../register/status/at-a-glance.js';
import { computeNationalFigures } from '../../register/status/national-figures.js';
import type { RegisterDatabase } from '../../register/register-deps.js';
import {
  buildNationalFiguresView,
  type NationalFiguresView,
} from '../render/national-figures-view.js';
import { describeAtAGlance, type AtAGlanceView } from './at-a-glance-view.js';
import { listRecentChanges, type RecentChange } from './recent-changes.js';

/** What the home page shows: who to hold to account, the national figures, the latest changes. */
export interface HomeView {
  glance: AtAGlanceView;
  figures: NationalFiguresView;
  changes: RecentChange[];
}

/** How many changes the home page lists. */
export const recentChangesShown = 10;

/**
 * Reads the home page's lists and figures (computed from the records, the broken promises as of
 * `today`, an ISO day) and the register's latest changes.
 */
export async function loadHomeView(database: RegisterDatabase, today: string): Promise<HomeView> {
  const [facts, changes] = await Promise.all([
    loadOrganisationFacts(database.db),
    listRecentChanges(database, recentChangesShown),
  ]);
  return {
    glance: describeAtAGlance(listAtAGlance(facts, today)),
    figures: buildNationalFiguresView(computeNationalFigures(facts)),
    changes,
  };
}
