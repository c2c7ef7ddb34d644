import {
  describeFoundEvidence,
  foundInFinding,
  type FoundEvidence,
} from './describe-found-evidence.js';
import { featureNames } from './feature-names.js';
import { isAfter, isoDay } from './iso-day.js';
import type { AssuranceFact, Feature, OrganisationFacts } from './register-facts.js';

/** Confirmed evidence of a feature that an assurance covering the feature says cannot exist. */
export interface Contradiction {
  assuranceId: number;
  findingId: number;
  feature: Feature;
  assuranceGivenOn: string;
  /** The document's date (ISO `YYYY-MM-DD`): undated evidence never contradicts. */
  evidenceDate: string;
  explanation: string;
}

/**
 * Lists the assurances that confirmed evidence contradicts. In plain English:
 *
 * - Only confirmed evidence counts, and only evidence whose document has a date: without a date
 *   there is no way to tell whether the practice came before or after the assurance, so undated
 *   evidence never contradicts one.
 * - "Never used" covers every feature and is contradicted by evidence of any feature at any date,
 *   before or after the assurance: a claim never to have used a practice is a claim about all of
 *   the past, so a document showing the practice at any time contradicts it.
 * - "Ended" covers every feature and is contradicted by evidence dated after the day it said use
 *   ended (or, when it gave no day, after the day the assurance was given).
 * - "Will end" covers every feature and is contradicted by evidence dated after the day it said
 *   use would end; when it gave no day, no date can contradict it.
 * - "Feature not used" covers only its one feature and is contradicted by evidence of that
 *   feature dated after the day the assurance was given; one that names no feature covers none.
 * - "After" means a later day. Evidence dated on the same day as the date it is compared with does
 *   not contradict, because a document of that day may come from before the assurance or from the
 *   last day of use.
 */
export function findContradictions(facts: OrganisationFacts): Contradiction[] {
  return facts.assurances.flatMap((assurance) =>
    facts.evidence.flatMap((evidence) => {
      const evidenceDate = isoDay(evidence.documentDate);
      if (evidenceDate === null) return [];
      const explanation = explainContradiction(assurance, foundInFinding(evidence), evidenceDate);
      if (explanation === null) return [];
      return [
        {
          assuranceId: assurance.id,
          findingId: evidence.findingId,
          feature: evidence.feature,
          assuranceGivenOn: assurance.givenOn,
          evidenceDate,
          explanation,
        },
      ];
    }),
  );
}

/**
 * Returns why dated evidence (one finding, or the findings of one document) contradicts an
 * assurance, or null when it does not. A "feature not used" assurance is contradicted only by
 * its own feature, so pass it only the evidence of that feature.
 */
export function explainContradiction(
  assurance: AssuranceFact,
  evidence: FoundEvidence,
  evidenceDate: string,
): string | null {
  const givenOn = isoDay(assurance.givenOn);
  const scopeDate = isoDay(assurance.scopeDate);
  const found = describeFoundEvidence(evidence, `dated ${evidenceDate}`);
  switch (assurance.scope) {
    case 'never_used':
      // A new organisation may truly never have used what a predecessor it absorbed did.
      if (evidence.inheritedFrom) return null;
      return `${found} contradicts the assurance of ${assurance.givenOn} that the scheme had never been used: evidence of use at any date contradicts a claim never to have used it.`;
    case 'ended': {
      const endedOn = scopeDate ?? givenOn;
      if (endedOn === null || !isAfter(evidenceDate, endedOn)) return null;
      if (scopeDate === null)
        return `${found} is dated after the assurance of ${assurance.givenOn} that the scheme had ended.`;
      return givenOn !== null && isAfter(evidenceDate, givenOn)
        ? `${found} is dated after the assurance of ${assurance.givenOn} that the scheme had ended on ${scopeDate}.`
        : `${found} is dated after ${scopeDate}, the day the assurance of ${assurance.givenOn} said the scheme had ended.`;
    }
    case 'will_end':
      if (scopeDate === null || !isAfter(evidenceDate, scopeDate)) return null;
      return `${found} is dated after ${scopeDate}, the day the assurance of ${assurance.givenOn} said the scheme would end.`;
    case 'feature_not_used': {
      const feature = assurance.feature;
      if (feature === null || !evidence.features.every((each) => each === feature)) return null;
      if (givenOn === null || !isAfter(evidenceDate, givenOn)) return null;
      return `${found} is dated after the assurance of ${assurance.givenOn} that ${featureNames[feature]} was not used.`;
    }
  }
}
