import type { EvidenceLabel } from '../../screening/finding.js';
import type { LabelledExample } from '../../screening/model/labelled-example.js';

/** A finding of an evidence label, with what training needs of it. */
export interface FindingPassage {
  id: number;
  documentId: number;
  label: EvidenceLabel;
  excerpt: string;
  /** Its review status now (pending, in_discussion, confirmed or rejected). */
  status: string;
}

/** The reviewed findings a model learned from, by the decision that made each an example. */
export interface ReviewedFindingIds {
  confirmed: number[];
  rejected: number[];
}

/**
 * A reviewed finding as a training example. It tells about its own label only: confirmed, the
 * passage shows the label and describes a practice; rejected, it does not show the label, and
 * its stance is unknown (a rejected passage may be a critique, or a practice of another kind).
 * Every finding of a document falls in one group, so cross-validation never splits a document.
 */
export function exampleOfReviewedFinding(
  finding: FindingPassage,
  confirmed: boolean,
): LabelledExample {
  return {
    id: `finding ${finding.id}`,
    text: finding.excerpt,
    group: `document:${finding.documentId}`,
    labels: { [finding.label]: confirmed },
    stance: confirmed ? 'practice' : null,
    uncertain: false,
    origin: 'register',
    source: `document:${finding.documentId}`,
  };
}

/** The findings that two reviewers confirmed or rejected, as examples, with their ids. */
export function reviewedExamples(findings: readonly FindingPassage[]): {
  examples: LabelledExample[];
  ids: ReviewedFindingIds;
} {
  const decided = findings.filter(
    (finding) => finding.status === 'confirmed' || finding.status === 'rejected',
  );
  return {
    examples: decided.map((finding) =>
      exampleOfReviewedFinding(finding, finding.status === 'confirmed'),
    ),
    ids: {
      confirmed: decided.filter((finding) => finding.status === 'confirmed').map(({ id }) => id),
      rejected: decided.filter((finding) => finding.status === 'rejected').map(({ id }) => id),
    },
  };
}

/**
 * The examples a model learned from, rebuilt from the ids it recorded with the decisions as they
 * were then (a finding reviewed again since keeps its earlier verdict here).
 */
export function examplesOfIds(
  findings: readonly FindingPassage[],
  ids: ReviewedFindingIds,
): LabelledExample[] {
  const confirmed = new Set(ids.confirmed);
  const rejected = new Set(ids.rejected);
  return findings
    .filter((finding) => confirmed.has(finding.id) || rejected.has(finding.id))
    .map((finding) => exampleOfReviewedFinding(finding, confirmed.has(finding.id)));
}

/** Whether two sets of reviewed findings are the same, whatever their order. */
export function sameReviewedFindings(a: ReviewedFindingIds, b: ReviewedFindingIds): boolean {
  const key = (ids: readonly number[]) => [...ids].sort((x, y) => x - y).join(',');
  return key(a.confirmed) === key(b.confirmed) && key(a.rejected) === key(b.rejected);
}
