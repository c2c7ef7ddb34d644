import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { deriveStatus } from './derive-status.js';
import { statusLabels, statusOrder, type ReasonSource } from './organisation-status.js';
import type { OrganisationFacts } from './register-facts.js';
import { describeStatusRules } from './status-rules.js';
import {
  assurance,
  evidence,
  organisationFacts,
  reviewReturn,
} from './test-support/organisation-facts.js';

const ret = (id: number): ReasonSource => ({ kind: 'return', id });
const given = (id: number): ReasonSource => ({ kind: 'assurance', id });
const found = (id: number): ReasonSource => ({ kind: 'evidence', id });

function sourcesOf(facts: OrganisationFacts): (ReasonSource | null)[] {
  return deriveStatus(facts).reasons.map((reason) => reason.source);
}

describe('deriveStatus()', () => {
  it.each([
    ['nothing is recorded', 'not_yet_reviewed', organisationFacts(), [null]],
    [
      'its only return says nothing about use',
      'not_yet_reviewed',
      organisationFacts({ returns: [reviewReturn({ id: 4 })] }),
      [ret(4)],
    ],
    [
      'it did not respond to a review',
      'no_response',
      organisationFacts({
        returns: [reviewReturn({ id: 4, responded: false, respondedOn: null })],
      }),
      [ret(4)],
    ],
    [
      'its return says it did not use the model',
      'assured_not_used',
      organisationFacts({ returns: [reviewReturn({ id: 4, usedModel: false })] }),
      [ret(4)],
    ],
    [
      'it assured it never used the model',
      'assured_not_used',
      organisationFacts({ assurances: [assurance('never_used', '2022-01-10', { id: 5 })] }),
      [given(5)],
    ],
    [
      'its return says use ended',
      'used_ended',
      organisationFacts({
        returns: [reviewReturn({ id: 4, usedModel: true, usedUntil: '2021-03-31' })],
      }),
      [ret(4)],
    ],
    [
      'it assured the scheme ended',
      'used_ended',
      organisationFacts({ assurances: [assurance('ended', '2022-01-10', { id: 5 })] }),
      [given(5)],
    ],
    [
      'evidence is dated before the end it assured',
      'used_ended',
      organisationFacts({
        assurances: [assurance('ended', '2022-01-10', { id: 5, scopeDate: '2021-12-31' })],
        evidence: [evidence('police_in_care', '2021-02-01', { findingId: 6 })],
      }),
      [given(5), found(6)],
    ],
    [
      'its return lists continuing features',
      'continuing',
      organisationFacts({
        returns: [reviewReturn({ id: 4, continuingFeatures: ['police_in_care'] })],
      }),
      [ret(4)],
    ],
    [
      'its return says it used the model and not that use ended',
      'continuing',
      organisationFacts({ returns: [reviewReturn({ id: 4, usedModel: true })] }),
      [ret(4)],
    ],
    [
      'there is evidence and it never said use ended',
      'continuing',
      organisationFacts({
        evidence: [evidence('coercion_sanctions', '2020-05-01', { findingId: 6 })],
      }),
      [found(6)],
    ],
    [
      'evidence is dated after the end its return gave',
      'continuing',
      organisationFacts({
        returns: [reviewReturn({ id: 4, usedModel: true, usedUntil: '2021-03-31' })],
        evidence: [evidence('sim_named', '2022-09-01', { findingId: 6 })],
      }),
      [found(6)],
    ],
    [
      'it promised to end use and never said it had',
      'continuing',
      organisationFacts({
        assurances: [assurance('will_end', '2022-01-10', { id: 5, scopeDate: '2022-03-31' })],
      }),
      [given(5)],
    ],
    [
      'evidence is dated after the end it assured',
      'contradicted',
      organisationFacts({
        assurances: [assurance('ended', '2022-01-10', { id: 5, scopeDate: '2021-12-31' })],
        evidence: [evidence('police_in_care', '2023-05-02', { findingId: 6 })],
      }),
      [given(5), found(6)],
    ],
  ])(
    'when %s, the status is %s with reasons citing their sources',
    (_case, status, facts, sources) => {
      const derived = deriveStatus(facts);
      expect(derived.status).toBe(status);
      expect(derived.label).toBe(statusLabels[derived.status]);
      expect(sourcesOf(facts)).toEqual(sources);
    },
  );

  it('reaches every status', () => {
    const reached = new Set(
      [
        organisationFacts(),
        organisationFacts({ returns: [reviewReturn({ responded: false })] }),
        organisationFacts({ returns: [reviewReturn({ usedModel: false })] }),
        organisationFacts({ assurances: [assurance('ended', '2022-01-10')] }),
        organisationFacts({ evidence: [evidence('sim_named', '2022-01-10')] }),
        organisationFacts({
          assurances: [assurance('never_used', '2022-01-10')],
          evidence: [evidence('sim_named', '2019-01-10')],
        }),
      ].map((facts) => deriveStatus(facts).status),
    );
    expect([...reached].sort()).toEqual([...statusOrder].sort());
  });

  it('never grades a return that does not mention use as continuing when there is no evidence', () => {
    const facts = organisationFacts({ returns: [reviewReturn({ usedFrom: '2019-01-01' })] });
    const derived = deriveStatus(facts);
    expect(derived.status).toBe('not_yet_reviewed');
    expect(Object.values(derived.features)).toEqual([
      'not_known',
      'not_known',
      'not_known',
      'not_known',
    ]);
  });

  it('ignores what a return that was not sent would have said', () => {
    const facts = organisationFacts({
      returns: [
        reviewReturn({ responded: false, usedModel: true, continuingFeatures: ['sim_named'] }),
      ],
    });
    expect(deriveStatus(facts).status).toBe('no_response');
  });

  it.each([
    [
      'contradicted beats continuing',
      'contradicted',
      organisationFacts({
        returns: [reviewReturn({ continuingFeatures: ['police_in_care'] })],
        assurances: [
          assurance('feature_not_used', '2021-01-10', { feature: 'coercion_sanctions' }),
        ],
        evidence: [evidence('coercion_sanctions', '2022-01-10')],
      }),
    ],
    [
      'continuing beats used and ended',
      'continuing',
      organisationFacts({
        returns: [
          reviewReturn({ id: 1, usedModel: true, usedUntil: '2021-03-31' }),
          reviewReturn({
            id: 2,
            reviewId: 2023,
            respondedOn: '2023-02-01',
            continuingFeatures: ['sim_named'],
          }),
        ],
      }),
    ],
    [
      'used and ended beats assured not used',
      'used_ended',
      organisationFacts({
        returns: [reviewReturn({ usedModel: false })],
        assurances: [assurance('ended', '2022-01-10', { scopeDate: '2021-12-31' })],
      }),
    ],
    [
      'assured not used beats no response',
      'assured_not_used',
      organisationFacts({
        returns: [
          reviewReturn({ id: 1, responded: false }),
          reviewReturn({ id: 2, reviewId: 2023, usedModel: false }),
        ],
      }),
    ],
    [
      'no response beats nothing known',
      'no_response',
      organisationFacts({
        returns: [
          reviewReturn({ id: 1 }),
          reviewReturn({ id: 2, reviewId: 2023, responded: false }),
        ],
      }),
    ],
  ])('%s', (_case, status, facts) => {
    expect(deriveStatus(facts).status).toBe(status);
  });

  it('counts undated evidence as use that cannot show use after a stated end, and says so', () => {
    const facts = organisationFacts({
      assurances: [assurance('ended', '2022-01-10', { id: 5, scopeDate: '2021-12-31' })],
      evidence: [evidence('police_in_care', null, { findingId: 6 })],
    });
    const derived = deriveStatus(facts);
    expect(derived.status).toBe('used_ended');
    expect(derived.features.police_in_care).toBe('ended');
    expect(derived.reasons).toContainEqual({
      text: 'Confirmed evidence of police in care planning in "Crisis pathway policy" (undated) shows use, but having no date it cannot show use after the end stated in the assurance of 2022-01-10 that the scheme had ended on 2021-12-31.',
      source: found(6),
    });
  });

  it('treats undated evidence against a "never used" assurance as use never said to have ended', () => {
    const facts = organisationFacts({
      assurances: [assurance('never_used', '2022-01-10')],
      evidence: [evidence('sim_named', null)],
    });
    const derived = deriveStatus(facts);
    expect(derived.contradictions).toEqual([]);
    expect(derived.status).toBe('continuing');
  });

  it('does not count evidence dated on the day use ended as use after it', () => {
    const facts = organisationFacts({
      returns: [reviewReturn({ usedModel: true, usedUntil: '2021-03-31' })],
      evidence: [evidence('sim_named', '2021-03-31')],
    });
    expect(deriveStatus(facts).status).toBe('used_ended');
  });

  it('compares evidence with the latest end the organisation stated', () => {
    const facts = organisationFacts({
      returns: [reviewReturn({ usedModel: true, usedUntil: '2021-03-31' })],
      assurances: [assurance('ended', '2023-01-10', { scopeDate: '2022-12-31' })],
      evidence: [evidence('sim_named', '2022-06-01')],
    });
    expect(deriveStatus(facts).status).toBe('used_ended');
  });

  it.each([
    [
      'a later "ended" assurance',
      assurance('ended', '2022-04-05', { scopeDate: '2022-03-31' }),
      'used_ended',
    ],
    ['an "ended" assurance given the same day', assurance('ended', '2022-01-10'), 'used_ended'],
    ['an earlier "ended" assurance', assurance('ended', '2021-06-01', { id: 2 }), 'continuing'],
  ])('closes a promise to end use by %s', (_case, ended, status) => {
    const facts = organisationFacts({
      assurances: [
        assurance('will_end', '2022-01-10', { scopeDate: '2022-03-31' }),
        { ...ended, id: 2 },
      ],
    });
    expect(deriveStatus(facts).status).toBe(status);
  });

  it('lets a later assurance that use ended close the features a return said continued', () => {
    const facts = organisationFacts({
      returns: [reviewReturn({ continuingFeatures: ['police_in_care', 'coercion_sanctions'] })],
      assurances: [assurance('feature_not_used', '2022-01-10', { feature: 'police_in_care' })],
    });
    expect(deriveStatus(facts).features).toEqual({
      police_in_care: 'ended',
      coercion_sanctions: 'continuing',
      discrimination_hiu: 'not_known',
      sim_named: 'not_known',
    });
  });

  it('keeps the features a return said continued even when the same return says the model ended', () => {
    const facts = organisationFacts({
      returns: [
        reviewReturn({
          usedModel: true,
          usedUntil: '2021-03-31',
          continuingFeatures: ['police_in_care'],
        }),
      ],
    });
    const derived = deriveStatus(facts);
    expect(derived.status).toBe('continuing');
    expect(derived.features.police_in_care).toBe('continuing');
  });

  it('lets a "feature not used" assurance end earlier evidence of that feature only', () => {
    const facts = organisationFacts({
      assurances: [assurance('feature_not_used', '2022-01-10', { feature: 'police_in_care' })],
      evidence: [evidence('police_in_care', '2021-05-01', { findingId: 1 })],
    });
    expect(deriveStatus(facts).status).toBe('used_ended');
    const other = { ...facts, evidence: [evidence('coercion_sanctions', '2021-05-01')] };
    expect(deriveStatus(other).status).toBe('continuing');
  });

  it('reads no clock and changes nothing it is given', () => {
    const facts = deepFreeze(
      organisationFacts({
        returns: [reviewReturn({ usedModel: true, continuingFeatures: ['sim_named'] })],
        assurances: [assurance('will_end', '2022-01-10', { scopeDate: '2022-03-31' })],
        evidence: [evidence('sim_named', '2023-01-01')],
      }),
    );
    vi.useFakeTimers({ now: new Date('2022-02-01T12:00:00Z') });
    const before = deriveStatus(facts);
    vi.setSystemTime(new Date('2030-01-01T12:00:00Z'));
    const after = deriveStatus(facts);
    vi.useRealTimers();
    expect(after).toEqual(before);
  });
});

describe('describeStatusRules()', () => {
  it('gives one rule for each status, most serious first, under its label', () => {
    const rules = describeStatusRules();
    expect(rules.map((rule) => rule.slice(0, rule.indexOf(':')))).toEqual(
      statusOrder.map((code) => statusLabels[code]),
    );
  });

  it('says the same as the doc comment of deriveStatus(), in the same order', () => {
    const source = readFileSync(new URL('./derive-status.ts', import.meta.url), 'utf8');
    const comment =
      /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*export function deriveStatus/.exec(source)?.[1] ?? '';
    const prose = comment.replace(/^\s*\*/gm, ' ').replace(/\s+/g, ' ');
    describeStatusRules().forEach((rule, index) => {
      expect(prose).toContain(`${index + 1}. ${rule}`);
    });
  });
});

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
