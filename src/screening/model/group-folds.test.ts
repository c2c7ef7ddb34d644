import { describe, expect, it } from 'vitest';
import { assignFolds } from './group-folds.js';

describe('assignFolds()', () => {
  const groups = ['a', 'a', 'a', 'b', 'b', 'c', 'd', 'd', 'e', 'f'];

  it('never splits a group between folds, and balances the folds by items', () => {
    const folds = assignFolds(groups, 3);
    for (const group of new Set(groups)) {
      const of = new Set(folds.filter((_, index) => groups[index] === group));
      expect(of.size).toBe(1);
    }
    const sizes = [0, 1, 2].map((fold) => folds.filter((each) => each === fold).length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it('gives the same folds every time', () => {
    expect(assignFolds(groups, 3)).toEqual(assignFolds([...groups], 3));
  });
});
