import { assessUse } from './assess-use.js';
import { groupContradictions, type ContradictionGroup } from './contradiction-groups.js';
import { findContradictions } from './contradictions.js';
import { describeAssuranceClaim } from './assurance-claim.js';
import {
  statusLabels,
  type OrganisationStatus,
  type StatusCode,
  type StatusReason,
} from './organisation-status.js';
import type { OrganisationFacts } from './register-facts.js';

/**
 * Derives an organisation's status from its returns, assurances and confirmed evidence. Only
 * findings confirmed by two reviewers count as evidence; a return that was not sent says nothing.
 * The rules, most serious first (the first that holds decides):
 *
 * 1. Evidence contradicts an assurance: confirmed evidence contradicts an assurance the
 *    organisation gave (see how contradictions are found).
 * 2. Appears to be continuing: confirmed evidence of a feature is dated after the latest day the
 *    organisation said use ended, or there is confirmed evidence and it has never said use ended;
 *    or its own return says features continue, or says it used SIM or a SIM-type model without
 *    any return or assurance saying use ended; or it promised to end use and no later return or
 *    assurance says use has ended. Evidence with no date shows use but cannot show use after a
 *    stated end.
 * 3. Used, says it has ended: the organisation used SIM or a SIM-type model (its own return or
 *    assurance says so, or confirmed evidence shows it) and everything known says use ended, with
 *    no confirmed evidence dated after the end.
 * 4. Says not used: its returns or assurances say SIM-type practices were not used, and there is
 *    no confirmed evidence of them.
 * 5. Did not respond: it was asked in a review and did not respond, and nothing else is known.
 * 6. Not yet reviewed: no return says whether it used SIM or a SIM-type model, it gave no
 *    assurance and there is no confirmed evidence. This is the default: never a grade without
 *    evidence.
 *
 * Every status but the default comes with reasons citing the return, assurance or finding they
 * rest on. Dates are compared as ISO days; the function reads no clock, so the same facts always
 * give the same status.
 */
export function deriveStatus(facts: OrganisationFacts): OrganisationStatus {
  const contradictions = findContradictions(facts);
  const contradictionGroups = groupContradictions(facts, contradictions);
  const use = assessUse(facts);
  const [status, reasons] = ((): [StatusCode, StatusReason[]] => {
    if (contradictions.length > 0)
      return ['contradicted', contradictionReasons(facts, contradictionGroups)];
    if (use.reasons.continuing.length > 0) return ['continuing', use.reasons.continuing];
    if (use.reasons.ended.length > 0) return ['used_ended', use.reasons.ended];
    if (use.reasons.not_used.length > 0) return ['assured_not_used', use.reasons.not_used];
    if (use.reasons.unanswered.length > 0) return ['no_response', use.reasons.unanswered];
    if (use.reasons.silent.length > 0) return ['not_yet_reviewed', use.reasons.silent];
    return [
      'not_yet_reviewed',
      [{ text: 'No return, assurance or confirmed evidence is recorded yet.', source: null }],
    ];
  })();
  return {
    status,
    label: statusLabels[status],
    reasons,
    features: use.features,
    contradictions,
    contradictionGroups,
  };
}

/** Cites each contradicted assurance once, then each contradiction once (one per document). */
function contradictionReasons(
  facts: OrganisationFacts,
  contradictions: readonly ContradictionGroup[],
): StatusReason[] {
  const contradicted = facts.assurances.filter((assurance) =>
    contradictions.some((each) => each.assuranceId === assurance.id),
  );
  return [
    ...contradicted.map((assurance) => ({
      text: `${facts.organisation.name} gave ${describeAssuranceClaim(assurance)}.`,
      source: { kind: 'assurance', id: assurance.id } as const,
    })),
    ...contradictions.map((each) => ({
      text: each.explanation,
      source: { kind: 'evidence', id: each.findingIds[0] ?? 0 } as const,
    })),
  ];
}
