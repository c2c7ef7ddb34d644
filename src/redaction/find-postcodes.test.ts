import { describe, expect, it } from 'vitest';
import { findPostcodes } from './find-postcodes.js';

function found(text: string): string[] {
  return findPostcodes(text).map((span) => text.slice(span.start, span.end));
}

describe('findPostcodes()', () => {
  it.each([
    ['SW1A 1AA'],
    ['M1 1AE'],
    ['B33 8TH'],
    ['CR2 6XH'],
    ['DN55 1PT'],
    ['EC1A1BB'],
    ['sw1a 1aa'],
    ['W1A 0AX'],
    ['GIR 0AA'],
    ['M1 1ST'],
    ['LS1\u00a04AP'],
  ])('finds %j in an address', (postcode) => {
    const text = `1 Example Street, Leeds, ${postcode}.`;
    const start = text.indexOf(postcode);
    expect(findPostcodes(text)).toEqual([
      { kind: 'postcode', start, end: start + postcode.length },
    ]);
  });

  it.each([
    ['the A1', 'a road'],
    ['the M62', 'a motorway'],
    ['COVID-19', 'a disease'],
    ['SIM 2021', 'a model and a year'],
    ['NHS 111', 'a service number'],
    ['M1 1CK', 'inward letters no postcode uses'],
    ['QA1 1AA', 'a first letter no postcode uses'],
    ['SW1A 1AAX', 'a longer token'],
    ['XSW1A 1AA', 'a letter before'],
    ['SW1A', 'an outward code alone'],
    ['B2B', 'business jargon'],
    ['H1N1', 'a virus'],
    ['CO2 levels', 'a chemical formula'],
    ['Y2K', 'an abbreviation'],
    ['BS 7671', 'a British Standard'],
    ['A4 paper', 'a paper size'],
    ['the M1 1st junction', 'a road and an ordinal'],
  ])('ignores %j (%s)', (text) => {
    expect(found(text)).toEqual([]);
  });
});
