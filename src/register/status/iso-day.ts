// Dates in the register are ISO `YYYY-MM-DD` strings. Strings of that fixed, zero-padded,
// year-first shape sort in date order, so once a value has been checked to have that shape,
// comparing it as a string is a safe date comparison, with no time zones and no clock.

const isoDayPattern = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?=$|T)/;

/** Returns the `YYYY-MM-DD` day of an ISO date or timestamp, or null when it is missing or unreadable. */
export function isoDay(value: string | null | undefined): string | null {
  // An unreadable date is treated as missing: a date we cannot read must not decide anything.
  return value == null ? null : (isoDayPattern.exec(value)?.[0] ?? null);
}

/** Returns true when ISO day `day` is strictly after ISO day `other`. */
export function isAfter(day: string, other: string): boolean {
  return day > other;
}
