import { featureNames } from './feature-names.js';
import type { EvidenceFact, Feature } from './register-facts.js';

/** What dated evidence shows: the features found in one document. */
export interface FoundEvidence {
  features: readonly Feature[];
  documentTitle: string;
  /** The closed predecessor the evidence is about, when it is not about the organisation itself. */
  inheritedFrom?: EvidenceFact['inheritedFrom'];
}

/** The evidence of one finding, as found evidence. */
export function foundInFinding(evidence: EvidenceFact): FoundEvidence {
  return {
    features: [evidence.feature],
    documentTitle: evidence.documentTitle,
    inheritedFrom: evidence.inheritedFrom,
  };
}

/**
 * Names confirmed evidence at the start of a reason, saying when it is about a closed
 * predecessor rather than the organisation itself. `dated` is how its date reads ("dated ...").
 */
export function describeFoundEvidence(evidence: FoundEvidence, dated: string): string {
  const found = `Confirmed evidence ${describeFeatures(evidence.features)} in "${evidence.documentTitle}" (${dated})`;
  const from = evidence.inheritedFrom;
  return from
    ? `${found}, about ${from.name} (${from.code}), which closed on ${from.closed} and whose work this organisation took over,`
    : found;
}

/** "of police in care planning", "of A and of B", "of A, of B and of C". */
export function describeFeatures(list: readonly Feature[]): string {
  const named = list.map((feature) => `of ${featureNames[feature]}`);
  return named.length <= 1
    ? (named[0] ?? '')
    : `${named.slice(0, -1).join(', ')} and ${named.at(-1) ?? ''}`;
}
