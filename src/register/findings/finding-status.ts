/** Where a finding stands in review. Only `confirmed` findings are public evidence. */
export type FindingStatus = 'pending' | 'in_discussion' | 'confirmed' | 'rejected';

/** Every review status, in the order lists show them. */
export const findingStatuses: readonly FindingStatus[] = [
  'pending',
  'in_discussion',
  'confirmed',
  'rejected',
];

/** One person's decision on a finding. */
export interface Decision {
  reviewer: string;
  decision: 'confirm' | 'reject';
}

/**
 * The two-reviewer rule. Decisions are read in order:
 * - a finding is `confirmed` when two different reviewers have confirmed it since the last
 *   rejection;
 * - a rejection sends it back for discussion (`in_discussion`), and two different reviewers
 *   rejecting it since the last confirmation make it `rejected`;
 * - otherwise (no decision, or one confirmation) it is `pending`.
 * A later decision can always change the outcome: every decision is kept.
 */
export function findingStatus(decisions: readonly Decision[]): FindingStatus {
  let confirmers = new Set<string>();
  let rejecters = new Set<string>();
  for (const { reviewer, decision } of decisions) {
    if (decision === 'confirm') {
      confirmers.add(reviewer);
      rejecters = new Set();
    } else {
      rejecters.add(reviewer);
      confirmers = new Set();
    }
  }
  if (confirmers.size >= 2) return 'confirmed';
  if (rejecters.size >= 2) return 'rejected';
  if (rejecters.size === 1) return 'in_discussion';
  return 'pending';
}

/**
 * Why a reviewer may not make this decision now, or undefined when they may: the same person
 * cannot confirm twice in a row (it takes two people), nor reject twice.
 */
export function decisionRefusal(
  decisions: readonly Decision[],
  next: Decision,
): string | undefined {
  const since = decisionsSinceLastChange(decisions, next.decision);
  if (since.some((earlier) => earlier.reviewer === next.reviewer)) {
    return next.decision === 'confirm'
      ? `${next.reviewer} has already confirmed it: a second reviewer must confirm it`
      : `${next.reviewer} has already rejected it`;
  }
  return undefined;
}

function decisionsSinceLastChange(
  decisions: readonly Decision[],
  kind: Decision['decision'],
): Decision[] {
  const since: Decision[] = [];
  for (const decision of decisions) {
    if (decision.decision === kind) since.push(decision);
    else since.length = 0;
  }
  return since;
}
