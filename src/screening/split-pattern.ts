/**
 * Splits pattern text at separator characters that sit outside any brackets, so that
 * `(a|b) c` splits into `(a|b)` and `c`. Returns undefined when the brackets do not balance.
 */
export function splitOutsideBrackets(
  text: string,
  isSeparator: (char: string) => boolean,
): string[] | undefined {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if ('([{'.includes(char)) depth += 1;
    if (')]}'.includes(char)) depth -= 1;
    if (depth < 0) return undefined;
    if (depth === 0 && isSeparator(char)) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  if (depth !== 0) return undefined;
  parts.push(current);
  return parts;
}
