// The register's one rule for dates: a real day of the Gregorian calendar, written `YYYY-MM-DD`,
// and (unless the date may lie ahead) not after today. Every edge that takes a date (the CLI's
// `YYYY-MM-DD` options, the web's day, month and year boxes) checks it here and words the
// problem its own way.

/** What can be wrong with a date. */
export type CalendarDateProblem = 'not_a_date' | 'in_the_future';

/** A date checked by `checkCalendarDate`: its ISO text, or what is wrong with it. */
export type CalendarDateCheck =
  { ok: true; iso: string } | { ok: false; problem: CalendarDateProblem };

/**
 * Checks the day `year`-`month`-`day` (numbers as counted by people: January is 1) exists in a
 * four-digit year and, unless `future` is allowed, is not after `today` (a UTC day).
 */
export function checkCalendarDate(
  parts: { year: number; month: number; day: number },
  options: { today: Date; future?: boolean },
): CalendarDateCheck {
  const { year, month, day } = parts;
  if (![year, month, day].every(Number.isInteger) || year < 1000 || year > 9999)
    return { ok: false, problem: 'not_a_date' };
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    month < 1 ||
    month > 12 ||
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  )
    return { ok: false, problem: 'not_a_date' };
  const iso = `${String(year)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (!options.future && iso > todayOf(options.today))
    return { ok: false, problem: 'in_the_future' };
  return { ok: true, iso };
}

/** Checks a date written `YYYY-MM-DD` (surrounding spaces ignored) by the same rule. */
export function checkIsoDate(
  text: string,
  options: { today: Date; future?: boolean },
): CalendarDateCheck {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return { ok: false, problem: 'not_a_date' };
  return checkCalendarDate(
    { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) },
    options,
  );
}

/** Today's date as `YYYY-MM-DD` (UTC). */
export function todayOf(now: Date): string {
  return now.toISOString().slice(0, 10);
}
