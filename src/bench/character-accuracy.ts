/**
 * Character accuracy of OCR output against the text that was set: 1 - (edit distance / length of
 * the expected text), both with whitespace normalised (runs of spaces and line breaks as one
 * space, ends trimmed), so that line wrapping and paragraph spacing do not count. Can be below 0
 * when the output is mostly invented; 1 is a perfect reading.
 */
export function characterAccuracy(expected: string, read: string): number {
  const a = normaliseWhitespace(expected);
  const b = normaliseWhitespace(read);
  if (a.length === 0) return b.length === 0 ? 1 : 0;
  return 1 - editDistance(a, b) / a.length;
}

/** Runs of whitespace as one space, ends trimmed. */
export function normaliseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Levenshtein distance (insertions, deletions, substitutions of UTF-16 units), two rows of DP. */
export function editDistance(a: string, b: string): number {
  if (a.length < b.length) return editDistance(b, a);
  let previous = new Uint32Array(b.length + 1);
  let current = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    const code = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (code === b.charCodeAt(j - 1) ? 0 : 1);
      const deletion = (previous[j] ?? 0) + 1;
      const insertion = (current[j - 1] ?? 0) + 1;
      current[j] = Math.min(substitution, deletion, insertion);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length] ?? 0;
}
