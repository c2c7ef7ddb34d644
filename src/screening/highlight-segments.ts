import type { Finding } from './finding.js';

/** A run of excerpt text, marked when it is one of the words that matched. */
export interface Segment {
  text: string;
  highlighted: boolean;
}

/**
 * Cuts a finding's excerpt into plain and highlighted runs. Highlights are offsets in the page
 * text; the excerpt starts at `finding.start`, so they are shifted, clipped and merged here.
 */
export function highlightSegments(
  finding: Pick<Finding, 'excerpt' | 'start' | 'highlights'>,
): Segment[] {
  const { excerpt } = finding;
  const spans = finding.highlights
    .map((span) => ({
      start: Math.max(0, span.start - finding.start),
      end: Math.min(excerpt.length, span.end - finding.start),
    }))
    .filter((span) => span.end > span.start)
    .sort((a, b) => a.start - b.start);
  const segments: Segment[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.end <= at) continue;
    const start = Math.max(at, span.start);
    if (start > at) segments.push({ text: excerpt.slice(at, start), highlighted: false });
    segments.push({ text: excerpt.slice(start, span.end), highlighted: true });
    at = span.end;
  }
  if (at < excerpt.length) segments.push({ text: excerpt.slice(at), highlighted: false });
  return mergeNeighbours(segments);
}

function mergeNeighbours(segments: Segment[]): Segment[] {
  const merged: Segment[] = [];
  for (const segment of segments) {
    const last = merged[merged.length - 1];
    if (last?.highlighted === segment.highlighted) last.text += segment.text;
    else merged.push({ ...segment });
  }
  return merged;
}
