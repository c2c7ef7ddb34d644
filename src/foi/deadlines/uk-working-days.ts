// Working days as the Freedom of Information Act 2000 counts them (s.10(6)): any day but a
// Saturday, a Sunday, Christmas Day, Good Friday, or a bank holiday in ANY part of the United
// Kingdom. So Easter Monday (not a Scottish bank holiday) and 2 January (only a Scottish one) are
// both non-working days for every authority. The holidays come from date-holidays, offline.

import { createRequire } from 'node:module';

import type DateHolidays from 'date-holidays';

import { SimwatchError } from '../../errors.js';
import { addCalendarDays, parseIsoDay, weekdayOf } from './iso-day.js';

/** The parts of the United Kingdom with their own bank holidays. */
export type UkNation = 'england-and-wales' | 'scotland' | 'northern-ireland';

/** A weekday that is a bank (or common-law) holiday somewhere in the United Kingdom. */
export interface UkBankHoliday {
  date: string;
  name: string;
  nations: UkNation[];
}

/** date-holidays' GB states, with the nation each belongs to. */
const regions: readonly { state: string; nation: UkNation }[] = [
  { state: 'ENG', nation: 'england-and-wales' },
  { state: 'WLS', nation: 'england-and-wales' },
  { state: 'SCT', nation: 'scotland' },
  { state: 'NIR', nation: 'northern-ireland' },
];

type HolidaysConstructor = typeof DateHolidays;
let calendars: { nation: UkNation; holidays: InstanceType<HolidaysConstructor> }[] | undefined;

/** Loaded on first use: date-holidays reads every country's rules, which takes a noticeable moment. */
function nationCalendars(): NonNullable<typeof calendars> {
  if (calendars === undefined) {
    const require = createRequire(import.meta.url);
    const Holidays = require('date-holidays') as HolidaysConstructor;
    calendars = regions.map(({ state, nation }) => ({
      nation,
      holidays: new Holidays('GB', state, { types: ['public', 'bank'] }),
    }));
  }
  return calendars;
}

const holidaysByYear = new Map<number, UkBankHoliday[]>();
const holidayDatesByYear = new Map<number, Set<string>>();

/**
 * The weekdays of `year` that are bank holidays (or Christmas Day or Good Friday) in some UK
 * nation, in date order; a day named differently in two nations (e.g. a substitute day) is listed
 * once per name. Holidays falling on a weekend are left out: the substitute day is what counts.
 */
export function ukBankHolidays(year: number): UkBankHoliday[] {
  const known = holidaysByYear.get(year);
  if (known) return known;
  const byKey = new Map<string, UkBankHoliday>();
  for (const { nation, holidays } of nationCalendars()) {
    for (const holiday of holidays.getHolidays(year)) {
      const date = holiday.date.slice(0, 10);
      if (weekdayOf(date) === 0 || weekdayOf(date) === 6) continue;
      const key = `${date} ${holiday.name}`;
      const entry = byKey.get(key) ?? { date, name: holiday.name, nations: [] };
      if (!entry.nations.includes(nation)) entry.nations.push(nation);
      byKey.set(key, entry);
    }
  }
  const list = [...byKey.values()].sort((a, b) =>
    a.date === b.date ? a.name.localeCompare(b.name) : a.date < b.date ? -1 : 1,
  );
  holidaysByYear.set(year, list);
  holidayDatesByYear.set(year, new Set(list.map((holiday) => holiday.date)));
  return list;
}

/** The UK holidays (weekdays only) in the days after `from` up to and including `to`. */
export function ukBankHolidaysBetween(from: string, to: string): UkBankHoliday[] {
  const [start, end] = [parseIsoDay(from), parseIsoDay(to)];
  const years = [];
  for (let year = Number(start.slice(0, 4)); year <= Number(end.slice(0, 4)); year += 1)
    years.push(year);
  return years
    .flatMap((year) => ukBankHolidays(year))
    .filter((holiday) => holiday.date > start && holiday.date <= end);
}

/** True when `day` is not a Saturday, a Sunday or a bank holiday in any UK nation. */
export function isWorkingDay(day: string): boolean {
  const weekday = weekdayOf(day);
  if (weekday === 0 || weekday === 6) return false;
  const year = Number(day.slice(0, 4));
  if (!holidayDatesByYear.has(year)) ukBankHolidays(year);
  return !holidayDatesByYear.get(year)?.has(day);
}

/** The `count`-th working day after `day` (`day` itself does not count, working or not). */
export function addWorkingDays(day: string, count: number): string {
  if (!Number.isInteger(count) || count < 0)
    throw new SimwatchError(
      'invalid_input',
      `Cannot count ${String(count)} working days: give a whole number, 0 or more`,
    );
  let current = parseIsoDay(day);
  for (let counted = 0; counted < count;) {
    current = addCalendarDays(current, 1);
    if (isWorkingDay(current)) counted += 1;
  }
  return current;
}

/** The number of working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysAfter(from: string, to: string): number {
  const end = parseIsoDay(to);
  let count = 0;
  for (
    let current = addCalendarDays(from, 1);
    current <= end;
    current = addCalendarDays(current, 1)
  )
    if (isWorkingDay(current)) count += 1;
  return count;
}
