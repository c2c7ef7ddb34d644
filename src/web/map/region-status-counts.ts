import {
  nhsEnglandRegions,
  outsideEngland,
  regionAreaOf,
  type RegionArea,
} from '../../register/organisations/nhs-england-region.js';
import { statusOrder, type StatusCode } from '../../register/status/organisation-status.js';
import type { OrganisationSummary } from '../organisations/organisation-summary.js';

/** How many open organisations one region (or the rest) has in each status, and in all. */
export interface RegionStatusRow {
  region: RegionArea;
  counts: Record<StatusCode, number>;
  total: number;
}

/** The map's figures: one row per NHS England region, then the rest, then the totals. */
export interface RegionStatusCounts {
  /** The seven regions in their usual order, then "No region or outside England". */
  rows: RegionStatusRow[];
  totals: Omit<RegionStatusRow, 'region'>;
  /** Closed organisations, left out of every count. */
  closed: number;
}

/**
 * Counts the organisations open now (no closing date recorded) by NHS England region and status,
 * from the same summaries as the list of organisations. Every region has a row, even with none.
 */
export function countRegionStatuses(
  all: readonly Pick<OrganisationSummary, 'region' | 'status' | 'closed'>[],
): RegionStatusCounts {
  const emptyCounts = () =>
    Object.fromEntries(statusOrder.map((status) => [status, 0])) as Record<StatusCode, number>;
  const areas: RegionArea[] = [...nhsEnglandRegions, outsideEngland];
  const rows: RegionStatusRow[] = areas.map((region) => ({
    region,
    counts: emptyCounts(),
    total: 0,
  }));
  const totals = { counts: emptyCounts(), total: 0 };
  let closed = 0;
  for (const organisation of all) {
    if (organisation.closed !== null) {
      closed += 1;
      continue;
    }
    const row = rows.find((each) => each.region === regionAreaOf(organisation.region));
    for (const tally of [row, totals]) {
      if (!tally) continue;
      tally.counts[organisation.status] += 1;
      tally.total += 1;
    }
  }
  return { rows, totals, closed };
}
