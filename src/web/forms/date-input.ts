import { checkCalendarDate } from '../../register/calendar-date.js';
import type { ErrorList } from './form-errors.js';
import { textField, type FormFields } from './form-fields.js';

/** The three boxes of an NHS date input, as typed. */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

/** What a date input holds: an ISO date, nothing (when optional), or an error and its box. */
export type DateInputResult =
  { ok: true; date: string | null } | { ok: false; text: string; part: keyof DateParts };

/** The boxes of the date input `name` (named `name[day]`, `name[month]`, `name[year]`). */
export function datePartsOf(fields: FormFields, name: string): DateParts {
  return {
    day: textField(fields, `${name}[day]`),
    month: textField(fields, `${name}[month]`),
    year: textField(fields, `${name}[year]`),
  };
}

const partNames = ['day', 'month', 'year'] as const;

/**
 * Reads a date typed as day, month and year, with the NHS.UK error messages: "Enter ...", "...
 * must include a month", "... must be a real date", "... must be today or in the past".
 * `description` names the date in a sentence, such as "the date the assurance was given".
 */
export function parseDateParts(
  parts: DateParts,
  options: { description: string; required: boolean; allowFuture: boolean; today: Date },
): DateInputResult {
  parts = { day: parts.day.trim(), month: parts.month.trim(), year: parts.year.trim() };
  const missing = partNames.filter((part) => parts[part] === '');
  const named = capitalise(options.description);
  if (missing.length === 3)
    return options.required
      ? { ok: false, text: `Enter ${options.description}`, part: 'day' }
      : { ok: true, date: null };
  const firstMissing = missing[0];
  if (firstMissing !== undefined)
    return {
      ok: false,
      text: `${named} must include a ${missing.join(' and ')}`,
      part: firstMissing,
    };
  const invalid = partNames.find((part) => !/^\d+$/.test(parts[part]));
  if (invalid !== undefined)
    return { ok: false, text: `${named} must be a real date`, part: invalid };
  if (parts.year.length !== 4)
    return { ok: false, text: `${named} must include a year of 4 numbers`, part: 'year' };
  const month = Number(parts.month);
  const checked = checkCalendarDate(
    { year: Number(parts.year), month, day: Number(parts.day) },
    { today: options.today, future: options.allowFuture },
  );
  if (!checked.ok)
    return checked.problem === 'in_the_future'
      ? { ok: false, text: `${named} must be today or in the past`, part: 'day' }
      : {
          ok: false,
          text: `${named} must be a real date`,
          part: month < 1 || month > 12 ? 'month' : 'day',
        };
  return { ok: true, date: checked.iso };
}

/**
 * Reads the date input `name` into `errors`' form: the ISO date, null when optional and empty, or
 * undefined after adding the error (linked to the box to correct).
 */
export function readDateField(
  fields: FormFields,
  name: string,
  options: { description: string; required: boolean; allowFuture: boolean; today: Date },
  errors: ErrorList,
): string | null | undefined {
  const result = parseDateParts(datePartsOf(fields, name), options);
  if (result.ok) return result.date;
  errors.add(name, result.text, `#${name}-${result.part}`);
  return undefined;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
