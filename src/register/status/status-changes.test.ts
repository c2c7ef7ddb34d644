import { describe, expect, it } from 'vitest';

import { listStatusChanges, type FactArrivals } from './status-changes.js';
import {
  assurance,
  evidence,
  organisationFacts,
  reviewReturn,
} from './test-support/organisation-facts.js';

const day = (n: number) => `2026-11-${String(n).padStart(2, '0')}T09:00:00.000Z`;

function arrivals(fields: Partial<Record<keyof FactArrivals, [number, string][]>>): FactArrivals {
  return {
    returns: new Map(fields.returns ?? []),
    assurances: new Map(fields.assurances ?? []),
    evidence: new Map(fields.evidence ?? []),
  };
}

describe('listStatusChanges()', () => {
  it('gives no change for an organisation with no facts', () => {
    expect(listStatusChanges(organisationFacts(), arrivals({}))).toEqual([]);
  });

  it('replays an assurance then contradicting evidence as two changes, with causes and reasons', () => {
    const facts = organisationFacts({
      assurances: [assurance('never_used', '2024-01-10', { id: 7 })],
      evidence: [evidence('police_in_care', '2025-03-01', { findingId: 12 })],
    });
    const changes = listStatusChanges(
      facts,
      arrivals({ assurances: [[7, day(1)]], evidence: [[12, day(5)]] }),
    );
    expect(changes.map(({ time, from, to, causes }) => ({ time, from, to, causes }))).toEqual([
      {
        time: day(1),
        from: 'not_yet_reviewed',
        to: 'assured_not_used',
        causes: [{ kind: 'assurance', id: 7 }],
      },
      {
        time: day(5),
        from: 'assured_not_used',
        to: 'contradicted',
        causes: [{ kind: 'evidence', id: 12 }],
      },
    ]);
    expect(changes[1]?.organisation).toEqual({ code: 'ZZ1', name: 'Example Mental Health Trust' });
    expect(changes[1]?.reasons.map((reason) => reason.source)).toContainEqual({
      kind: 'evidence',
      id: 12,
    });
  });

  it('leaves out a fact that does not change the status, and counts facts arriving together once', () => {
    const facts = organisationFacts({
      returns: [reviewReturn({ id: 3, usedModel: false })],
      assurances: [
        assurance('never_used', '2024-01-10', { id: 1 }),
        assurance('never_used', '2024-06-10', { id: 2 }),
      ],
    });
    const changes = listStatusChanges(
      facts,
      arrivals({
        returns: [[3, day(2)]],
        assurances: [
          [1, day(2)],
          [2, day(9)],
        ],
      }),
    );
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      time: day(2),
      to: 'assured_not_used',
      causes: [
        { kind: 'return', id: 3 },
        { kind: 'assurance', id: 1 },
      ],
    });
  });

  it('takes facts with no time as known from the start, not as a change', () => {
    const facts = organisationFacts({
      assurances: [assurance('never_used', '2024-01-10', { id: 1 })],
      evidence: [evidence('sim_named', '2025-01-01', { findingId: 4 })],
    });
    const changes = listStatusChanges(facts, arrivals({ evidence: [[4, day(3)]] }));
    expect(changes.map(({ from, to }) => [from, to])).toEqual([
      ['assured_not_used', 'contradicted'],
    ]);
  });
});
