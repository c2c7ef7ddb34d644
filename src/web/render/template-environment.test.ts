import { describe, expect, it } from 'vitest';

import { formatDate, formatDateTime } from './template-environment.js';

describe('formatDate()', () => {
  it.each([
    ['2026-03-05', '5 March 2026'],
    ['2026-11-26T10:12:31.000Z', '26 November 2026'],
    ['2024-02-29', '29 February 2024'],
    ['2026-02-30', '2026-02-30'],
    ['2026-13-01', '2026-13-01'],
    ['next week', 'next week'],
  ])('shows %s as %s', (value, shown) => {
    expect(formatDate(value)).toBe(shown);
  });

  it('shows nothing for a missing date', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDate(undefined)).toBe('');
  });
});

describe('formatDateTime()', () => {
  it.each([
    ['2026-12-07T10:02:13.456Z', '7 December 2026 at 10:02:13 UTC'],
    ['2026-12-07T23:59:59+01:00', '7 December 2026 at 22:59:59 UTC'],
    ['2026-12-07', '2026-12-07'],
    ['soon', 'soon'],
  ])('shows %s as %s', (value, shown) => {
    expect(formatDateTime(value)).toBe(shown);
  });

  it('shows nothing for a missing time', () => {
    expect(formatDateTime(undefined)).toBe('');
  });
});
