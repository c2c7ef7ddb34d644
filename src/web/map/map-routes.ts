import { countEvents } from '../../register/ledger/record-reads.js';
import { statusLabels, statusOrder } from '../../register/status/organisation-status.js';
import { createOrganisationSummaries } from '../organisations/organisation-summaries.js';
import type { RouteModule } from '../route-module.js';
import { countRegionStatuses } from './region-status-counts.js';
import { mapPatternId, mapStatusNames, renderRegionMap } from './region-map-svg.js';

/** The list of organisations in one region (one of the seven, or the rest). */
export function regionListUrl(region: string): string {
  return `/organisations?${new URLSearchParams({ region }).toString()}`;
}

/**
 * The map of England by status: a tile for each NHS England region with how many of its open
 * organisations have each status, and the same figures in a table below. Made from the same
 * summaries as the list of organisations, and cached until the register changes.
 */
export const mapRoutes: RouteModule = (app, { deps }) => {
  const summariesAt = createOrganisationSummaries(deps.database.db);

  app.get('/map', { config: { access: 'public', pageCache: true } }, async (_request, reply) => {
    const counts = countRegionStatuses(await summariesAt(await countEvents(deps.database.db)));
    const map = renderRegionMap(counts.rows, {
      id: 'region-map',
      title: 'Schematic map of England by NHS England region and status',
      description:
        'Each region is a tile placed roughly where it is, not to scale, with how many open organisations it has in each status. Each tile links to the organisations in that region. The same figures are in the table below the map.',
      hrefOf: regionListUrl,
    });
    return reply.page('pages/map.njk', {
      title: 'Map of organisations by region and status',
      map,
      counts,
      statuses: statusOrder.map((status) => ({
        code: status,
        label: statusLabels[status],
        shortName: mapStatusNames[status],
        patternId: mapPatternId(status),
      })),
      rows: counts.rows.map((row) => ({ ...row, href: regionListUrl(row.region) })),
    });
  });
};
