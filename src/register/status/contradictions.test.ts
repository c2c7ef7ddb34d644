import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeContradictionRules } from './contradiction-rules.js';
import { findContradictions } from './contradictions.js';
import type { AssuranceFact, EvidenceFact } from './register-facts.js';
import { assurance, evidence, organisationFacts } from './test-support/organisation-facts.js';

function contradicts(given: AssuranceFact, found: EvidenceFact): boolean {
  const facts = organisationFacts({ assurances: [given], evidence: [found] });
  return findContradictions(facts).length > 0;
}

const endedOn = assurance('ended', '2022-01-10', { scopeDate: '2021-12-31' });
const endedUndated = assurance('ended', '2022-01-10');
const willEnd = assurance('will_end', '2022-01-10', { scopeDate: '2022-03-31' });
const willEndSomeday = assurance('will_end', '2022-01-10');
const policeNotUsed = assurance('feature_not_used', '2022-01-10', { feature: 'police_in_care' });
const noFeatureNotUsed = assurance('feature_not_used', '2022-01-10');
const neverUsed = assurance('never_used', '2022-01-10');

describe('findContradictions()', () => {
  it.each([
    [
      '"never used" by evidence dated after it',
      neverUsed,
      evidence('sim_named', '2023-05-02'),
      true,
    ],
    [
      '"never used" by evidence dated before it',
      neverUsed,
      evidence('sim_named', '2019-03-01'),
      true,
    ],
    [
      '"never used" by evidence dated the same day',
      neverUsed,
      evidence('sim_named', '2022-01-10'),
      true,
    ],
    [
      '"ended" by evidence after both the end and the assurance',
      endedOn,
      evidence('police_in_care', '2023-05-02'),
      true,
    ],
    [
      '"ended" by evidence between the end and the assurance',
      endedOn,
      evidence('police_in_care', '2022-01-05'),
      true,
    ],
    [
      '"ended" with no end day by evidence after the assurance',
      endedUndated,
      evidence('coercion_sanctions', '2022-01-11'),
      true,
    ],
    [
      '"will end" by evidence after the day it would end',
      willEnd,
      evidence('discrimination_hiu', '2022-04-01'),
      true,
    ],
    [
      '"feature not used" by evidence of that feature after it',
      policeNotUsed,
      evidence('police_in_care', '2022-01-11'),
      true,
    ],
  ])('contradicts %s', (_case, given, found, expected) => {
    expect(contradicts(given, found)).toBe(expected);
  });

  it.each([
    ['"never used" by undated evidence', neverUsed, evidence('sim_named', null), false],
    [
      '"ended" by evidence dated on the day use ended',
      endedOn,
      evidence('police_in_care', '2021-12-31'),
      false,
    ],
    [
      '"ended" by evidence from before the end',
      endedOn,
      evidence('police_in_care', '2021-06-01'),
      false,
    ],
    ['"ended" by undated evidence', endedOn, evidence('police_in_care', null), false],
    [
      '"ended" with no end day by evidence of the day it was given',
      endedUndated,
      evidence('coercion_sanctions', '2022-01-10'),
      false,
    ],
    [
      '"will end" by evidence of the day it would end',
      willEnd,
      evidence('discrimination_hiu', '2022-03-31'),
      false,
    ],
    [
      '"will end" with no day by evidence of any date',
      willEndSomeday,
      evidence('discrimination_hiu', '2030-01-01'),
      false,
    ],
    [
      '"feature not used" by evidence of that feature the same day',
      policeNotUsed,
      evidence('police_in_care', '2022-01-10'),
      false,
    ],
    [
      '"feature not used" by evidence of that feature before it',
      policeNotUsed,
      evidence('police_in_care', '2021-01-10'),
      false,
    ],
    [
      '"feature not used" by evidence of another feature',
      policeNotUsed,
      evidence('coercion_sanctions', '2023-01-01'),
      false,
    ],
    [
      '"feature not used" that names no feature',
      noFeatureNotUsed,
      evidence('coercion_sanctions', '2023-01-01'),
      false,
    ],
    [
      'anything by evidence whose date cannot be read',
      neverUsed,
      evidence('sim_named', 'May 2023'),
      false,
    ],
  ])('does not contradict %s', (_case, given, found, expected) => {
    expect(contradicts(given, found)).toBe(expected);
  });

  it('explains a contradiction of an ended scheme in plain English', () => {
    const facts = organisationFacts({
      assurances: [{ ...endedOn, id: 7 }],
      evidence: [evidence('police_in_care', '2023-05-02', { findingId: 9 })],
    });
    expect(findContradictions(facts)).toEqual([
      {
        assuranceId: 7,
        findingId: 9,
        feature: 'police_in_care',
        assuranceGivenOn: '2022-01-10',
        evidenceDate: '2023-05-02',
        explanation:
          'Confirmed evidence of police in care planning in "Crisis pathway policy" (dated 2023-05-02) is dated after the assurance of 2022-01-10 that the scheme had ended on 2021-12-31.',
      },
    ]);
  });

  it.each([
    [
      '"ended", evidence before the assurance',
      endedOn,
      '2022-01-05',
      'is dated after 2021-12-31, the day the assurance of 2022-01-10 said the scheme had ended.',
    ],
    [
      '"ended" with no end day',
      endedUndated,
      '2022-02-01',
      'is dated after the assurance of 2022-01-10 that the scheme had ended.',
    ],
    [
      '"will end"',
      willEnd,
      '2022-04-01',
      'is dated after 2022-03-31, the day the assurance of 2022-01-10 said the scheme would end.',
    ],
    [
      '"feature not used"',
      policeNotUsed,
      '2022-02-01',
      'is dated after the assurance of 2022-01-10 that police in care planning was not used.',
    ],
    [
      '"never used", evidence before it',
      neverUsed,
      '2019-03-01',
      'contradicts the assurance of 2022-01-10 that the scheme had never been used',
    ],
  ])(
    'explains a contradiction of %s by saying which date the evidence follows',
    (_case, given, date, words) => {
      const facts = organisationFacts({
        assurances: [given],
        evidence: [evidence('police_in_care', date)],
      });
      expect(findContradictions(facts)[0]?.explanation).toContain(words);
    },
  );

  it('reads a timestamp as its day', () => {
    const found = evidence('police_in_care', '2021-12-31T23:00:00Z');
    expect(contradicts(endedOn, found)).toBe(false);
  });

  it('reports every pair of assurance and contradicting finding', () => {
    const facts = organisationFacts({
      assurances: [
        { ...neverUsed, id: 1 },
        { ...endedOn, id: 2 },
      ],
      evidence: [
        evidence('police_in_care', '2020-01-01', { findingId: 10 }),
        evidence('sim_named', '2023-01-01', { findingId: 11 }),
      ],
    });
    const pairs = findContradictions(facts).map((each) => [each.assuranceId, each.findingId]);
    expect(pairs).toEqual([
      [1, 10],
      [1, 11],
      [2, 11],
    ]);
  });
});

describe('describeContradictionRules()', () => {
  it('says the same as the doc comment of findContradictions()', () => {
    const source = readFileSync(new URL('./contradictions.ts', import.meta.url), 'utf8');
    const comment =
      /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*export function findContradictions/.exec(source)?.[1] ??
      '';
    const prose = comment.replace(/^\s*\* ?-?/gm, ' ').replace(/\s+/g, ' ');
    for (const rule of describeContradictionRules()) expect(prose).toContain(rule);
  });
});
