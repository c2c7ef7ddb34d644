import { describe, expect, it } from 'vitest';

import { groupContradictions } from './contradiction-groups.js';
import { findContradictions } from './contradictions.js';
import { deriveStatus } from './derive-status.js';
import { assurance, evidence, organisationFacts } from './test-support/organisation-facts.js';

const ended = assurance('ended', '2021-06-01', { id: 2, scopeDate: '2021-03-31' });

describe('groupContradictions()', () => {
  it('makes one contradiction of the findings of one document, naming every feature', () => {
    const facts = organisationFacts({
      assurances: [ended],
      evidence: [
        evidence('coercion_sanctions', '2023-09-28', { findingId: 10, documentId: 4 }),
        evidence('police_in_care', '2023-09-28', { findingId: 9, documentId: 4 }),
      ],
    });
    const groups = groupContradictions(facts, findContradictions(facts));
    expect(groups).toEqual([
      {
        assuranceId: 2,
        assuranceGivenOn: '2021-06-01',
        documentId: 4,
        documentTitle: 'Crisis pathway policy',
        evidenceDate: '2023-09-28',
        features: ['police_in_care', 'coercion_sanctions'],
        findingIds: [10, 9],
        explanation:
          'Confirmed evidence of police in care planning and of coercion and sanctions in "Crisis pathway policy" (dated 2023-09-28) is dated after the assurance of 2021-06-01 that the scheme had ended on 2021-03-31.',
      },
    ]);
  });

  it.each([
    [
      'two documents against one assurance',
      [ended],
      [
        evidence('police_in_care', '2023-09-28', { findingId: 9, documentId: 4 }),
        evidence('police_in_care', '2024-01-10', { findingId: 11, documentId: 5 }),
      ],
      [
        [2, 4],
        [2, 5],
      ],
    ],
    [
      'one document against two assurances',
      [ended, assurance('never_used', '2020-01-01', { id: 3 })],
      [
        evidence('police_in_care', '2023-09-28', { findingId: 9, documentId: 4 }),
        evidence('sim_named', '2023-09-28', { findingId: 10, documentId: 4 }),
      ],
      [
        [2, 4],
        [3, 4],
      ],
    ],
    [
      'a feature-not-used assurance and a document showing that feature and another',
      [assurance('feature_not_used', '2022-01-01', { id: 6, feature: 'police_in_care' })],
      [
        evidence('police_in_care', '2023-09-28', { findingId: 9, documentId: 4 }),
        evidence('sim_named', '2023-09-28', { findingId: 10, documentId: 4 }),
      ],
      [[6, 4]],
    ],
  ])('keeps %s apart', (_case, assurances, found, expected) => {
    const facts = organisationFacts({ assurances, evidence: found });
    const groups = groupContradictions(facts, findContradictions(facts));
    expect(groups.map((group) => [group.assuranceId, group.documentId])).toEqual(expected);
  });

  it('names only the contradicting feature of a feature-not-used assurance', () => {
    const facts = organisationFacts({
      assurances: [
        assurance('feature_not_used', '2022-01-01', { id: 6, feature: 'police_in_care' }),
      ],
      evidence: [
        evidence('police_in_care', '2023-09-28', { findingId: 9, documentId: 4 }),
        evidence('sim_named', '2023-09-28', { findingId: 10, documentId: 4 }),
      ],
    });
    const [group] = groupContradictions(facts, findContradictions(facts));
    expect(group?.features).toEqual(['police_in_care']);
    expect(group?.explanation).toContain('that police in care planning was not used');
  });
});

describe('deriveStatus() with contradictions', () => {
  it('gives each contradiction once as a reason, whatever the number of features', () => {
    const facts = organisationFacts({
      assurances: [ended],
      evidence: [
        evidence('police_in_care', '2023-09-28', { findingId: 9, documentId: 4 }),
        evidence('coercion_sanctions', '2023-09-28', { findingId: 10, documentId: 4 }),
      ],
    });
    const status = deriveStatus(facts);
    expect(status.contradictions).toHaveLength(2);
    expect(status.reasons.map((reason) => reason.source)).toEqual([
      { kind: 'assurance', id: 2 },
      { kind: 'evidence', id: 9 },
    ]);
    expect(status.reasons[1]?.text).toContain(
      'of police in care planning and of coercion and sanctions',
    );
  });
});
