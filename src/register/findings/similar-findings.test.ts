import { describe, expect, it } from 'vitest';

import { minimumSimilarity, mostSimilarFinding } from './similar-findings.js';

const unit = (...values: number[]) => {
  const length = Math.hypot(...values);
  return values.map((value) => value / length);
};

describe('mostSimilarFinding()', () => {
  const reviewed = [
    { id: 1, status: 'confirmed' as const, sketch: unit(1, 0, 0) },
    { id: 2, status: 'rejected' as const, sketch: unit(1, 1, 0) },
    { id: 3, status: 'confirmed' as const, sketch: unit(0, 0, 1) },
  ];

  it('finds the reviewed finding whose sketch is nearest', () => {
    expect(mostSimilarFinding(unit(1, 0.9, 0), reviewed, { exceptId: 9 })).toEqual({
      id: 2,
      status: 'rejected',
      similarity: expect.closeTo(0.999, 3) as number,
    });
  });

  it('leaves out the finding itself', () => {
    expect(mostSimilarFinding(unit(1, 0, 0), reviewed, { exceptId: 1 })?.id).toBe(2);
  });

  it('finds none when none is similar enough', () => {
    expect(minimumSimilarity).toBe(0.5);
    expect(mostSimilarFinding(unit(0, 1, 0), reviewed, { exceptId: 9 })?.id).toBe(2);
    expect(mostSimilarFinding(unit(0, 1, -1), reviewed, { exceptId: 9 })).toBeUndefined();
    expect(mostSimilarFinding(unit(1, 0, 0), [], { exceptId: 9 })).toBeUndefined();
  });
});
