import { deriveStatus } from './derive-status.js';
import type { ReasonSource, StatusCode, StatusReason } from './organisation-status.js';
import type { OrganisationFacts } from './register-facts.js';

/**
 * When each fact entered the register (ISO 8601 times): returns and assurances by their events
 * in the record, evidence by the decision that confirmed it. A fact with no time is taken as
 * known from the start.
 */
export interface FactArrivals {
  returns: ReadonlyMap<number, string>;
  assurances: ReadonlyMap<number, string>;
  /** By finding id. */
  evidence: ReadonlyMap<number, string>;
}

/** One change of an organisation's derived status, with what brought it and why it holds. */
export interface StatusChange {
  organisation: { code: string; name: string };
  /** When the fact that changed it entered the register. */
  time: string;
  from: StatusCode;
  to: StatusCode;
  /** The new status's reasons, as the status rules give them. */
  reasons: StatusReason[];
  /** The returns, assurances and evidence that arrived at this time. */
  causes: ReasonSource[];
}

/**
 * Replays an organisation's facts in the order they entered the register and gives every change
 * of its derived status, oldest first. Before any fact an organisation is "Not yet reviewed", as
 * the status rules say; facts entering together count as one step. A pure function of the facts
 * and their times: the same register always gives the same history.
 */
export function listStatusChanges(
  facts: OrganisationFacts,
  arrivals: FactArrivals,
): StatusChange[] {
  const returnAt = (id: number) => arrivals.returns.get(id) ?? '';
  const assuranceAt = (id: number) => arrivals.assurances.get(id) ?? '';
  const evidenceAt = (id: number) => arrivals.evidence.get(id) ?? '';
  const timed: { time: string; source: ReasonSource }[] = [
    ...facts.returns.map((each) => ({
      time: returnAt(each.id),
      source: { kind: 'return' as const, id: each.id },
    })),
    ...facts.assurances.map((each) => ({
      time: assuranceAt(each.id),
      source: { kind: 'assurance' as const, id: each.id },
    })),
    ...facts.evidence.map((each) => ({
      time: evidenceAt(each.findingId),
      source: { kind: 'evidence' as const, id: each.findingId },
    })),
  ];
  const times = [...new Set(timed.map((each) => each.time))].sort();
  const changes: StatusChange[] = [];
  let previous: StatusCode = 'not_yet_reviewed';
  for (const time of times) {
    const status = deriveStatus({
      organisation: facts.organisation,
      returns: facts.returns.filter((each) => returnAt(each.id) <= time),
      assurances: facts.assurances.filter((each) => assuranceAt(each.id) <= time),
      evidence: facts.evidence.filter((each) => evidenceAt(each.findingId) <= time),
    });
    // Facts with no time are the starting point, not a change anyone saw happen.
    if (status.status !== previous && time !== '')
      changes.push({
        organisation: { code: facts.organisation.code, name: facts.organisation.name },
        time,
        from: previous,
        to: status.status,
        reasons: status.reasons,
        causes: timed.filter((each) => each.time === time).map((each) => each.source),
      });
    previous = status.status;
  }
  return changes;
}
