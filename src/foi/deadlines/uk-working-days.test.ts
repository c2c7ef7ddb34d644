import { describe, expect, it } from 'vitest';

import { SimwatchError } from '../../errors.js';
import {
  addWorkingDays,
  isWorkingDay,
  ukBankHolidays,
  ukBankHolidaysBetween,
  workingDaysAfter,
} from './uk-working-days.js';

describe('isWorkingDay()', () => {
  it.each([
    ['2026-12-07', true, 'an ordinary Monday'],
    ['2026-12-05', false, 'a Saturday'],
    ['2026-12-06', false, 'a Sunday'],
    ['2025-12-25', false, 'Christmas Day'],
    ['2025-12-26', false, 'Boxing Day'],
    ['2025-12-29', true, 'the Monday after Christmas 2025'],
    ['2027-12-27', false, 'Christmas Day substitute (2027)'],
    ['2027-12-28', false, 'Boxing Day substitute (2027)'],
    ['2027-12-29', true, 'the first working day after Christmas 2027'],
    ['2026-01-01', false, "New Year's Day"],
    ['2026-01-02', false, '2 January, a Scottish bank holiday only'],
    ['2022-01-03', false, "New Year's Day substitute (2022)"],
    ['2022-01-04', false, '2 January substitute in Scotland (2022)'],
    ['2022-01-05', true, 'the first working day of 2022'],
    ['2025-04-18', false, 'Good Friday'],
    [
      '2025-04-21',
      false,
      'Easter Monday: not in Scotland, but in England, Wales and Northern Ireland',
    ],
    ['2025-05-05', false, 'the early May bank holiday'],
    ['2020-05-08', false, 'VE day (2020, moved from Monday 4 May)'],
    ['2020-05-04', true, 'Monday 4 May 2020, not a holiday that year'],
    ['2022-06-02', false, 'the spring bank holiday moved for the Platinum Jubilee'],
    ['2022-06-03', false, 'the Platinum Jubilee bank holiday'],
    ['2022-09-19', false, "the Queen's funeral"],
    ['2023-05-08', false, 'the coronation bank holiday'],
    ['2025-08-04', false, 'the Scottish summer bank holiday'],
    ['2025-08-25', false, 'the summer bank holiday elsewhere'],
    ['2025-11-28', true, 'a Friday before St Andrew’s Day'],
    ['2025-12-01', false, 'St Andrew’s Day substitute (30 November 2025 was a Sunday)'],
    ['2026-11-30', false, 'St Andrew’s Day'],
    ['2026-03-17', false, 'St Patrick’s Day (Northern Ireland)'],
    ['2024-03-18', false, 'St Patrick’s Day substitute (2024)'],
    ['2025-07-14', false, 'Battle of the Boyne substitute (12 July 2025 was a Saturday)'],
    ['2026-07-13', false, 'Battle of the Boyne substitute (2026)'],
    ['2027-07-12', false, 'Battle of the Boyne (2027)'],
    ['2025-07-11', true, 'the Friday before 12 July 2025'],
  ])('isWorkingDay(%s) is %s: %s', (day, expected) => {
    expect(isWorkingDay(day)).toBe(expected);
  });

  it('refuses a day that does not exist, naming it', () => {
    expect(() => isWorkingDay('2026-02-30')).toThrow(SimwatchError);
    expect(() => isWorkingDay('2026-02-30')).toThrow(/"2026-02-30".*YYYY-MM-DD/);
    expect(() => isWorkingDay('30/03/2026')).toThrow(/"30\/03\/2026"/);
  });
});

describe('ukBankHolidays()', () => {
  it('lists the nations each holiday belongs to', () => {
    const of = (year: number, date: string) =>
      ukBankHolidays(year)
        .filter((holiday) => holiday.date === date)
        .flatMap((holiday) => holiday.nations)
        .sort();
    expect(of(2026, '2026-01-02')).toEqual(['scotland']);
    expect(of(2026, '2026-04-06')).toEqual(['england-and-wales', 'northern-ireland']);
    expect(of(2026, '2026-04-03')).toEqual(['england-and-wales', 'northern-ireland', 'scotland']);
    expect(of(2026, '2026-07-13')).toEqual(['northern-ireland']);
    expect(of(2025, '2025-12-01')).toEqual(['scotland']);
    expect(of(2022, '2022-09-19')).toEqual(['england-and-wales', 'northern-ireland', 'scotland']);
    expect(of(2020, '2020-05-08')).toEqual(['england-and-wales', 'northern-ireland', 'scotland']);
    expect(of(2023, '2023-05-08')).toEqual(['england-and-wales', 'northern-ireland', 'scotland']);
  });

  it('matches the weekday holidays gov.uk published for England and Wales, 2019 to 2027', () => {
    const englandAndWales = (year: number) =>
      [
        ...new Set(
          ukBankHolidays(year)
            .filter((holiday) => holiday.nations.includes('england-and-wales'))
            .map((holiday) => holiday.date.slice(5)),
        ),
      ].join(' ');
    expect(englandAndWales(2019)).toBe('01-01 04-19 04-22 05-06 05-27 08-26 12-25 12-26');
    expect(englandAndWales(2020)).toBe('01-01 04-10 04-13 05-08 05-25 08-31 12-25 12-28');
    expect(englandAndWales(2021)).toBe('01-01 04-02 04-05 05-03 05-31 08-30 12-27 12-28');
    expect(englandAndWales(2022)).toBe(
      '01-03 04-15 04-18 05-02 06-02 06-03 08-29 09-19 12-26 12-27',
    );
    expect(englandAndWales(2023)).toBe('01-02 04-07 04-10 05-01 05-08 05-29 08-28 12-25 12-26');
    expect(englandAndWales(2024)).toBe('01-01 03-29 04-01 05-06 05-27 08-26 12-25 12-26');
    expect(englandAndWales(2025)).toBe('01-01 04-18 04-21 05-05 05-26 08-25 12-25 12-26');
    expect(englandAndWales(2026)).toBe('01-01 04-03 04-06 05-04 05-25 08-31 12-25 12-28');
    expect(englandAndWales(2027)).toBe('01-01 03-26 03-29 05-03 05-31 08-30 12-27 12-28');
  });

  it('leaves out holidays that fall on a weekend (their substitute days count instead)', () => {
    const dates = ukBankHolidays(2022).map((holiday) => holiday.date);
    expect(dates).not.toContain('2022-01-01');
    expect(dates).not.toContain('2022-12-25');
    expect(dates).toContain('2022-12-27');
  });

  it('gives the holidays between two days across a new year', () => {
    expect(
      ukBankHolidaysBetween('2025-12-20', '2026-01-05').map((holiday) => holiday.date),
    ).toEqual(['2025-12-25', '2025-12-26', '2026-01-01', '2026-01-02']);
  });
});

describe('addWorkingDays()', () => {
  it.each([
    ['2026-03-02', 20, '2026-03-31', "a Monday in March 2026: St Patrick's Day (NI) is skipped"],
    ['2025-12-15', 20, '2026-01-16', 'over Christmas and New Year, with Scotland’s 2 January'],
    ['2025-04-07', 20, '2025-05-08', 'over Easter 2025 and the early May bank holiday'],
    ['2026-03-07', 20, '2026-04-08', 'received on a Saturday: the Monday is day one'],
    ['2025-12-25', 20, '2026-01-27', 'received on Christmas Day'],
    ['2022-05-16', 20, '2022-06-15', 'over the Platinum Jubilee'],
    ['2022-09-05', 20, '2022-10-04', "over the Queen's funeral"],
    ['2023-04-24', 20, '2023-05-24', 'over the early May and coronation bank holidays'],
    ['2026-03-02', 40, '2026-04-30', 'the 40th working day'],
    ['2026-03-06', 1, '2026-03-09', 'one working day after a Friday is the Monday'],
    ['2026-03-06', 0, '2026-03-06', 'zero working days leaves the day as it is'],
  ])('addWorkingDays(%s, %i) is %s: %s', (day, count, expected) => {
    expect(addWorkingDays(day, count)).toBe(expected);
  });

  it('refuses a negative or fractional count', () => {
    expect(() => addWorkingDays('2026-03-02', -1)).toThrow(/Cannot count -1 working days/);
    expect(() => addWorkingDays('2026-03-02', 1.5)).toThrow(SimwatchError);
  });
});

describe('workingDaysAfter()', () => {
  it.each([
    ['2026-03-02', '2026-03-31', 20],
    ['2025-12-15', '2026-01-16', 20],
    ['2026-01-16', '2026-01-17', 0],
    ['2026-01-16', '2026-01-19', 1],
    ['2026-03-31', '2026-03-02', 0],
    ['2026-03-02', '2026-03-02', 0],
  ])('counts the working days after %s up to %s as %i', (from, to, expected) => {
    expect(workingDaysAfter(from, to)).toBe(expected);
  });
});
