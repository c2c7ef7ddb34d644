import { describe, expect, it } from 'vitest';

import { normaliseExemption, whyNotMove } from './request-transitions.js';

describe('normaliseExemption()', () => {
  it.each([
    ['s.12', 's.12'],
    ['s12', 's.12'],
    ['S. 14', 's.14'],
    ['section 40(2)', 's.40(2)'],
    ['s40 (2)', 's.40(2)'],
    ['s.31(1)(a)', 's.31(1)(a)'],
    ['s.22A', 's.22A'],
    ['s.21', 's.21'],
    ['s.44', 's.44'],
  ])('reads %s as %s', (text, exemption) => {
    expect(normaliseExemption(text)).toBe(exemption);
  });

  it.each(['s.13', 's.20', 's.45', 's.50', 's.40B', 'cost', '12', ''])(
    'names no exemption for %j',
    (text) => {
      expect(normaliseExemption(text)).toBeUndefined();
    },
  );
});

describe('whyNotMove()', () => {
  it.each([
    ['awaiting_response', 'refused'],
    ['awaiting_response', 'clarification_asked'],
    ['clarification_asked', 'awaiting_response'],
    ['refused', 'internal_review'],
    ['internal_review', 'partially_successful'],
    ['referred_to_ico', 'successful'],
    ['draft', 'withdrawn'],
  ] as const)('lets a request go from %s to %s', (from, to) => {
    expect(whyNotMove(from, to)).toBeUndefined();
  });

  it.each([
    ['draft', 'successful', 'it has not been sent'],
    ['draft', 'awaiting_response', 'it has not been sent'],
    ['withdrawn', 'awaiting_response', 'it was withdrawn'],
    ['refused', 'refused', 'it is already "Refused"'],
    ['successful', 'awaiting_response', 'cannot go from "Successful" to "Awaiting response"'],
    ['refused', 'draft', 'cannot go from "Refused" to "Draft, not sent"'],
  ] as const)('refuses %s to %s, saying %j', (from, to, why) => {
    expect(whyNotMove(from, to)).toContain(why);
  });
});
