import type { RedactedSpan } from './redaction.js';

// A candidate is an optional +44 or 0044 (perhaps with "(0)"), an optional bracketed area code,
// then up to six digit groups joined by one space, no-break space or hyphen. It may not touch a
// letter, digit, currency sign, slash or plus before it, so references ("FOI 2023/0456") and money
// are never read as phone numbers. Whether it is one is decided by its groups, below.
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
  const groups = [...match[0].slice(prefixLength).matchAll(digitRun)].map((run) => ({
    length: run[0].length,
    end: match.index + prefixLength + run.index + run[0].length,
  }));
  const first = match[0].slice(prefixLength).replace(/^\(/, '');
  // Nationally the number starts with a single 0; "00" starts an international number elsewhere.
  if (prefixLength === 0 && !/^0[1-9]/.test(first)) return undefined;
  // +44 replaces the leading 0, which people sometimes keep anyway ("+44 020 ...").
  let digits = prefixLength > 0 && !first.startsWith('0') ? 1 : 0;
  let end: number | undefined;
  for (const [index, group] of groups.entries()) {
    // An area code shorter than "020", or a later group of one digit, looks like a date or a row
    // of figures, not a phone number.
    if (index === 1 && digits < 3) break;
    if (index > 0 && group.length < 2) break;
    digits += group.length;
    if (digits > 11) break;
    // Take the longest run of whole groups that makes 10 or 11 digits; what follows is other text.
    if (digits >= 10) end = group.end;
  }
  return end;
}
