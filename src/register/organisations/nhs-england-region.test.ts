import { describe, expect, it } from 'vitest';

import { findNhsEnglandRegion, nhsEnglandRegions, regionAreaOf } from './nhs-england-region.js';

describe('findNhsEnglandRegion()', () => {
  it.each<[string | null, string | undefined]>([
    ['North East and Yorkshire', 'North East and Yorkshire'],
    ['North East', 'North East and Yorkshire'],
    ['Yorkshire and the Humber', 'North East and Yorkshire'],
    ['Yorkshire & Humber', 'North East and Yorkshire'],
    ['north east & yorkshire', 'North East and Yorkshire'],
    ['East Midlands', 'Midlands'],
    ['West Midlands', 'Midlands'],
    ['Midlands', 'Midlands'],
    ['East of England', 'East of England'],
    ['NHS England London', 'London'],
    ['London region', 'London'],
    ['  South  West ', 'South West'],
    ['South East', 'South East'],
    ['North West', 'North West'],
    ['Wales', undefined],
    ['Scotland', undefined],
    ['Unknown region', undefined],
    ['', undefined],
    ['toString', undefined],
    [null, undefined],
  ])('finds %j as %j', (region, expected) => {
    expect(findNhsEnglandRegion(region)).toBe(expected);
  });

  it('finds each of the seven regions as itself', () => {
    for (const region of nhsEnglandRegions) expect(findNhsEnglandRegion(region)).toBe(region);
  });
});

describe('regionAreaOf()', () => {
  it('counts no region, or one outside the seven, as outside England', () => {
    expect(regionAreaOf(null)).toBe('No region or outside England');
    expect(regionAreaOf('Wales')).toBe('No region or outside England');
    expect(regionAreaOf('Yorkshire and the Humber')).toBe('North East and Yorkshire');
  });
});
