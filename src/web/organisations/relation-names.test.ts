import { describe, expect, it } from 'vitest';

import { describeRelation } from './relation-names.js';

describe('describeRelation()', () => {
  it.each([
    ['commissions', 'from', 'Commissions'],
    ['commissions', 'to', 'Commissioned by'],
    ['works_with', 'to', 'Works with'],
    ['promoted_scheme_to', 'to', 'Scheme promoted by'],
    ['shares_staff_with', 'from', 'Shares staff with'],
    ['shares_staff_with', 'to', 'Shares staff with (linked from)'],
  ] as const)('%s read %s the organisation is "%s"', (relation, direction, expected) => {
    expect(describeRelation(relation, direction)).toBe(expected);
  });
});
