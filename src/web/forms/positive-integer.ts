/** The largest id a register table holds (PostgreSQL's `integer`). */
export const maxRowId = 2_147_483_647;

/**
 * A whole number from 1 to `max` written in digits alone, as an id or a page in an address or a
 * form: anything else, or a number too large for the register to hold, is undefined.
 */
export function positiveInteger(value: unknown, max = maxRowId): number | undefined {
  if (typeof value !== 'string' || !/^[1-9]\d{0,9}$/.test(value)) return undefined;
  const number = Number(value);
  return number <= max ? number : undefined;
}
