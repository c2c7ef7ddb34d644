import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../../seeded-random.js';
import { fitPlatt } from './fit-calibrated.js';
import { sigmoid } from './logistic-regression.js';

describe('fitPlatt()', () => {
  it('recovers the slope and intercept of scores drawn from a logistic model', () => {
    const random = createSeededRandom(5);
    const scores: number[] = [];
    const targets: number[] = [];
    for (let draw = 0; draw < 20_000; draw += 1) {
      const score = random.next() * 8 - 4;
      scores.push(score);
      targets.push(random.next() < sigmoid(0.5 * score - 1) ? 1 : 0);
    }
    const { slope, intercept } = fitPlatt(scores, targets);
    expect(slope).toBeCloseTo(0.5, 1);
    expect(intercept).toBeCloseTo(-1, 1);
  });

  it('gives no certainty for a perfectly separated set, and leaves one class alone', () => {
    const { slope, intercept } = fitPlatt([-2, -1, 1, 2], [0, 0, 1, 1]);
    expect(sigmoid(slope * 2 + intercept)).toBeLessThan(0.9);
    expect(fitPlatt([1, 2], [1, 1])).toEqual({ slope: 1, intercept: 0 });
  });

  it('gives the base rate when held-out scores rank the passages the wrong way round', () => {
    const { slope, intercept } = fitPlatt([2, 1, -1, -2], [0, 0, 1, 1]);
    expect(slope).toBe(0);
    expect(sigmoid(intercept)).toBeCloseTo(0.5);
  });
});
