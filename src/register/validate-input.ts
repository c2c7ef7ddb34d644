import { SimwatchError } from '../errors.js';
import { checkIsoDate, todayOf } from './calendar-date.js';

/**
 * Checks an ISO calendar date (`YYYY-MM-DD`) that exists, and unless `future` is allowed, is not
 * after `today`. Returns it; throws an `invalid_input` error naming the field otherwise.
 */
export function checkDate(
  value: string,
  field: string,
  options: { today: Date; future?: boolean },
): string {
  const checked = checkIsoDate(value, options);
  if (checked.ok) return checked.iso;
  throw new SimwatchError(
    'invalid_input',
    checked.problem === 'in_the_future'
      ? `Cannot use ${field} "${value}": it is in the future (today is ${todayOf(options.today)})`
      : `Cannot use ${field} "${value}": write a date as YYYY-MM-DD, such as 2024-03-31`,
  );
}

/** The same for an optional date. */
export function checkOptionalDate(
  value: string | undefined | null,
  field: string,
  options: { today: Date; future?: boolean },
): string | null {
  return value === undefined || value === null || value.trim() === ''
    ? null
    : checkDate(value, field, options);
}

/** Checks a required piece of text is there and returns it trimmed. */
export function checkText(value: string | undefined | null, field: string): string {
  const text = value?.trim() ?? '';
  if (text === '')
    throw new SimwatchError('invalid_input', `Cannot record this: ${field} is missing`);
  return text;
}

/** Checks a value is one of a list. */
export function checkChoice<T extends string>(
  value: string,
  choices: readonly T[],
  field: string,
): T {
  const found = choices.find((choice) => choice === value.trim());
  if (found === undefined)
    throw new SimwatchError(
      'invalid_input',
      `Cannot use ${field} "${value}": choose one of ${choices.join(', ')}`,
    );
  return found;
}
