import { describe, expect, it } from 'vitest';

import { confirmedAt, type TimedDecision } from './confirmed-at.js';

const confirm = (reviewer: string, decidedAt: string): TimedDecision => ({
  reviewer,
  decision: 'confirm',
  decidedAt,
});
const reject = (reviewer: string, decidedAt: string): TimedDecision => ({
  reviewer,
  decision: 'reject',
  decidedAt,
});

describe('confirmedAt()', () => {
  it.each<[string, TimedDecision[], string | null]>([
    ['no decision: not evidence', [], null],
    ['one confirmation: not yet evidence', [confirm('a', 't1')], null],
    ['two reviewers: evidence from the second', [confirm('a', 't1'), confirm('b', 't2')], 't2'],
    [
      'a third confirmation does not move the time',
      [confirm('a', 't1'), confirm('b', 't2'), confirm('c', 't3')],
      't2',
    ],
    [
      'a rejection after confirmation takes it out of the evidence',
      [confirm('a', 't1'), confirm('b', 't2'), reject('c', 't3')],
      null,
    ],
    [
      'confirmed again after a rejection: evidence from the new second confirmation',
      [
        confirm('a', 't1'),
        confirm('b', 't2'),
        reject('c', 't3'),
        confirm('a', 't4'),
        confirm('d', 't5'),
      ],
      't5',
    ],
    ['two rejections: never evidence', [reject('a', 't1'), reject('b', 't2')], null],
  ])('%s', (_name, decisions, expected) => {
    expect(confirmedAt(decisions)).toBe(expected);
  });
});
