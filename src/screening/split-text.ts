import type { Span } from './finding.js';

const abbreviations = new Set([
  'dr',
  'mr',
  'mrs',
  'ms',
  'miss',
  'prof',
  'st',
  'no',
  'nos',
  'vs',
  'etc',
  'eg',
  'ie',
  'e.g',
  'i.e',
  'ltd',
  'co',
  'inc',
  'approx',
  'para',
  'p',
  'pp',
  'fig',
  'ref',
  'cf',
  'al',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'insp',
  'supt',
  'sgt',
  'pc',
  'det',
  'cllr',
  'rev',
  'hon',
  'govt',
  'dept',
  'est',
]);

const longestAbbreviation = Math.max(...[...abbreviations].map((word) => word.length));

/**
 * Splits text into paragraphs at blank lines (a line break, then only spaces, tabs or no-break
 * spaces, then another), returning their ranges (empty ones skipped).
 */
export function splitParagraphs(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  // `indexOf` finds line breaks several times faster than a regular expression does.
  let lineBreak = text.indexOf('\n');
  while (lineBreak >= 0) {
    let next = lineBreak + 1;
    while (isBlankLineSpace(text.charCodeAt(next))) next += 1;
    if (text.charCodeAt(next) === 0x0a) {
      pushTrimmed(text, start, lineBreak, spans);
      start = next + 1;
      lineBreak = text.indexOf('\n', start);
    } else lineBreak = text.indexOf('\n', next);
  }
  pushTrimmed(text, start, text.length, spans);
  return spans;
}

function isBlankLineSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0xa0;
}

/**
 * Splits a range of text into sentences: at `.`, `!` or `?` followed by a capital, digit or
 * opening quote (not after common abbreviations), and at line starts that open a list item.
 * Very long runs without punctuation (tables) are cut at line ends.
 */
export function splitSentences(text: string, range: Span): Span[] {
  const spans: Span[] = [];
  let start = range.start;
  const boundary =
    /([.!?…]["'”’)\]]*)\s+(?=["'“‘([]?[\p{Lu}\p{N}•])|\n(?=[ \t]*(?:[•▪●◦*–-]|\d{1,2}[.)]\s|[a-z][.)]\s))|;\s*\n|:\s*\n/gu;
  boundary.lastIndex = range.start;
  const slice = text.slice(0, range.end);
  for (let match = boundary.exec(slice); match; match = boundary.exec(slice)) {
    const terminatorEnd = match.index + (match[1]?.length ?? match[0].length);
    if (match[1] && endsWithAbbreviation(text, start, match.index)) continue;
    pushTrimmed(text, start, terminatorEnd, spans);
    start = match.index + match[0].length;
  }
  pushTrimmed(text, start, range.end, spans);
  if (!spans.some((span) => span.end - span.start > 800)) return spans;
  return spans.flatMap((span) =>
    span.end - span.start > 800 ? splitLongSentence(text, span) : [span],
  );
}

function endsWithAbbreviation(text: string, start: number, dotIndex: number): boolean {
  if (text.charCodeAt(dotIndex) !== 0x2e) return false;
  // The word before the full stop: letters and inner full stops ("e.g"), at most 12 characters.
  let wordStart = dotIndex;
  const limit = Math.max(start, dotIndex - 12);
  while (wordStart > limit && isLetterOrDot(text[wordStart - 1] ?? '')) wordStart -= 1;
  if (dotIndex - wordStart > longestAbbreviation) return false;
  const word = text.slice(wordStart, dotIndex).toLowerCase();
  if (word === '' || word === '.') return false;
  // A single capital letter is an initial ("Dr A. Example") rather than a sentence end.
  return abbreviations.has(word) || (word.length === 1 && isLetterOrDot(word));
}

function isLetterOrDot(character: string): boolean {
  const code = character.charCodeAt(0);
  if (code === 0x2e || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a))
    return true;
  return code > 0x7f && /\p{L}/u.test(character);
}

function splitLongSentence(text: string, span: Span): Span[] {
  const spans: Span[] = [];
  let start = span.start;
  const newline = /\n/g;
  newline.lastIndex = span.start;
  const slice = text.slice(0, span.end);
  for (let match = newline.exec(slice); match; match = newline.exec(slice)) {
    if (match.index - start >= 200) {
      pushTrimmed(text, start, match.index, spans);
      start = match.index + 1;
    }
  }
  pushTrimmed(text, start, span.end, spans);
  return spans;
}

function pushTrimmed(text: string, start: number, end: number, spans: Span[]): void {
  while (start < end && isSpace(text.charCodeAt(start))) start += 1;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end -= 1;
  if (end > start) spans.push({ start, end });
}

function isSpace(code: number): boolean {
  if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) return true;
  return code > 0x7f && /\s/.test(String.fromCharCode(code));
}
