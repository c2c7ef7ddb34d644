import { judgeAssurance } from './judge-assurance.js';
import { judgeEvidence } from './judge-evidence.js';
import { judgeReturn } from './judge-return.js';
import type { FeatureState, StatusReason } from './organisation-status.js';
import type { Feature, OrganisationFacts } from './register-facts.js';
import { listStatedEnds } from './stated-ends.js';
import type { Verdict, VerdictKind } from './verdict.js';

/** The reasons for each status rule, and what is known of each feature. */
export interface UseAssessment {
  reasons: Record<VerdictKind, StatusReason[]>;
  features: Record<Feature, FeatureState>;
}

/** Judges every return, assurance and piece of confirmed evidence of one organisation. */
export function assessUse(facts: OrganisationFacts): UseAssessment {
  const context = { name: facts.organisation.name, ends: listStatedEnds(facts) };
  const verdicts = [
    ...facts.returns.flatMap((ret) => judgeReturn(ret, context)),
    ...facts.assurances.flatMap((assurance) => judgeAssurance(assurance, context)),
    ...facts.evidence.flatMap((evidence) => judgeEvidence(evidence, context)),
  ];
  return { reasons: groupReasons(verdicts), features: featureStates(verdicts) };
}

/** Groups the reasons by rule, each once, in the order of the facts. */
function groupReasons(verdicts: readonly Verdict[]): Record<VerdictKind, StatusReason[]> {
  const grouped: Record<VerdictKind, StatusReason[]> = {
    continuing: [],
    ended: [],
    not_used: [],
    unanswered: [],
    silent: [],
  };
  // A stated end can be cited by several facts it closes; it is shown once.
  for (const { kind, reason } of verdicts)
    if (!grouped[kind].some((seen) => seen.text === reason.text)) grouped[kind].push(reason);
  return grouped;
}

/** A feature continues if any fact shows it continuing, else ended if any shows it ended. */
function featureStates(verdicts: readonly Verdict[]): Record<Feature, FeatureState> {
  const stateOf = (feature: Feature): FeatureState => {
    const kinds = verdicts
      .filter((each) => each.features.includes(feature))
      .map((each) => each.kind);
    if (kinds.includes('continuing')) return 'continuing';
    return kinds.includes('ended') ? 'ended' : 'not_known';
  };
  return {
    police_in_care: stateOf('police_in_care'),
    coercion_sanctions: stateOf('coercion_sanctions'),
    discrimination_hiu: stateOf('discrimination_hiu'),
    sim_named: stateOf('sim_named'),
  };
}
