import { SimwatchError } from '../errors.js';
import { checkIsoDate, todayOf } from './calendar-date.js';

/**
 * Checks an ISO calendar date (`YYYY-MM-DD`) that exists, and unless `future` is allowed, is not
 * after `today`. Returns it; throws an `invalid_input` error naming the field otherwise.
 */
export function checkDate(
  value: string,
  what: string,
  options: { today: Date; future?: boolean; field?: string },
): string {
  const checked = checkIsoDate(value, options);
  if (checked.ok) return checked.iso;
  throw new SimwatchError(
    'invalid_input',
    checked.problem === 'in_the_future'
      ? `Cannot use ${what} "${value}": it is in the future (today is ${todayOf(options.today)})`
      : `Cannot use ${what} "${value}": write a date as YYYY-MM-DD, such as 2024-03-31`,
    fieldOption(options.field),
  );
}

/** The same for an optional date. */
export function checkOptionalDate(
  value: string | undefined | null,
  what: string,
  options: { today: Date; future?: boolean; field?: string },
): string | null {
  return value === undefined || value === null || value.trim() === ''
    ? null
    : checkDate(value, what, options);
}

/**
 * Checks a required piece of text is there and returns it trimmed. `what` names it in the
 * message; `field`, when given, is carried on the error for the edge to point at.
 */
export function checkText(value: string | undefined | null, what: string, field?: string): string {
  const text = value?.trim() ?? '';
  if (text === '')
    throw new SimwatchError(
      'invalid_input',
      `Cannot record this: ${what} is missing`,
      fieldOption(field),
    );
  return text;
}

/** Checks a value is one of a list (`field`, when given, is carried on the error). */
export function checkChoice<T extends string>(
  value: string,
  choices: readonly T[],
  what: string,
  field?: string,
): T {
  const found = choices.find((choice) => choice === value.trim());
  if (found === undefined)
    throw new SimwatchError(
      'invalid_input',
      `Cannot use ${what} "${value}": choose one of ${choices.join(', ')}`,
      fieldOption(field),
    );
  return found;
}

function fieldOption(field: string | undefined): { field: string } | undefined {
  return field === undefined ? undefined : { field };
}
