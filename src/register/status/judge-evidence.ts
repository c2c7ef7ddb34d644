import { describeFoundEvidence, foundInFinding } from './describe-found-evidence.js';
import { isAfter, isoDay } from './iso-day.js';
import type { EvidenceFact } from './register-facts.js';
import { findLatestEnd } from './stated-ends.js';
import { verdict, type JudgeContext, type Verdict } from './verdict.js';

/** Says whether one piece of confirmed evidence shows use continuing or use that ended. */
export function judgeEvidence(evidence: EvidenceFact, context: JudgeContext): Verdict[] {
  const source = { kind: 'evidence', id: evidence.findingId } as const;
  const features = [evidence.feature];
  const date = isoDay(evidence.documentDate);
  const found = describeFoundEvidence(
    foundInFinding(evidence),
    date === null ? 'undated' : `dated ${date}`,
  );
  const end = findLatestEnd(context.ends, evidence.feature);
  if (end === undefined)
    return [
      verdict(
        'continuing',
        { text: `${found} shows use, and ${context.name} has not said that use ended.`, source },
        features,
      ),
    ];
  if (date === null) {
    // Undated evidence shows use happened but not when, so it cannot show use after an end.
    const text = `${found} shows use, but having no date it cannot show use after the end stated in ${end.statement}.`;
    return [verdict('ended', { text, source }, features), verdict('ended', end.reason)];
  }
  if (isAfter(date, end.endedOn))
    return [
      verdict(
        'continuing',
        { text: `${found} is dated after the end of use stated in ${end.statement}.`, source },
        features,
      ),
    ];
  const text = `${found} is dated on or before the end of use stated in ${end.statement}.`;
  return [verdict('ended', { text, source }, features), verdict('ended', end.reason)];
}
