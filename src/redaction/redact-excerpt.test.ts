import { describe, expect, it } from 'vitest';
import { redactExcerpt } from './redact-excerpt.js';
import { redactionMarkers, type Redaction } from './redaction.js';

// All personal data here is fictional: a documented example NHS number, Ofcom drama phone numbers,
// example.org addresses and a made-up person.
const mixed = [
  'Mr John Smith (NHS number 943 476 5919, DOB: 12/03/1985) of 1 Example Street, Leeds LS1 4AP',
  'was detained under section 136 on 12 March 2021. Dr. A. Patel called 0113 496 0000 and',
  'emailed jane.doe@example.org; the family can be reached on +44 (0)20 7946 0958.',
].join('\n');

const removedFromMixed = [
  ['name', 'John Smith'],
  ['nhs_number', '943 476 5919'],
  ['date_of_birth', '12/03/1985'],
  ['postcode', 'LS1 4AP'],
  ['name', 'A. Patel'],
  ['phone', '0113 496 0000'],
  ['email', 'jane.doe@example.org'],
  ['phone', '+44 (0)20 7946 0958'],
];

function removed(text: string, redaction: Redaction): string[][] {
  return redaction.redacted.map((span) => [span.kind, text.slice(span.start, span.end)]);
}

describe('redactExcerpt()', () => {
  it('replaces every kind of personal data in a mixed text with its marker', () => {
    expect(redactExcerpt(mixed).text).toBe(
      [
        'Mr [name removed] (NHS number [NHS number removed], DOB: [date of birth removed]) of 1 Example Street, Leeds [postcode removed]',
        'was detained under section 136 on 12 March 2021. Dr. [name removed] called [phone number removed] and',
        'emailed [email removed]; the family can be reached on [phone number removed].',
      ].join('\n'),
    );
  });

  it('reports each removed item with offsets into the original text, in order', () => {
    expect(removed(mixed, redactExcerpt(mixed))).toEqual(removedFromMixed);
  });

  it('gives offsets that rebuild the redacted text from the original', () => {
    const redaction = redactExcerpt(mixed);
    let rebuilt = mixed;
    for (const span of [...redaction.redacted].reverse()) {
      rebuilt =
        rebuilt.slice(0, span.start) + redactionMarkers[span.kind] + rebuilt.slice(span.end);
    }
    expect(rebuilt).toBe(redaction.text);
    for (const [index, span] of redaction.redacted.entries()) {
      expect(span.start).toBeLessThan(span.end);
      expect(span.start).toBeGreaterThanOrEqual(redaction.redacted[index - 1]?.end ?? 0);
    }
  });

  it.each([
    [mixed],
    ['Call 07700 900 123 or write to a_b+c@example.co.uk at SW1A 1AA, Mrs O’Brien.'],
    [Object.values(redactionMarkers).join(' ')],
    ['DOB: [date of birth removed], Mr [name removed], NHS number [NHS number removed]'],
  ])('changes nothing when run again on its own output (%#)', (text) => {
    const once = redactExcerpt(text).text;
    expect(redactExcerpt(once)).toEqual({ text: once, redacted: [] });
  });

  it.each([
    ['A Section 136 suite opened on 12 March 2021 after an FOI request (FOI 2023/0456).'],
    ['Spending rose 12% to £1,234,567 in 2022/23; call 999, 111 or 101, or NHS 111 online.'],
    ['Traffic on the M62 and the A1 delayed the SIM 2021 review of COVID-19 cases.'],
    ['Follow @NHSEngland for updates; we miss the point if Dr who? is the question.'],
    ['Under s.136 and s.135 of the Mental Health Act 1983, ODS code RX4 applies.'],
    ['The meeting on 01/02/2023 reviewed 0930 1030 1130 slots and 943 476 5918 references.'],
  ])('leaves ordinary figures and words alone in %j', (text) => {
    expect(redactExcerpt(text)).toEqual({ text, redacted: [] });
  });

  it('keeps the longest match when rules overlap', () => {
    const text = 'Reply to sw1a1aa@example.com or 07700900123@example.com';
    const redaction = redactExcerpt(text);
    expect(redaction.text).toBe('Reply to [email removed] or [email removed]');
    expect(removed(text, redaction)).toEqual([
      ['email', 'sw1a1aa@example.com'],
      ['email', '07700900123@example.com'],
    ]);
  });

  it('returns text with nothing to remove unchanged', () => {
    expect(redactExcerpt('')).toEqual({ text: '', redacted: [] });
    expect(redactExcerpt('No personal data here.')).toEqual({
      text: 'No personal data here.',
      redacted: [],
    });
  });

  it('handles a long document in one call', () => {
    const document = Array.from({ length: 2000 }, () => mixed).join('\n\n');
    const redaction = redactExcerpt(document);
    expect(redaction.redacted).toHaveLength(2000 * removedFromMixed.length);
    expect(redaction.text).not.toMatch(/943 476 5919|0113 496 0000|jane\.doe/);
  });
});
