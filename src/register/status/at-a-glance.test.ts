import { describe, expect, it } from 'vitest';

import { listAtAGlance } from './at-a-glance.js';
import { findBrokenPromises, wholeMonthsBetween } from './broken-promises.js';
import type { AssuranceFact, EvidenceFact, ReturnFact } from './register-facts.js';
import {
  assurance,
  evidence,
  organisationFacts,
  reviewReturn,
} from './test-support/organisation-facts.js';

const promise = assurance('will_end', '2024-09-16', { id: 5, scopeDate: '2025-03-31' });
const today = '2026-12-07';

describe('findBrokenPromises()', () => {
  it.each<[string, AssuranceFact[], ReturnFact[], EvidenceFact[], string, boolean]>([
    ['a passed promise with nothing said since', [promise], [], [], today, true],
    ['a promise on its own day (not yet passed)', [promise], [], [], '2025-03-31', false],
    ['a promise the day after its end', [promise], [], [], '2025-04-01', true],
    ['a promise still to come', [promise], [], [], '2025-01-01', false],
    [
      'a passed promise kept by a later assurance that use ended',
      [promise, assurance('ended', '2025-04-10', { id: 6, scopeDate: '2025-03-31' })],
      [],
      [],
      today,
      false,
    ],
    [
      'a passed promise kept by a later return giving the end',
      [promise],
      [reviewReturn({ respondedOn: '2025-05-01', usedModel: true, usedUntil: '2025-03-30' })],
      [],
      today,
      false,
    ],
    [
      'a passed promise "kept" by an earlier statement that use ended',
      [promise, assurance('ended', '2023-01-10', { id: 6, scopeDate: '2022-12-31' })],
      [],
      [],
      today,
      true,
    ],
    [
      'a passed promise with later evidence despite a statement that it ended',
      [promise, assurance('ended', '2025-04-10', { id: 6, scopeDate: '2025-03-31' })],
      [],
      [evidence('police_in_care', '2025-06-10', { findingId: 3 })],
      today,
      true,
    ],
    [
      'a kept promise with evidence only from before its end',
      [promise, assurance('ended', '2025-04-10', { id: 6, scopeDate: '2025-03-31' })],
      [],
      [evidence('police_in_care', '2025-03-31', { findingId: 3 })],
      today,
      false,
    ],
    [
      'a promise that gives no day',
      [assurance('will_end', '2024-09-16', { id: 5 })],
      [],
      [],
      today,
      false,
    ],
    [
      'a passed end given ahead in a return, with nothing said since',
      [],
      [reviewReturn({ respondedOn: '2024-03-01', usedModel: true, usedUntil: '2024-12-31' })],
      [],
      today,
      true,
    ],
    [
      'an end a return gives in the past (not a promise)',
      [],
      [reviewReturn({ respondedOn: '2024-03-01', usedModel: true, usedUntil: '2021-12-31' })],
      [],
      today,
      false,
    ],
  ])('%s', (_case, assurances, returns, found, day, broken) => {
    const facts = organisationFacts({ assurances, returns, evidence: found });
    expect(findBrokenPromises(facts, day).length > 0).toBe(broken);
  });

  it('says what shows a promise broken: later evidence, its features, and silence since', () => {
    const facts = organisationFacts({
      assurances: [promise],
      evidence: [
        evidence('police_in_care', '2025-06-10', { findingId: 3 }),
        evidence('coercion_sanctions', '2025-09-01', { findingId: 4 }),
        evidence('sim_named', '2024-01-01', { findingId: 5 }),
        evidence('sim_named', null, { findingId: 6 }),
      ],
    });
    expect(findBrokenPromises(facts, today)).toEqual([
      {
        source: { kind: 'assurance', id: 5 },
        promisedOn: '2024-09-16',
        promisedEnd: '2025-03-31',
        monthsPassed: 20,
        laterEvidence: {
          features: ['police_in_care', 'coercion_sanctions'],
          latestDate: '2025-09-01',
          findingCount: 2,
        },
        noStatementOfEnd: true,
      },
    ]);
  });
});

describe('wholeMonthsBetween()', () => {
  it.each([
    ['2025-03-31', '2026-12-07', 20],
    ['2025-03-31', '2025-04-30', 0],
    ['2025-03-31', '2025-05-01', 1],
    ['2025-01-15', '2025-01-15', 0],
    ['2025-01-15', '2026-01-15', 12],
    ['2025-06-01', '2025-01-01', 0],
  ])('from %s to %s is %i', (from, to, months) => {
    expect(wholeMonthsBetween(from, to)).toBe(months);
  });
});

describe('listAtAGlance()', () => {
  const contradicted = organisationFacts({
    organisation: { id: 1, code: 'ZZ1', name: 'Zedmoor Trust' },
    assurances: [assurance('ended', '2021-06-01', { id: 2, scopeDate: '2021-03-31' })],
    evidence: [
      evidence('police_in_care', '2023-09-28', { findingId: 9, documentId: 4 }),
      evidence('coercion_sanctions', '2023-09-28', { findingId: 10, documentId: 4 }),
    ],
  });
  const promising = organisationFacts({
    organisation: { id: 2, code: 'ZZ2', name: 'Ashvale Trust' },
    assurances: [promise],
  });
  const quiet = organisationFacts({
    organisation: { id: 3, code: 'ZZ3', name: 'Bramble Trust' },
    assurances: [assurance('never_used', '2021-01-01', { id: 7 })],
  });

  it('names the contradicted organisations, each contradiction once', () => {
    const glance = listAtAGlance([quiet, promising, contradicted], today);
    expect(glance.contradicted.map((each) => each.code)).toEqual(['ZZ1']);
    expect(glance.contradicted[0]?.contradictions).toHaveLength(1);
    expect(glance.contradicted[0]?.contradictions[0]?.features).toEqual([
      'police_in_care',
      'coercion_sanctions',
    ]);
    expect(glance.contradicted[0]?.contradictions[0]?.assurance.id).toBe(2);
  });

  it('names broken promises only once their day has passed', () => {
    expect(listAtAGlance([quiet, promising, contradicted], today).brokenPromises).toMatchObject([
      { code: 'ZZ2', name: 'Ashvale Trust', promises: [{ promisedEnd: '2025-03-31' }] },
    ]);
    expect(listAtAGlance([promising], '2025-03-31').brokenPromises).toEqual([]);
  });

  it('lists organisations by name', () => {
    const other = organisationFacts({
      organisation: { id: 4, code: 'ZZ4', name: 'Abbeyfield Trust' },
      assurances: [promise],
    });
    const glance = listAtAGlance([promising, other], today);
    expect(glance.brokenPromises.map((each) => each.name)).toEqual([
      'Abbeyfield Trust',
      'Ashvale Trust',
    ]);
  });
});
