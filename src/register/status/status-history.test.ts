import { describe, expect, it } from 'vitest';

import { deriveStatus } from './derive-status.js';
import { deriveStatusHistory } from './status-history.js';
import {
  assurance,
  evidence,
  organisationFacts,
  reviewReturn,
} from './test-support/organisation-facts.js';

const steps = (facts: Parameters<typeof deriveStatusHistory>[0]) =>
  deriveStatusHistory(facts).map((change) => [change.date, change.from, change.to]);

describe('deriveStatusHistory()', () => {
  it.each([
    ['nothing recorded', organisationFacts(), []],
    [
      'an assurance that the scheme ended, then later evidence',
      organisationFacts({
        assurances: [assurance('ended', '2021-06-01', { id: 2, scopeDate: '2021-03-31' })],
        evidence: [evidence('police_in_care', '2023-09-28', { findingId: 9 })],
      }),
      [
        ['2021-06-01', 'not_yet_reviewed', 'used_ended'],
        ['2023-09-28', 'used_ended', 'contradicted'],
      ],
    ],
    [
      'evidence dated before the assurance it contradicts',
      organisationFacts({
        assurances: [assurance('never_used', '2022-01-10', { id: 2 })],
        evidence: [evidence('police_in_care', '2019-05-01', { findingId: 9 })],
      }),
      [
        ['2019-05-01', 'not_yet_reviewed', 'continuing'],
        ['2022-01-10', 'continuing', 'contradicted'],
      ],
    ],
    [
      'a promise to end, then a return saying use ended',
      organisationFacts({
        assurances: [assurance('will_end', '2024-09-16', { id: 5, scopeDate: '2025-03-31' })],
        returns: [
          reviewReturn({
            id: 7,
            respondedOn: '2025-05-01',
            usedModel: true,
            usedUntil: '2025-03-30',
          }),
        ],
      }),
      [
        ['2024-09-16', 'not_yet_reviewed', 'continuing'],
        ['2025-05-01', 'continuing', 'used_ended'],
      ],
    ],
    [
      'a record on a day that changes nothing',
      organisationFacts({
        assurances: [
          assurance('never_used', '2021-01-01', { id: 2 }),
          assurance('never_used', '2022-01-01', { id: 3 }),
        ],
      }),
      [['2021-01-01', 'not_yet_reviewed', 'assured_not_used']],
    ],
    [
      'undated evidence changing the status last',
      organisationFacts({
        assurances: [assurance('never_used', '2021-01-01', { id: 2 })],
        evidence: [evidence('police_in_care', null, { findingId: 9 })],
      }),
      [
        ['2021-01-01', 'not_yet_reviewed', 'assured_not_used'],
        [null, 'assured_not_used', 'continuing'],
      ],
    ],
  ])('follows %s', (_case, facts, expected) => {
    expect(steps(facts)).toEqual(expected);
  });

  it('ends at the status the organisation has now', () => {
    const facts = organisationFacts({
      returns: [reviewReturn({ id: 7, respondedOn: '2024-03-12', usedModel: false })],
      assurances: [assurance('ended', '2021-06-01', { id: 2, scopeDate: '2021-03-31' })],
      evidence: [
        evidence('police_in_care', '2023-09-28', { findingId: 9 }),
        evidence('sim_named', null, { findingId: 10 }),
      ],
    });
    expect(deriveStatusHistory(facts).at(-1)?.to).toBe(deriveStatus(facts).status);
  });

  it('gives as reasons those citing the records of the day of the change', () => {
    const facts = organisationFacts({
      assurances: [assurance('ended', '2021-06-01', { id: 2, scopeDate: '2021-03-31' })],
      evidence: [evidence('police_in_care', '2023-09-28', { findingId: 9 })],
    });
    const change = deriveStatusHistory(facts)[1];
    expect(change).toMatchObject({
      fromLabel: 'Used, says it has ended',
      toLabel: 'Evidence contradicts an assurance',
    });
    expect(change?.because.map((reason) => reason.source)).toEqual([{ kind: 'evidence', id: 9 }]);
  });
});
