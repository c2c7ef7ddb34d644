import type { FindingProposal, Span } from './finding.js';

/** Each proposer once, indicators before frames (an indicator's reason says more than a frame's). */
export function uniqueProposals(
  proposals: readonly { id: string; reason: string }[],
): FindingProposal[] {
  const seen = new Map<string, FindingProposal>();
  for (const { id, reason } of proposals) if (!seen.has(id)) seen.set(id, { id, reason });
  return [...seen.values()].sort(
    (a, b) => Number(a.id.startsWith('frame:')) - Number(b.id.startsWith('frame:')),
  );
}

/** Sorts spans and joins those that overlap or touch. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}
