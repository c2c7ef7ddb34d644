import { featureNames } from './feature-names.js';
import type { EvidenceFact } from './register-facts.js';

/**
 * Names a piece of confirmed evidence at the start of a reason, saying when it is about a closed
 * predecessor rather than the organisation itself. `dated` is how its date reads ("dated ...").
 */
export function describeFoundEvidence(evidence: EvidenceFact, dated: string): string {
  const found = `Confirmed evidence of ${featureNames[evidence.feature]} in "${evidence.documentTitle}" (${dated})`;
  const from = evidence.inheritedFrom;
  return from
    ? `${found}, about ${from.name} (${from.code}), which closed on ${from.closed} and whose work this organisation took over,`
    : found;
}
