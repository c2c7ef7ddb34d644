// Each rule removes markup that would otherwise sit inside or between sentences; line breaks are kept.
const lineRules: [RegExp, string][] = [
  [/^ {0,3}(```|~~~).*$/, ''],
  [/^ {0,3}([-*_=])( *\1){2,} *$/, ''],
  [/^ {0,3}#{1,6}(?:\s+(.*?))?(?:\s+#+)?\s*$/, '$1'],
  [/^ {0,3}(> ?)+/, ''],
  [/^\s*(?:[-*+]|\d{1,9}[.)])\s+/, ''],
];

const inlineRules: [RegExp, string][] = [
  [/!\[([^\]]*)\]\([^)]*\)/g, '$1'],
  [/\[([^\]]+)\]\([^)]*\)/g, '$1'],
  [/`([^`]+)`/g, '$1'],
  [/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2'],
  [/(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])/g, '$1'],
  [/(?<!\w)_(?=\S)(.+?)(?<=\S)_(?!\w)/g, '$1'],
];

/** Removes the Markdown markup that breaks sentences (headings, bullets, emphasis, links), keeping lines. */
export function stripMarkdown(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      let result = line;
      for (const [pattern, replacement] of lineRules) result = result.replace(pattern, replacement);
      for (const [pattern, replacement] of inlineRules)
        result = result.replace(pattern, replacement);
      return result;
    })
    .join('\n');
}
