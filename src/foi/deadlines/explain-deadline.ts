// The working behind a due date, for people checking it by hand: where the count starts, which
// holidays and weekend days it stepped over, and how clarification moved it.

import { SimwatchError } from '../../errors.js';
import type { Clarification } from '../foi-request.js';
import { addCalendarDays, parseIsoDay, weekdayOf } from './iso-day.js';
import { clockStartDay, statutoryWorkingDays } from './request-deadline.js';
import { addWorkingDays, ukBankHolidaysBetween, type UkBankHoliday } from './uk-working-days.js';

/** How a due date was reached. `dueOn` is null while a clarification is awaited. */
export interface DeadlineExplanation {
  receivedOn: string;
  clarifications: Clarification[];
  workingDays: number;
  /** The day the count starts after: receipt, or the last clarification's answer. */
  countsFrom: string | null;
  /** Day one of the count: the first working day after `countsFrom`. */
  firstWorkingDay: string | null;
  dueOn: string | null;
  /** Weekday holidays (in any UK nation) stepped over between `countsFrom` and `dueOn`. */
  holidaysSkipped: UkBankHoliday[];
  /** Saturdays and Sundays stepped over. */
  weekendDaysSkipped: number;
}

/**
 * Checks a request's clarifications make sense against its receipt: each asked on or after
 * receipt, answered on or after it was asked, in order, and only the last one still awaited.
 */
export function checkClarifications(
  receivedOn: string,
  clarifications: readonly Clarification[],
): Clarification[] {
  let previous = parseIsoDay(receivedOn, 'date of receipt');
  return clarifications.map((clarification, index) => {
    const askedOn = parseIsoDay(clarification.askedOn, 'date clarification was asked');
    if (askedOn < previous)
      throw new SimwatchError(
        'invalid_input',
        `Cannot use the clarification asked on ${askedOn}: it is before ${previous} (${index === 0 ? 'the day the request was received' : 'the previous clarification was answered'})`,
        { field: 'clarification' },
      );
    const answeredOn =
      clarification.answeredOn === null
        ? null
        : parseIsoDay(clarification.answeredOn, 'date clarification was answered');
    if (answeredOn !== null && answeredOn < askedOn)
      throw new SimwatchError(
        'invalid_input',
        `Cannot use the clarification answered on ${answeredOn}: it is before it was asked (${askedOn})`,
        { field: 'clarification' },
      );
    if (answeredOn === null && index < clarifications.length - 1)
      throw new SimwatchError(
        'invalid_input',
        `Cannot use the clarification asked on ${askedOn}: it has no answer, yet another was asked after it`,
        { field: 'clarification' },
      );
    previous = answeredOn ?? askedOn;
    return { askedOn, answeredOn };
  });
}

/** Works out a due date and the days it skipped; throws `invalid_input` for impossible dates. */
export function explainDeadline(
  receivedOn: string,
  options: { clarifications?: readonly Clarification[]; workingDays?: number } = {},
): DeadlineExplanation {
  const received = parseIsoDay(receivedOn, 'date of receipt');
  const clarifications = checkClarifications(received, options.clarifications ?? []);
  const workingDays = options.workingDays ?? statutoryWorkingDays;
  const countsFrom = clockStartDay(received, clarifications);
  if (countsFrom === null)
    return {
      receivedOn: received,
      clarifications,
      workingDays,
      countsFrom,
      firstWorkingDay: null,
      dueOn: null,
      holidaysSkipped: [],
      weekendDaysSkipped: 0,
    };
  const dueOn = addWorkingDays(countsFrom, workingDays);
  let weekendDaysSkipped = 0;
  for (let day = addCalendarDays(countsFrom, 1); day < dueOn; day = addCalendarDays(day, 1))
    if (weekdayOf(day) === 0 || weekdayOf(day) === 6) weekendDaysSkipped += 1;
  return {
    receivedOn: received,
    clarifications,
    workingDays,
    countsFrom,
    firstWorkingDay: addWorkingDays(countsFrom, 1),
    dueOn,
    holidaysSkipped: ukBankHolidaysBetween(countsFrom, dueOn),
    weekendDaysSkipped,
  };
}
