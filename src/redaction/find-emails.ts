import type { RedactedSpan } from './redaction.js';

// A local part of letters, digits and . _ % + -, then "@", then a domain of at least two labels
// whose last label is letters only. Requiring the local part keeps social media "@handles"; requiring
// a dotted domain keeps "user@host" shorthands and "2023@2024"-style oddities.
// Matches start only at the start of a token, so a long run of text with no "@" is read once.
const address =
  /(?<![\p{L}\p{N}_.%+-])[\p{L}\p{N}_.%+-]+@[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)*\.\p{L}{2,}/gu;

/** Finds email addresses such as "jane.doe@example.org" or "a_b+c@example.co.uk". */
export function findEmails(text: string): RedactedSpan[] {
  return [...text.matchAll(address)].map((match) => ({
    kind: 'email',
    start: match.index,
    end: match.index + match[0].length,
  }));
}
