import type { RedactedSpan } from './redaction.js';

// Royal Mail's formats: an outward code (A9, A99, AA9, AA99, A9A or AA9A, with the letters each
// position allows) and an inward code (9AA, without C, I, K, M, O or V), with or without one space,
// plus the special GIR 0AA. The letters are restricted because the restrictions are what keep
// road names ("M62"), product names and codes ("H1N1", "Y2K") from looking like postcodes.
const outward = [
  String.raw`[A-PR-UWYZ][A-HK-Y]?\d\d?`,
  String.raw`[A-PR-UWYZ]\d[A-HJKPS-UW]`,
  String.raw`[A-PR-UWYZ][A-HK-Y]\d[ABEHMNPRV-Y]`,
].join('|');
const inward = String.raw`\d[ABD-HJLNP-UW-Z]{2}`;
// Whole tokens only: a letter or digit on either side means a longer code, not a postcode.
const postcode = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(?:${outward})[ \u00a0]?${inward}|GIR[ \u00a0]?0AA)(?![\p{L}\p{N}])`,
  'giu',
);

// "1st", "2nd", "3rd", "4th" fit the inward format too, but in lower case they are ordinals ("the M1
// 1st junction"); a lower-case postcode is caught when the letters are not an ordinal suffix.
const ordinal = /\d(?:st|nd|rd|th)$/;

/** Finds full UK postcodes ("SW1A 1AA", "EC1A1BB"), in any case, as whole tokens. */
export function findPostcodes(text: string): RedactedSpan[] {
  return [...text.matchAll(postcode)]
    .filter((match) => !ordinal.test(match[0]))
    .map((match) => ({ kind: 'postcode', start: match.index, end: match.index + match[0].length }));
}
