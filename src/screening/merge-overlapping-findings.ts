import type { Finding } from './finding.js';
import { mergeSpans, uniqueProposals } from './join-findings-parts.js';

/**
 * One finding for each passage and label: findings of one label on one page whose passages
 * overlap (windows of one paragraph proposed by different indicators, or by the same words seen
 * from neighbouring sentences) become one. The strongest gives the score and what the model made
 * of it; the passage grows to cover them all, and every indicator and matched word is kept, so a
 * reviewer sees, and decides on, each piece of evidence once. Findings are returned in page order.
 */
export function mergeOverlappingFindings(findings: readonly Finding[]): Finding[] {
  const ordered = [...findings].sort(
    (a, b) =>
      pageOrder(a.page) - pageOrder(b.page) ||
      a.label.localeCompare(b.label) ||
      a.start - b.start ||
      a.end - b.end,
  );
  const groups: Finding[][] = [];
  let group: Finding[] = [];
  let end = -1;
  for (const finding of ordered) {
    const first = group[0];
    if (
      first &&
      first.page === finding.page &&
      first.label === finding.label &&
      finding.start < end
    ) {
      group.push(finding);
      end = Math.max(end, finding.end);
      continue;
    }
    if (group.length > 0) groups.push(group);
    group = [finding];
    end = finding.end;
  }
  if (group.length > 0) groups.push(group);
  return groups
    .map(mergeGroup)
    .sort(
      (a, b) =>
        pageOrder(a.page) - pageOrder(b.page) ||
        a.start - b.start ||
        a.label.localeCompare(b.label),
    );
}

function mergeGroup(group: readonly Finding[]): Finding {
  const [strongest] = [...group].sort((a, b) => b.score - a.score || a.start - b.start);
  if (!strongest) throw new Error('Cannot merge an empty group of findings');
  if (group.length === 1) return strongest;
  const inOrder = [...group].sort((a, b) => a.start - b.start);
  let excerpt = '';
  let start = inOrder[0]?.start ?? strongest.start;
  let end = start;
  for (const finding of inOrder) {
    // Overlapping passages are slices of the same page text: append only what is new.
    if (finding.end > end) excerpt += finding.excerpt.slice(end - finding.start);
    end = Math.max(end, finding.end);
    start = Math.min(start, finding.start);
  }
  const proposedBy = uniqueProposals([strongest, ...group].flatMap((each) => each.proposedBy));
  return {
    ...strongest,
    indicator: proposedBy[0]?.id ?? strongest.indicator,
    reason: proposedBy[0]?.reason ?? strongest.reason,
    proposedBy,
    excerpt,
    start,
    end,
    pages: [...new Set(group.flatMap((each) => each.pages))],
    highlights: mergeSpans(group.flatMap((each) => each.highlights)),
  };
}

function pageOrder(page: number | null): number {
  return page ?? -1;
}
