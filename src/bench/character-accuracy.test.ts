import { describe, expect, it } from 'vitest';

import { characterAccuracy, editDistance } from './character-accuracy.js';

describe('characterAccuracy()', () => {
  it('is 1 for the same text wrapped and spaced differently', () => {
    expect(characterAccuracy('The ward  was\nclosed.', ' The ward was closed.\n\n')).toBe(1);
  });

  it('counts each substituted, missing or added character against the expected length', () => {
    // 20 characters expected; "rn" for "m" is one substitution and one insertion.
    expect(characterAccuracy('The ward was closed.', 'The ward was closed')).toBeCloseTo(0.95);
    expect(characterAccuracy('mmmmmmmmmm', 'rnmmmmmmmmm')).toBeCloseTo(0.8);
  });

  it('is 0 for nothing read', () => {
    expect(characterAccuracy('Some text', '')).toBe(0);
  });
});

describe('editDistance()', () => {
  it.each([
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
    ['flaw', 'lawn', 2],
    ['same', 'same', 0],
  ])('between "%s" and "%s" is %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});
