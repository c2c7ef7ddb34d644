import { describe, expect, it } from 'vitest';

import { formatDate } from './template-environment.js';

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
