import { describe, expect, it } from 'vitest';
import { findPhoneNumbers } from './find-phone-numbers.js';

// Every number here is from Ofcom's ranges for drama, which are never allocated to anyone.
function found(text: string): string[] {
  return findPhoneNumbers(text).map((span) => text.slice(span.start, span.end));
}

describe('findPhoneNumbers()', () => {
  it.each([
    ['01632 960 001'],
    ['(01632) 960001'],
    ['020 7946 0958'],
    ['07700 900 123'],
    ['+44 7700 900123'],
    ['+44 (0)20 7946 0958'],
    ['0808 157 0123'],
    ['0113 496 0000'],
    ['+447700900123'],
    ['0044 7700 900123'],
    ['01632-960-001'],
    ['01632960001'],
    ['+44 020 7946 0958'],
    ['0163 296 000'],
  ])('finds %j in a sentence', (number) => {
    const text = `Call ${number} today.`;
    expect(findPhoneNumbers(text)).toEqual([{ kind: 'phone', start: 5, end: 5 + number.length }]);
  });

  it.each([
    ['Tel:01632960001.', '01632960001'],
    ['ref 12 01632 960001', '01632 960001'],
    ['Tel: 07700 900 123 ext 45', '07700 900 123'],
    ['mobile (07700 900 123)', '07700 900 123'],
  ])('finds only the phone number in %j', (text, expected) => {
    expect(found(text)).toEqual([expected]);
  });

  it('splits two numbers written one after the other', () => {
    expect(found('07700 900123 07700 900456')).toEqual(['07700 900123', '07700 900456']);
  });

  it.each([
    ['in 1998 and 2021', 'years'],
    ['£1,234,567', 'money'],
    ['12/03/2021', 'a date with slashes'],
    ['01-02-2023', 'a date with hyphens'],
    ['01 02 2023', 'a date with spaces'],
    ['section 136', 'a statute reference'],
    ['s.136', 'a short statute reference'],
    ['FOI 2023/0456', 'an FOI reference'],
    ['45% of 1,000 people', 'percentages'],
    ['call 999, 111 or 101', 'service numbers'],
    ['NHS 111', 'NHS 111'],
    ['ODS codes RX4 and 00T', 'ODS codes'],
    ['0 0 0 0 0 0 0 0 0 0 0', 'a row of figures'],
    ['05 06 07 08 09', 'a row of two-digit figures'],
    ['000 0000 0000', 'a placeholder of zeros'],
    ['case 2023/0456789012', 'a long reference after a slash'],
    ['016329600011', 'twelve digits'],
    ['0113 496', 'too few digits'],
    ['01632 9600', 'nine digits'],
    ['0930 1030 1130', 'a list of times'],
    ['0.0163296000', 'a decimal'],
    ['+1 202 555 0100', 'a number outside the UK'],
    ['0033 1 23 45 67 89', 'an international number from France'],
  ])('ignores %j (%s)', (text) => {
    expect(found(text)).toEqual([]);
  });
});
