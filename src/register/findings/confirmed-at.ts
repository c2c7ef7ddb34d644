import { findingStatus, type Decision } from './finding-status.js';

/** A decision on a finding, with when it was made (ISO 8601). */
export interface TimedDecision extends Decision {
  decidedAt: string;
}

/**
 * When a finding became evidence: the time of the decision that last turned it confirmed (the
 * second confirmation since the last rejection), or null when it is not confirmed now. A later
 * third confirmation does not move the time; a rejection and a new pair of confirmations does.
 */
export function confirmedAt(decisions: readonly TimedDecision[]): string | null {
  let since: string | null = null;
  let confirmed = false;
  for (let count = 1; count <= decisions.length; count += 1) {
    const now = findingStatus(decisions.slice(0, count)) === 'confirmed';
    if (now && !confirmed) since = decisions[count - 1]?.decidedAt ?? null;
    confirmed = now;
  }
  return confirmed ? since : null;
}
