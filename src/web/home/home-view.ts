import { loadOrganisationFacts } from '../../register/load-organisation-facts.js';
import { computeNationalFigures } from '../../register/status/national-figures.js';
import type { RegisterDatabase } from '../../register/register-deps.js';
import {
  buildNationalFiguresView,
  type NationalFiguresView,
} from '../render/national-figures-view.js';
import { listRecentChanges, type RecentChange } from './recent-changes.js';

/** What the home page shows: the national figures and the latest changes. */
export interface HomeView {
  figures: NationalFiguresView;
  changes: RecentChange[];
}

/** How many changes the home page lists. */
export const recentChangesShown = 10;

/** Reads the home page's figures (computed from the records) and the register's latest changes. */
export async function loadHomeView(database: RegisterDatabase): Promise<HomeView> {
  const [facts, changes] = await Promise.all([
    loadOrganisationFacts(database.db),
    listRecentChanges(database, recentChangesShown),
  ]);
  return { figures: buildNationalFiguresView(computeNationalFigures(facts)), changes };
}
