import { describe, expect, it } from 'vitest';
import { findNhsNumbers } from './find-nhs-numbers.js';

// Numbers starting 999 are reserved for testing and never issued to patients.
const first = withCheckDigit('999000001');
const second = withCheckDigit('999654321');
const endsInZero = withCheckDigit('999000005');
const fourth = withCheckDigit('999876543');

/** Appends the modulus 11 check digit, worked out here rather than by the code under test. */
function withCheckDigit(firstNine: string): string {
  let sum = 0;
  for (let index = 0; index < 9; index++) sum += Number(firstNine.charAt(index)) * (10 - index);
  const check = (11 - (sum % 11)) % 11;
  if (check === 10) throw new Error(`Cannot make an NHS number from "${firstNine}": no digit fits`);
  return `${firstNine}${check}`;
}

function grouped(digits: string, separator: string): string {
  return [digits.slice(0, 3), digits.slice(3, 6), digits.slice(6)].join(separator);
}

function found(text: string): string[] {
  return findNhsNumbers(text).map((span) => text.slice(span.start, span.end));
}

describe('findNhsNumbers()', () => {
  it('builds its test numbers the same way as the documented example', () => {
    expect(withCheckDigit('943476591')).toBe('9434765919');
    expect(endsInZero).toMatch(/0$/);
  });

  it.each([
    ['NHS number 943 476 5919.', '943 476 5919'],
    ['NHS number: 943-476-5919', '943-476-5919'],
    ['(9434765919)', '9434765919'],
    [`Patient ${grouped(first, ' ')} was detained`, grouped(first, ' ')],
    [`ID ${grouped(second, '-')}, seen twice`, grouped(second, '-')],
    [`${endsInZero} at the start of the text`, endsInZero],
    [`NHS no.${fourth}`, fourth],
    [`NHS\u00a0number ${grouped(first, '\u00a0')}`, grouped(first, '\u00a0')],
    [`at the end: ${grouped(fourth, ' ')}`, grouped(fourth, ' ')],
  ])('finds the NHS number in %j', (text, expected) => {
    const start = text.indexOf(expected);
    expect(findNhsNumbers(text)).toEqual([
      { kind: 'nhs_number', start, end: start + expected.length },
    ]);
  });

  it.each([
    ['943 476 5918', 'a wrong check digit'],
    ['943 476 591', 'nine digits'],
    ['19434765919', 'a digit before'],
    ['94347659190', 'a digit after'],
    ['943 476-5919', 'two different separators'],
    ['9434 765 919', 'groups other than 3-3-4'],
    ['0.9434765919', 'the decimal part of a number'],
    ['9,434,765,919 pounds', 'thousands commas'],
    [`${first.slice(0, 9)}x`, 'a letter for the check digit'],
  ])('ignores %j (%s)', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('ignores every number whose check digit would have to be 10', () => {
    const candidates = Array.from({ length: 10 }, (_, digit) => `999 123 456${digit}`);
    expect(candidates.flatMap(found)).toEqual([]);
  });

  it('finds several numbers in one text, in order', () => {
    const text = `${first} and ${grouped(second, ' ')}; also 943-476-5919.`;
    expect(found(text)).toEqual([first, grouped(second, ' '), '943-476-5919']);
  });
});
