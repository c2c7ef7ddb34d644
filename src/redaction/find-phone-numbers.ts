import type { RedactedSpan } from './redaction.js';

// A candidate is an optional +44 or 0044 (perhaps with "(0)"), an optional bracketed area code,
// then up to six digit groups joined by one space, no-break space or hyphen; the cap keeps a long
// row of figures from being rescanned at every start. It may not touch a letter, digit, currency
// sign, slash or plus before it, so references ("FOI 2023/0456") and money are never read as phone
// numbers. Whether a candidate is a phone number is decided by its groups, below.
const candidate =
  /(?<![\w£$€/+]|\d[.,])(?<international>(?:\+|00)44[ \u00a0]?(?:\(0\)[ \u00a0]?)?)?(?:\(0\d{2,5}\)[ \u00a0]?)?\d+(?:[ \u00a0-]\d+){0,5}/g;
const digitRun = /\d+/g;

/** Finds UK phone numbers: 0 or +44 first, then 10 or 11 digits in national form (with the 0). */
export function findPhoneNumbers(text: string): RedactedSpan[] {
  const found: RedactedSpan[] = [];
  const pattern = new RegExp(candidate);
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const end = findNationalEnd(match);
    if (end === undefined) {
      // A later start inside the same run may still be a phone number ("ref 12 01632 960001").
      pattern.lastIndex = match.index + 1;
      continue;
    }
    found.push({ kind: 'phone', start: match.index, end });
    pattern.lastIndex = end;
  }
  return found;
}

function findNationalEnd(match: RegExpExecArray): number | undefined {
  const prefixLength = match.groups?.international?.length ?? 0;
  const body = match[0].slice(prefixLength);
  const groups = [...body.matchAll(digitRun)].map((run) => ({
    length: run[0].length,
    end: match.index + prefixLength + run.index + run[0].length,
  }));
  const national = body.replace(/^\(/, '');
  // Nationally the number starts with a single 0; "00" starts an international number elsewhere.
  if (prefixLength === 0 && !/^0[1-9]/.test(national)) return undefined;
  // +44 replaces the leading 0, which people sometimes keep anyway ("+44 020 ...").
  let digits = prefixLength > 0 && !national.startsWith('0') ? 1 : 0;
  let end: number | undefined;
  for (const [index, group] of groups.entries()) {
    // An area code shorter than "020" ("01 02 2023", "05 06 07 08 09") is a date or a row of
    // figures, not a phone number.
    if (index === 1 && digits < 3) break;
    digits += group.length;
    if (digits > 11) break;
    // Take the longest run of whole groups that makes 10 or 11 digits; what follows is other text.
    if (digits >= 10) end = group.end;
  }
  return end;
}
