import { SimwatchError } from '../../errors.js';
import { explainDeadline, type DeadlineExplanation } from '../../foi/deadlines/explain-deadline.js';
import { weekdayName } from '../../foi/deadlines/iso-day.js';
import { longOverdueDate } from '../../foi/deadlines/request-deadline.js';
import type { UkNation } from '../../foi/deadlines/uk-working-days.js';
import type { Clarification } from '../../foi/foi-request.js';
import { defineOfflineCommand } from '../define-offline-command.js';
import { listOption, stringOption } from '../register/define-register-command.js';

const nationNames: Record<UkNation, string> = {
  'england-and-wales': 'England and Wales',
  scotland: 'Scotland',
  'northern-ireland': 'Northern Ireland',
};

/** `simwatch foi deadline DATE`: the statutory due date of a request received on DATE, offline. */
export const foiDeadlineCommand = defineOfflineCommand({
  name: 'foi deadline',
  summary: 'Work out when an FOI request is due: 20 working days, UK bank holidays skipped',
  usage:
    'Usage: simwatch foi deadline DATE [--clarification ASKED:ANSWERED]... [--working-days N] [--json]',
  help: `Works out the day by which a public authority must answer a freedom of information
request received on DATE (YYYY-MM-DD): the 20th working day after receipt (FOIA s.10(1)).
Working days leave out Saturdays, Sundays, Christmas Day, Good Friday and the bank
holidays of every UK nation (FOIA s.10(6)): Easter Monday, 2 January, St Andrew's Day,
St Patrick's Day and 12 July all count as non-working for every authority. Day one is
the first working day after receipt, so a request received on a weekend or holiday
counts from the next working day. The last line printed is the due date alone.

Options:
  --clarification ASKED:ANSWERED   The authority asked for clarification on ASKED and had
                                   the answer on ANSWERED: the 20 days start again from
                                   ANSWERED (FOIA s.1(3)). Give ASKED alone (or ASKED:)
                                   while the answer is awaited: there is no due date then.
                                   Repeat for each clarification, in order.
  --working-days N                 Count N working days instead of 20 (e.g. 40)
  --json                           Print the working as JSON`,
  options: {
    clarification: { type: 'string', multiple: true },
    'working-days': { type: 'string' },
  },
  run({ values, positionals, json, print }) {
    const [date, ...extra] = positionals;
    if (date === undefined)
      throw new SimwatchError('usage', 'Cannot work out a deadline: give the date of receipt');
    if (extra.length > 0)
      throw new SimwatchError(
        'usage',
        `Cannot work out a deadline: give one date of receipt, not also "${extra.join(' ')}"`,
      );
    const workingDaysText = stringOption(values['working-days']);
    const workingDays = workingDaysText === undefined ? undefined : Number(workingDaysText);
    if (workingDays !== undefined && (!Number.isInteger(workingDays) || workingDays < 1))
      throw new SimwatchError(
        'usage',
        `Cannot use --working-days "${workingDaysText ?? ''}": give a whole number of days such as 20`,
      );
    const clarifications = listOption(values.clarification).map(parseClarification);
    let explanation;
    try {
      explanation = explainDeadline(date, { clarifications, workingDays });
    } catch (error) {
      // A date the user typed is a usage problem: show the message with the usage line.
      if (error instanceof SimwatchError && error.code === 'invalid_input')
        throw new SimwatchError('usage', error.message);
      throw error;
    }
    if (json) {
      const longOverdueOn = longOverdueDate(explanation.receivedOn, explanation.clarifications);
      print(JSON.stringify({ ...explanation, longOverdueOn }, null, 2));
      return Promise.resolve(0);
    }
    for (const line of describeDeadline(explanation)) print(line);
    return Promise.resolve(0);
  },
});

function parseClarification(text: string): Clarification {
  const match = /^([^:]+)(?::([^:]*))?$/.exec(text.trim());
  if (!match?.[1])
    throw new SimwatchError(
      'usage',
      `Cannot use --clarification "${text}": write it as ASKED:ANSWERED, e.g. 2026-03-05:2026-03-20`,
    );
  const answered = match[2]?.trim() ?? '';
  return { askedOn: match[1].trim(), answeredOn: answered === '' ? null : answered };
}

function longDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  const monthName = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, 1)).toLocaleString('en-GB', {
    month: 'long',
    timeZone: 'UTC',
  });
  return `${weekdayName(day)} ${String(date)} ${monthName} ${String(year)}`;
}

/** The working, line by line; the last line is the due date alone (or `none`). */
function describeDeadline(explanation: DeadlineExplanation): string[] {
  const { receivedOn, clarifications, workingDays, countsFrom, dueOn } = explanation;
  const lines = [`Received: ${longDay(receivedOn)}`];
  for (const { askedOn, answeredOn } of clarifications)
    lines.push(
      answeredOn === null
        ? `Clarification asked on ${longDay(askedOn)}: awaited, so the clock is stopped`
        : `Clarification asked on ${longDay(askedOn)}, answered on ${longDay(answeredOn)}: the count starts again`,
    );
  if (dueOn === null || countsFrom === null || explanation.firstWorkingDay === null) {
    lines.push('No due date until the clarification is answered.', 'none');
    return lines;
  }
  lines.push(
    `Counting ${String(workingDays)} working days after ${countsFrom}: day one is ${longDay(explanation.firstWorkingDay)}`,
  );
  lines.push(
    `Skipped: ${plural(explanation.weekendDaysSkipped, 'weekend day')} and ${plural(explanation.holidaysSkipped.length, 'bank holiday')}`,
  );
  for (const holiday of explanation.holidaysSkipped)
    lines.push(
      `  ${holiday.date} ${holiday.name} (${holiday.nations.map((nation) => nationNames[nation]).join(', ')})`,
    );
  lines.push(`Due: ${longDay(dueOn)}, the ${ordinal(workingDays)} working day`, dueOn);
  return lines;
}

function ordinal(count: number): string {
  const tens = count % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][count % 10] ?? 'th');
  return `${String(count)}${suffix}`;
}

function plural(count: number, noun: string): string {
  return `${String(count)} ${noun}${count === 1 ? '' : 's'}`;
}
