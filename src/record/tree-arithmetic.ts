// Tree sizes may pass 2^32, beyond what JavaScript's bit operators handle, so this is plain arithmetic.

/** Whether the value can be a leaf index or tree size. */
export function isCount(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}

/** The value shifted right by one bit. */
export function half(value: number): number {
  return Math.floor(value / 2);
}

/** Whether the value is 1, 2, 4, 8, … */
export function isPowerOfTwo(value: number): boolean {
  let power = 1;
  while (power < value) power *= 2;
  return power === value;
}

/** The largest power of two less than `n` (n > 1): where RFC 9162 splits a tree of n leaves. */
export function largestPowerOfTwoBelow(n: number): number {
  let power = 1;
  while (power * 2 < n) power *= 2;
  return power;
}
