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
  let start = 0;
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charAt(index);
    if (char === '(' || char === '[' || char === '{') depth += 1;
    else if (char === ')' || char === ']' || char === '}') depth -= 1;
    if (depth < 0) return undefined;
    if (depth === 0 && isSeparator(char)) {
      parts.push(text.slice(start, index));
      start = index + 1;
    }
  }
  if (depth !== 0) return undefined;
  parts.push(text.slice(start));
  return parts;
}
