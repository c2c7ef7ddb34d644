import { redactionKinds, type RedactedSpan } from './redaction.js';

/** Drops spans that overlap a longer one (ties: earlier start, then kind order); sorts by start. */
export function resolveOverlaps(spans: readonly RedactedSpan[]): RedactedSpan[] {
  // The longest match has the most context behind it: an email address beats the postcode-like
  // local part inside it, and a whole phone number beats an NHS-number-shaped piece of it.
  const byPreference = [...spans].sort(
    (a, b) =>
      b.end - b.start - (a.end - a.start) ||
      a.start - b.start ||
      redactionKinds.indexOf(a.kind) - redactionKinds.indexOf(b.kind),
  );
  // Kept spans never overlap, so sorted by start they are sorted by end too, and a new span can
  // only clash with its neighbours there: a long document stays a sort, not a comparison of pairs.
  const kept: RedactedSpan[] = [];
  for (const span of byPreference) {
    const index = firstStartingAtOrAfter(kept, span.start);
    const before = kept[index - 1];
    const after = kept[index];
    if ((before && before.end > span.start) || (after && after.start < span.end)) continue;
    kept.splice(index, 0, span);
  }
  return kept;
}

function firstStartingAtOrAfter(sorted: readonly RedactedSpan[], start: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle]?.start ?? Infinity) < start) low = middle + 1;
    else high = middle;
  }
  return low;
}
