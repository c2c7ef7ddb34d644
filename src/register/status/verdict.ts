import type { StatusReason } from './organisation-status.js';
import type { Feature } from './register-facts.js';
import type { StatedEnd } from './stated-ends.js';

/** Which status rule a fact supports. */
export type VerdictKind = 'continuing' | 'ended' | 'not_used' | 'unanswered' | 'silent';

/** What one fact says for the status rules, with the reason to show for it. */
export interface Verdict {
  kind: VerdictKind;
  reason: StatusReason;
  /** The features this fact shows to be continuing or ended, when it names any. */
  features: Feature[];
}

/** What the judges of single facts need to know about the organisation. */
export interface JudgeContext {
  name: string;
  ends: readonly StatedEnd[];
}

/** Builds a verdict. */
export function verdict(
  kind: VerdictKind,
  reason: StatusReason,
  features: Feature[] = [],
): Verdict {
  return { kind, reason, features };
}
