import { describe, expect, it } from 'vitest';
import { isValidNhsNumber } from './is-valid-nhs-number.js';

describe('isValidNhsNumber()', () => {
  // Worked by hand: weights 10..2 on the first nine digits, check = 11 - (sum mod 11).
  it.each([
    ['9434765919', 'the documented example (sum 299, remainder 2, check 9)'],
    ['9990000018', 'a test-range number (sum 245, remainder 3, check 8)'],
    ['9990000050', 'a number whose check works out as 11, written 0 (sum 253)'],
  ])('accepts %s: %s', (digits) => {
    expect(isValidNhsNumber(digits)).toBe(true);
  });

  it.each([
    ['9434765918', 'a wrong check digit'],
    ['9434765910', 'a check digit of 0 where 9 is due'],
    ['9991234560', 'a number whose check works out as 10, which no digit can hold (sum 320)'],
    ['943476591', 'nine digits'],
    ['94347659190', 'eleven digits'],
    ['943 476 5919', 'spaces (callers strip them first)'],
    ['94347659l9', 'a letter among the digits'],
  ])('rejects %s: %s', (digits) => {
    expect(isValidNhsNumber(digits)).toBe(false);
  });
});
