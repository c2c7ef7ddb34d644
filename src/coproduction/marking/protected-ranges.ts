/** A span of Markdown whose characters must not change: code, link targets, URLs, comments. */
export interface CharRange {
  readonly start: number;
  readonly end: number;
}

const inlinePatterns = [
  /`+[^`]*?`+/g,
  /\]\([^)]*\)/g,
  /<[^>\s]+>/g,
  /\bhttps?:\/\/\S+/g,
  /\bwww\.\S+/g,
  /\S+@\S+\.\S+/g,
  /<!--[\s\S]*?-->/g,
  /^ {0,3}\[[^\]]+\]:.*$/gm,
];

/** Finds the ranges of Markdown that a marked copy leaves exactly as they are. */
export function protectedRanges(markdown: string): CharRange[] {
  const ranges: CharRange[] = [];
  for (const pattern of inlinePatterns) {
    for (const match of markdown.matchAll(pattern)) {
      ranges.push({ start: match.index, end: match.index + match[0].length });
    }
  }
  let fenceStart: number | null = null;
  let fence = '';
  let offset = 0;
  for (const line of markdown.split('\n')) {
    const opener = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fenceStart === null && opener?.[1] !== undefined) {
      fenceStart = offset;
      fence = opener[1];
    } else if (fenceStart !== null && line.trim().startsWith(fence)) {
      ranges.push({ start: fenceStart, end: offset + line.length });
      fenceStart = null;
    } else if (
      fenceStart === null &&
      /^( {4}|\t)/.test(line) &&
      !/^\s*([-*+]|\d+[.)])\s/.test(line)
    ) {
      // Indented lines may be code blocks; leaving them alone costs a few points at most.
      ranges.push({ start: offset, end: offset + line.length });
    }
    offset += line.length + 1;
  }
  if (fenceStart !== null) ranges.push({ start: fenceStart, end: markdown.length });
  return ranges;
}

/** True when [start, end) touches any of the ranges. */
export function overlapsAny(ranges: readonly CharRange[], start: number, end: number): boolean {
  return ranges.some((range) => start < range.end && end > range.start);
}
