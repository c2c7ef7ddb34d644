import { describe, expect, it } from 'vitest';

import { decisionRefusal, findingStatus, type Decision } from './finding-status.js';

const confirm = (reviewer: string): Decision => ({ reviewer, decision: 'confirm' });
const reject = (reviewer: string): Decision => ({ reviewer, decision: 'reject' });

describe('findingStatus()', () => {
  it.each([
    ['no decision', [], 'pending'],
    ['one confirmation', [confirm('ana')], 'pending'],
    ['two reviewers confirming', [confirm('ana'), confirm('ben')], 'confirmed'],
    ['the same reviewer confirming twice', [confirm('ana'), confirm('ana')], 'pending'],
    ['one rejection', [reject('ana')], 'in_discussion'],
    ['a rejection after one confirmation', [confirm('ana'), reject('ben')], 'in_discussion'],
    [
      'a rejection after two confirmations',
      [confirm('ana'), confirm('ben'), reject('cai')],
      'in_discussion',
    ],
    ['two reviewers rejecting', [reject('ana'), reject('ben')], 'rejected'],
    [
      'two confirmations after a rejection',
      [reject('ana'), confirm('ben'), confirm('cai')],
      'confirmed',
    ],
    [
      'confirmations on both sides of a rejection',
      [confirm('ana'), reject('ben'), confirm('cai')],
      'pending',
    ],
  ] as const)('gives %s the status %s', (_, decisions, expected) => {
    expect(findingStatus(decisions)).toBe(expected);
  });
});

describe('decisionRefusal()', () => {
  it('refuses a reviewer confirming a finding they already confirmed', () => {
    expect(decisionRefusal([confirm('ana')], confirm('ana'))).toMatch(/already confirmed/);
  });

  it('lets a second reviewer confirm', () => {
    expect(decisionRefusal([confirm('ana')], confirm('ben'))).toBeUndefined();
  });

  it('lets a reviewer confirm again after someone rejected it', () => {
    expect(decisionRefusal([confirm('ana'), reject('ben')], confirm('ana'))).toBeUndefined();
  });

  it('refuses the same reviewer rejecting twice in a row', () => {
    expect(decisionRefusal([reject('ana')], reject('ana'))).toMatch(/already rejected/);
  });
});
