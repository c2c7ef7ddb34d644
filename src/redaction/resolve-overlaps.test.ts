import { describe, expect, it } from 'vitest';
import type { RedactedSpan } from './redaction.js';
import { resolveOverlaps } from './resolve-overlaps.js';

describe('resolveOverlaps()', () => {
  it('keeps the longest of overlapping spans', () => {
    const postcode: RedactedSpan = { kind: 'postcode', start: 0, end: 7 };
    const email: RedactedSpan = { kind: 'email', start: 0, end: 19 };
    expect(resolveOverlaps([postcode, email])).toEqual([email]);
  });

  it('keeps the earlier of equally long overlapping spans', () => {
    const later: RedactedSpan = { kind: 'name', start: 3, end: 8 };
    const earlier: RedactedSpan = { kind: 'name', start: 1, end: 6 };
    expect(resolveOverlaps([later, earlier])).toEqual([earlier]);
  });

  it('settles identical spans by kind order, NHS number before phone number', () => {
    const phone: RedactedSpan = { kind: 'phone', start: 0, end: 12 };
    const nhsNumber: RedactedSpan = { kind: 'nhs_number', start: 0, end: 12 };
    expect(resolveOverlaps([phone, nhsNumber])).toEqual([nhsNumber]);
  });

  it('keeps spans that only touch and sorts them by start', () => {
    const spans: RedactedSpan[] = [
      { kind: 'name', start: 10, end: 14 },
      { kind: 'postcode', start: 0, end: 10 },
      { kind: 'email', start: 20, end: 40 },
    ];
    expect(resolveOverlaps(spans).map((span) => span.start)).toEqual([0, 10, 20]);
  });

  it('drops a span that overlaps two kept spans', () => {
    const spans: RedactedSpan[] = [
      { kind: 'phone', start: 0, end: 11 },
      { kind: 'nhs_number', start: 8, end: 18 },
      { kind: 'email', start: 12, end: 30 },
    ];
    expect(resolveOverlaps(spans)).toEqual([spans[0], spans[2]]);
  });
});
