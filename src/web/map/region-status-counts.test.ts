import { describe, expect, it } from 'vitest';

import type { StatusCode } from '../../register/status/organisation-status.js';
import { countRegionStatuses } from './region-status-counts.js';

type Organisation = { region: string; status: StatusCode; closed: string | null };
const open = (region: string, status: StatusCode): Organisation => ({
  region,
  status,
  closed: null,
});

/** The non-zero counts of one row, as "status=count" in the order of the statuses. */
function countsOf(organisations: Organisation[], region: string): string {
  const row = countRegionStatuses(organisations).rows.find((each) => each.region === region);
  if (!row) throw new Error(`No row for ${region}`);
  return Object.entries(row.counts)
    .filter(([, count]) => count > 0)
    .map(([status, count]) => `${status}=${count}`)
    .join(' ');
}

describe('countRegionStatuses()', () => {
  it.each<[string, Organisation[], string, string]>([
    ['nothing', [], 'London', ''],
    ['one organisation', [open('London', 'continuing')], 'London', 'continuing=1'],
    [
      'several statuses in one region',
      [open('London', 'continuing'), open('London', 'continuing'), open('London', 'no_response')],
      'London',
      'continuing=2 no_response=1',
    ],
    [
      'older names of parts of a region in that region',
      [open('North East', 'contradicted'), open('Yorkshire and the Humber', 'used_ended')],
      'North East and Yorkshire',
      'contradicted=1 used_ended=1',
    ],
    [
      'East and West Midlands together',
      [open('East Midlands', 'assured_not_used'), open('West Midlands', 'assured_not_used')],
      'Midlands',
      'assured_not_used=2',
    ],
    [
      'no region, or one outside England, together',
      [open('Unknown region', 'not_yet_reviewed'), open('Wales', 'not_yet_reviewed')],
      'No region or outside England',
      'not_yet_reviewed=2',
    ],
    [
      'only open organisations',
      [
        open('London', 'continuing'),
        { region: 'London', status: 'contradicted', closed: '2024-03-31' },
      ],
      'London',
      'continuing=1',
    ],
    ['other regions not here', [open('South West', 'continuing')], 'London', ''],
  ])('counts %s', (_name, organisations, region, expected) => {
    expect(countsOf(organisations, region)).toBe(expected);
  });

  it('has a row for each of the seven regions and the rest, in order, even when empty', () => {
    expect(countRegionStatuses([]).rows.map((row) => row.region)).toEqual([
      'North East and Yorkshire',
      'North West',
      'Midlands',
      'East of England',
      'London',
      'South East',
      'South West',
      'No region or outside England',
    ]);
  });

  it('adds up rows and columns to the totals, and counts the closed apart', () => {
    const counts = countRegionStatuses([
      open('London', 'continuing'),
      open('North West', 'continuing'),
      open('Wales', 'no_response'),
      { region: 'London', status: 'continuing', closed: '2021-05-31' },
    ]);
    expect(counts.totals.total).toBe(3);
    expect(counts.totals.counts.continuing).toBe(2);
    expect(counts.totals.counts.no_response).toBe(1);
    expect(counts.rows.reduce((sum, row) => sum + row.total, 0)).toBe(3);
    for (const row of counts.rows)
      expect(row.total).toBe(Object.values(row.counts).reduce((sum, count) => sum + count, 0));
    expect(counts.closed).toBe(1);
  });
});
