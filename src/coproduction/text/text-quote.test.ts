import { describe, expect, it } from 'vitest';

import { placeQuote, quoteAt } from './text-quote.js';

const version2 = [
  '# Crisis response policy',
  '',
  'The trust will not share a person’s records with the police without their consent.',
  '',
  'Each person will have a named worker who agrees the care plan with them.',
  '',
  'Disputes go to the joint panel, where each party has an equal vote.',
  '',
].join('\n');

const quoteOf = (content: string, exact: string) => {
  const start = content.indexOf(exact);
  return quoteAt(content, start, start + exact.length);
};

describe('quoteAt()', () => {
  it('keeps the quoted text with 32 characters before and after it', () => {
    const quote = quoteOf(version2, 'a named worker');
    expect(quote.exact).toBe('a named worker');
    expect(quote.prefix).toBe('consent.\n\nEach person will have ');
    expect(quote.prefix).toHaveLength(32);
    expect(quote.suffix).toBe(' who agrees the care plan with t');
  });

  it('keeps what context there is at the start and end of the text', () => {
    expect(quoteAt('Short text.', 0, 5)).toEqual({ exact: 'Short', prefix: '', suffix: ' text.' });
    expect(quoteAt('Short text.', 6, 11)).toEqual({ exact: 'text.', prefix: 'Short ', suffix: '' });
  });

  it('refuses an empty quote or one outside the text', () => {
    expect(() => quoteAt('Short text.', 3, 3)).toThrow(/Cannot quote characters 3 to 3/);
    expect(() => quoteAt('Short text.', 5, 40)).toThrow(/the text has 11 characters/);
    expect(() => quoteAt('Short text.', -1, 2)).toThrow(/Cannot quote/);
  });
});

describe('placeQuote()', () => {
  it('finds the quote again in a later version where text was added before it', () => {
    const quote = quoteOf(version2, 'an equal vote');
    const version3 = version2.replace(
      '# Crisis response policy\n',
      '# Crisis response policy\n\nAgreed by both parties in March.\n',
    );
    const place = placeQuote(version3, quote);
    expect(place?.exactMatch).toBe(true);
    expect(version3.slice(place?.start, place?.end)).toBe('an equal vote');
    expect(place?.start).toBe(version3.indexOf('an equal vote'));
  });

  it('chooses, of two identical passages, the one whose surrounding text fits the quote', () => {
    const content =
      'The person agrees the plan. Later the panel agrees the plan. The person signs.';
    const second = content.lastIndexOf('agrees the plan');
    const quote = quoteAt(content, second, second + 'agrees the plan'.length);
    expect(placeQuote(content, quote)).toEqual({
      start: second,
      end: second + 'agrees the plan'.length,
      exactMatch: true,
    });
    const edited = content.replace('Later the panel', 'After review, the panel');
    expect(placeQuote(edited, quote)?.start).toBe(edited.lastIndexOf('agrees the plan'));
  });

  it('places a quote whose words were edited on the passage they became, not as an exact match', () => {
    const quote = quoteOf(version2, 'a named worker who agrees the care plan with them');
    const version3 = version2.replace(
      'a named worker who agrees the care plan with them',
      'a named key worker who writes the care plan together with them',
    );
    const place = placeQuote(version3, quote);
    expect(place?.exactMatch).toBe(false);
    expect(version3.slice(place?.start, place?.end)).toBe(
      'a named key worker who writes the care plan together with them.',
    );
  });

  it('places a one-word quote that was re-spelt, using the text around it', () => {
    const quote = quoteOf(version2, 'Disputes');
    const version3 = version2.replace('Disputes go', 'Disagreements go');
    const place = placeQuote(version3, quote);
    expect(place?.exactMatch).toBe(false);
    expect(version3.slice(place?.start, place?.end)).toBe('Disagreements');
  });

  it('returns null when the quoted passage was deleted', () => {
    const quote = quoteOf(version2, 'where each party has an equal vote');
    const version3 = version2.replace(
      'Disputes go to the joint panel, where each party has an equal vote.\n',
      'Complaints follow the usual NHS complaints procedure.\n',
    );
    expect(placeQuote(version3, quote)).toBeNull();
    expect(placeQuote('', quote)).toBeNull();
    const middle = quoteOf(version2, 'Each person will have a named worker');
    const withoutMiddle = version2.replace(
      'Each person will have a named worker who agrees the care plan with them.\n\n',
      '',
    );
    expect(placeQuote(withoutMiddle, middle)).toBeNull();
  });

  it('places an edited quote in a long document quickly', () => {
    const filler = Array.from(
      { length: 1_500 },
      (_, index) => `Paragraph ${index} describes how the service works on day ${index % 7}.`,
    ).join('\n\n');
    const content = `${filler}\n\n${version2}\n\n${filler}`;
    const quote = quoteOf(content, 'Each person will have a named worker who agrees the care plan');
    const edited = content.replace('agrees the care plan', 'writes the care plan');
    const started = performance.now();
    const place = placeQuote(edited, quote);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(edited.slice(place?.start, place?.end)).toBe(
      'Each person will have a named worker who writes the care plan',
    );
  });
});
