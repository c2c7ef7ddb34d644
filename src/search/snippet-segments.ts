import { redactExcerpt } from '../redaction/redact-excerpt.js';
import { redactionMarkers } from '../redaction/redaction.js';

/** A run of snippet text, highlighted when it is a word the search matched. */
export interface SnippetSegment {
  text: string;
  highlighted: boolean;
}

/** Marks the engines put around matched words; control characters that page text never needs. */
export const highlightStart = '\u0001';
/** See `highlightStart`. */
export const highlightEnd = '\u0002';

/**
 * Cuts a snippet the database marked with `highlightStart`/`highlightEnd` into plain and
 * highlighted runs. The text stays text: pages render each run escaped, never the database's
 * output as HTML. Stray or unbalanced marks are dropped rather than trusted.
 */
export function snippetSegments(marked: string): SnippetSegment[] {
  const segments: SnippetSegment[] = [];
  let highlighted = false;
  let text = '';
  for (const character of marked) {
    if (character === highlightStart || character === highlightEnd) {
      const next = character === highlightStart;
      if (next !== highlighted) {
        push(segments, { text, highlighted });
        text = '';
        highlighted = next;
      }
      continue;
    }
    text += character;
  }
  push(segments, { text, highlighted });
  return segments;
}

/**
 * Removes personal data from a snippet (see `redactExcerpt`) without losing its highlights: the
 * rules run over the whole text, so a name split by a highlight is still found, and a removed
 * item becomes its plain marker.
 */
export function redactSegments(segments: readonly SnippetSegment[]): SnippetSegment[] {
  const text = segments.map((segment) => segment.text).join('');
  const { redacted } = redactExcerpt(text);
  if (redacted.length === 0) return segments.map((segment) => ({ ...segment }));
  const result: SnippetSegment[] = [];
  const copy = (start: number, end: number) => {
    let at = 0;
    for (const segment of segments) {
      const from = Math.max(start, at);
      const to = Math.min(end, at + segment.text.length);
      if (to > from) push(result, { text: text.slice(from, to), highlighted: segment.highlighted });
      at += segment.text.length;
    }
  };
  let cursor = 0;
  for (const span of redacted) {
    copy(cursor, span.start);
    push(result, { text: redactionMarkers[span.kind], highlighted: false });
    cursor = span.end;
  }
  copy(cursor, text.length);
  return result;
}

// Adds a run, joining it to the last one when both are highlighted or both are not.
function push(segments: SnippetSegment[], segment: SnippetSegment): void {
  if (segment.text === '') return;
  const last = segments[segments.length - 1];
  if (last?.highlighted === segment.highlighted) last.text += segment.text;
  else segments.push({ ...segment });
}
