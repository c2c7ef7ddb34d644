import { describe, expect, it } from 'vitest';

import { formatPercent } from './format-percent.js';

describe('formatPercent()', () => {
  it.each([
    [0.217, undefined, '22%'],
    [0.4423512, 1, '44.2%'],
    [0, undefined, '0%'],
    [1, 1, '100.0%'],
    [0.5, undefined, '50%'],
  ])('shows %s with %s decimals as %s', (share, digits, shown) => {
    expect(formatPercent(share, digits)).toBe(shown);
  });

  it('says "less than" or "more than" rather than round a share to 0% or 100%', () => {
    expect(formatPercent(0.003)).toBe('less than 1%');
    expect(formatPercent(0.997)).toBe('more than 99%');
    expect(formatPercent(0.0004, 1)).toBe('less than 0.1%');
    expect(formatPercent(0.9996, 1)).toBe('more than 99.9%');
  });

  it('shows nothing for what is not a number', () => {
    expect(formatPercent(undefined)).toBe('');
    expect(formatPercent(Number.NaN)).toBe('');
    expect(formatPercent('0.5')).toBe('');
  });
});
