/** A range of a page's text: `start` inclusive, `end` exclusive, as string indices. */
export interface TextSpan {
  start: number;
  end: number;
}

/** A confirmed finding's place in a page's text. */
export interface HighlightSpan extends TextSpan {
  findingId: number;
}

/** Personal data to hide from a page's text, and the marker shown in its place. */
export interface HiddenSpan extends TextSpan {
  marker: string;
}

/** A piece of text to show: as it is, or a redaction marker. */
export interface TextPiece {
  text: string;
  redacted: boolean;
}

/** A run of a page's text: highlighted (with the findings it shows) or not. */
export interface TextRun {
  /** The findings whose highlight this run is, in order; empty for plain text. */
  findingIds: number[];
  pieces: TextPiece[];
}

/**
 * Splits a page's text into runs for display: the spans of confirmed findings become highlighted
 * runs (overlapping ones merge into one run naming every finding), and hidden spans are replaced by
 * their markers. Spans outside the text are clipped and empty ones dropped, so stored offsets that
 * do not fit the text never break a page. The runs' text, markers aside, is the page's text.
 */
export function buildTextRuns(
  text: string,
  highlights: readonly HighlightSpan[],
  hidden: readonly HiddenSpan[] = [],
): TextRun[] {
  const marks = mergeHighlights(clip(highlights, text.length));
  const hides = dropOverlaps(clip(hidden, text.length));
  const bounds = [
    ...new Set([
      0,
      text.length,
      ...marks.flatMap((mark) => [mark.start, mark.end]),
      ...hides.flatMap((hide) => [hide.start, hide.end]),
    ]),
  ].sort((a, b) => a - b);
  const runs: TextRun[] = [];
  let markIndex = 0;
  let hideIndex = 0;
  let lastMark: (typeof marks)[number] | undefined;
  for (let index = 0; index + 1 < bounds.length; index += 1) {
    const start = bounds[index] ?? 0;
    const end = bounds[index + 1] ?? 0;
    while ((marks[markIndex]?.end ?? Infinity) <= start) markIndex += 1;
    while ((hides[hideIndex]?.end ?? Infinity) <= start) hideIndex += 1;
    const candidate = marks[markIndex];
    const mark = candidate && candidate.start <= start ? candidate : undefined;
    const hide = hides[hideIndex];
    const inHide = hide !== undefined && hide.start <= start;
    if (inHide && hide.start !== start) continue;
    const piece = inHide
      ? { text: hide.marker, redacted: true }
      : { text: text.slice(start, end), redacted: false };
    const run = runs[runs.length - 1];
    if (run && mark === lastMark) appendPiece(run, piece);
    else runs.push({ findingIds: mark ? [...mark.findingIds] : [], pieces: [piece] });
    lastMark = mark;
  }
  return runs;
}

/** Where a stored finding sits in its page's text: its offsets if they still fit, else its excerpt. */
export function locateFinding(
  pageText: string,
  finding: { start: number; end: number; excerpt: string },
): TextSpan | null {
  if (finding.excerpt !== '' && pageText.slice(finding.start, finding.end) === finding.excerpt)
    return { start: finding.start, end: finding.end };
  const found = finding.excerpt === '' ? -1 : pageText.indexOf(finding.excerpt);
  return found < 0 ? null : { start: found, end: found + finding.excerpt.length };
}

function clip<T extends TextSpan>(spans: readonly T[], length: number): T[] {
  return spans
    .map((span) => ({
      ...span,
      start: Math.max(0, Math.min(span.start, length)),
      end: Math.max(0, Math.min(span.end, length)),
    }))
    .filter((span) => Number.isInteger(span.start) && Number.isInteger(span.end))
    .filter((span) => span.start < span.end)
    .sort((a, b) => a.start - b.start || a.end - b.end);
}

function mergeHighlights(sorted: readonly HighlightSpan[]) {
  const merged: (TextSpan & { findingIds: number[] })[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start < last.end) {
      last.end = Math.max(last.end, span.end);
      if (!last.findingIds.includes(span.findingId)) last.findingIds.push(span.findingId);
    } else merged.push({ start: span.start, end: span.end, findingIds: [span.findingId] });
  }
  return merged;
}

function dropOverlaps(sorted: readonly HiddenSpan[]): HiddenSpan[] {
  const kept: HiddenSpan[] = [];
  for (const span of sorted) {
    const last = kept[kept.length - 1];
    if (!last || span.start >= last.end) kept.push(span);
  }
  return kept;
}

function appendPiece(run: TextRun, piece: TextPiece): void {
  const last = run.pieces[run.pieces.length - 1];
  if (last && !last.redacted && !piece.redacted) last.text += piece.text;
  else run.pieces.push(piece);
}
