/** Where a finding's passage is: its document, page and place on the page. */
export interface PassagePlace {
  documentId: number;
  page: number | null;
  start: number;
  end: number;
}

/** Findings whose passages overlap on one page of one document: one passage to judge. */
export interface PassageGroup<T extends PassagePlace> {
  documentId: number;
  page: number | null;
  /** The passage the group covers: from the first start to the last end, in the page text. */
  start: number;
  end: number;
  findings: T[];
}

/**
 * Groups findings by the passage they are about: those on the same page of the same document
 * whose passages overlap are one passage (each label of it a finding). Groups come in the order
 * of their first finding; the findings of a group in the order given.
 */
export function groupByPassage<T extends PassagePlace>(findings: readonly T[]): PassageGroup<T>[] {
  const groups: PassageGroup<T>[] = [];
  for (const finding of findings) {
    const group = groups.find(
      (each) =>
        each.documentId === finding.documentId &&
        each.page === finding.page &&
        finding.start < each.end &&
        each.start < finding.end,
    );
    if (group) {
      group.findings.push(finding);
      group.start = Math.min(group.start, finding.start);
      group.end = Math.max(group.end, finding.end);
    } else
      groups.push({
        documentId: finding.documentId,
        page: finding.page,
        start: finding.start,
        end: finding.end,
        findings: [finding],
      });
  }
  return groups;
}

/** How many distinct (passage, label) pairs the findings hold: the decisions a reviewer needs. */
export function countPassageLabels(
  findings: readonly (PassagePlace & { label: string })[],
): number {
  return groupByPassage(findings).reduce(
    (sum, group) => sum + new Set(group.findings.map((finding) => finding.label)).size,
    0,
  );
}
