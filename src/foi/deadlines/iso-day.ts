// Deadline arithmetic works on ISO days (`YYYY-MM-DD`) as UTC calendar days: no clock, no time zone.

import { SimwatchError } from '../../errors.js';

const isoDayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const millisecondsPerDay = 86_400_000;

/** Returns true when `text` is a real Gregorian day written `YYYY-MM-DD`. */
export function isIsoDay(text: string): boolean {
  const match = isoDayPattern.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1000 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
}

/** Returns `text` (trimmed) when it is a real day written `YYYY-MM-DD`; throws `invalid_input` naming `what` otherwise. */
export function parseIsoDay(text: string, what = 'date'): string {
  const day = text.trim();
  if (!isIsoDay(day))
    throw new SimwatchError(
      'invalid_input',
      `Cannot use the ${what} "${text}": write a real day as YYYY-MM-DD, e.g. 2026-03-02`,
      { field: what },
    );
  return day;
}

function toTime(day: string): number {
  return Date.parse(`${parseIsoDay(day)}T00:00:00Z`);
}

/** The day `count` calendar days after `day` (before it when negative). */
export function addCalendarDays(day: string, count: number): string {
  return new Date(toTime(day) + count * millisecondsPerDay).toISOString().slice(0, 10);
}

/** The day of the week of `day`: 0 for Sunday to 6 for Saturday. */
export function weekdayOf(day: string): number {
  return new Date(toTime(day)).getUTCDay();
}

/** The English name of the day of the week of `day`, e.g. `Monday`. */
export function weekdayName(day: string): string {
  return (
    ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][
      weekdayOf(day)
    ] ?? ''
  );
}
