import { isValidNhsNumber } from './is-valid-nhs-number.js';
import type { RedactedSpan } from './redaction.js';

// Ten digits, bare or grouped 3-3-4 with the same separator twice (space, no-break space or
// hyphen). A digit on either side, or a decimal point or thousands comma between digits, means the
// ten digits are part of a longer number.
const candidate = /(?<!\d|\d[.,])\d{3}([ \u00a0-]?)\d{3}\1\d{4}(?!\d|[.,]\d)/g;

/** Finds NHS numbers: ten digits, optionally written 3-3-4, whose check digit is valid. */
export function findNhsNumbers(text: string): RedactedSpan[] {
  const found: RedactedSpan[] = [];
  for (const match of text.matchAll(candidate)) {
    // A wrong check digit means a count or a reference far more often than a mistyped NHS number;
    // a phone number of the same shape is still caught by the phone rule.
    if (!isValidNhsNumber(match[0].replace(/\D/g, ''))) continue;
    found.push({ kind: 'nhs_number', start: match.index, end: match.index + match[0].length });
  }
  return found;
}
