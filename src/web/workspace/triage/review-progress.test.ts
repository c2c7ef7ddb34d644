import { describe, expect, it } from 'vitest';

import type { Decision } from '../../../register/findings/finding-status.js';
import { reviewProgress } from './review-progress.js';

const confirm = (reviewer: string): Decision => ({ reviewer, decision: 'confirm' });
const reject = (reviewer: string): Decision => ({ reviewer, decision: 'reject' });

describe('reviewProgress()', () => {
  it.each([
    ['no decision', [], 'Needs confirmation by 2 different reviewers; 0 of 2 so far'],
    [
      'one confirmation',
      [confirm('rita')],
      'Needs confirmation by 2 different reviewers; 1 of 2 so far (by rita)',
    ],
    [
      'the same reviewer twice',
      [confirm('rita'), confirm('rita')],
      'Needs confirmation by 2 different reviewers; 1 of 2 so far (by rita)',
    ],
    [
      'two reviewers confirming',
      [confirm('rita'), confirm('sam')],
      'Confirmed by 2 different reviewers (rita and sam)',
    ],
    ['one rejection', [confirm('rita'), reject('sam')], /^Rejected by sam: needs confirmation/],
    [
      'two rejections',
      [reject('rita'), reject('sam')],
      'Rejected by 2 different reviewers (rita and sam)',
    ],
    [
      'a confirmation after a rejection',
      [reject('rita'), confirm('sam')],
      'Needs confirmation by 2 different reviewers; 1 of 2 so far (by sam)',
    ],
  ] as const)('states the rule after %s', (_, decisions, expected) => {
    if (typeof expected === 'string') expect(reviewProgress(decisions)).toBe(expected);
    else expect(reviewProgress(decisions)).toMatch(expected);
  });
});
