// When an authority must answer a request (FOIA s.10(1)): promptly and no later than the 20th
// working day following the date of receipt. When it asks for clarification it need not comply
// until it has it (s.1(3)), and the date of receipt becomes the day the clarification arrives
// (s.10(6)): the 20 days start again from there. Pure: no clock, today is passed in.

import type {
  Clarification,
  FoiRequest,
  FoiRequestWithDeadline,
  Timeliness,
} from '../foi-request.js';
import { clockRunningStates } from '../foi-request.js';
import { addWorkingDays, workingDaysAfter } from './uk-working-days.js';

/** The statutory time for compliance, in working days (FOIA s.10(1)). */
export const statutoryWorkingDays = 20;

/** Working days after which a request still unanswered is long overdue (the ICO's outer limit for extensions). */
export const longOverdueWorkingDays = 40;

/**
 * The day the count starts after: receipt, or the day the latest clarification was answered.
 * Null while any clarification is still awaited (the clock is stopped).
 */
export function clockStartDay(
  receivedOn: string,
  clarifications: readonly Clarification[] = [],
): string | null {
  let start = receivedOn;
  for (const clarification of clarifications) {
    if (clarification.answeredOn === null) return null;
    if (clarification.answeredOn > start) start = clarification.answeredOn;
  }
  return start;
}

/** The last day for an answer: the `workingDays`-th working day after receipt (or after the last clarification). */
export function dueDate(
  receivedOn: string,
  clarifications: readonly Clarification[] = [],
  workingDays: number = statutoryWorkingDays,
): string | null {
  const start = clockStartDay(receivedOn, clarifications);
  return start === null ? null : addWorkingDays(start, workingDays);
}

/** The 40th working day, counted as `dueDate` counts; after it an unanswered request is long overdue. */
export function longOverdueDate(
  receivedOn: string,
  clarifications: readonly Clarification[] = [],
): string | null {
  return dueDate(receivedOn, clarifications, longOverdueWorkingDays);
}

/**
 * A request's deadlines and timeliness on `today`. Only a request awaiting a response can be
 * late; an answer on the due day itself is on time.
 */
export function requestDeadline(
  request: Pick<FoiRequest, 'state' | 'receivedOn' | 'clarifications'>,
  today: string,
): Pick<FoiRequestWithDeadline, 'dueOn' | 'longOverdueOn' | 'timeliness' | 'workingDaysOverdue'> {
  if (request.receivedOn === null)
    return { dueOn: null, longOverdueOn: null, timeliness: 'not_running', workingDaysOverdue: 0 };
  const dueOn = dueDate(request.receivedOn, request.clarifications);
  const longOverdueOn = longOverdueDate(request.receivedOn, request.clarifications);
  let timeliness: Timeliness = 'not_running';
  if (dueOn !== null && longOverdueOn !== null && clockRunningStates.includes(request.state))
    timeliness = today > longOverdueOn ? 'long_overdue' : today > dueOn ? 'overdue' : 'on_time';
  const workingDaysOverdue =
    dueOn !== null && timeliness !== 'on_time' && timeliness !== 'not_running'
      ? workingDaysAfter(dueOn, today)
      : 0;
  return { dueOn, longOverdueOn, timeliness, workingDaysOverdue };
}
