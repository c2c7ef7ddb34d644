import { describe, expect, it } from 'vitest';

import { createSeededRandom } from './seeded-random.js';

describe('createSeededRandom()', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const sequence = (seed: number) => {
      const random = createSeededRandom(seed);
      return Array.from({ length: 5 }, () => random.next());
    };
    expect(sequence(42)).toEqual(sequence(42));
    expect(sequence(42)).not.toEqual(sequence(43));
    expect(sequence(42).every((value) => value >= 0 && value < 1)).toBe(true);
  });

  it('picks whole numbers within bounds, both ends included', () => {
    const random = createSeededRandom(7);
    const seen = new Set(Array.from({ length: 200 }, () => random.between(1, 3)));
    expect([...seen].sort()).toEqual([1, 2, 3]);
  });
});
