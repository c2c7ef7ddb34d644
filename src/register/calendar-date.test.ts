import { describe, expect, it } from 'vitest';

import { checkCalendarDate, checkIsoDate } from './calendar-date.js';

const today = new Date('2025-03-10T23:30:00Z');

describe('checkCalendarDate()', () => {
  it.each([
    [
      { year: 2024, month: 2, day: 29 },
      { ok: true, iso: '2024-02-29' },
    ],
    [
      { year: 2025, month: 3, day: 10 },
      { ok: true, iso: '2025-03-10' },
    ],
    [
      { year: 2023, month: 2, day: 29 },
      { ok: false, problem: 'not_a_date' },
    ],
    [
      { year: 2024, month: 13, day: 1 },
      { ok: false, problem: 'not_a_date' },
    ],
    [
      { year: 2024, month: 4, day: 31 },
      { ok: false, problem: 'not_a_date' },
    ],
    [
      { year: 2024, month: 0, day: 10 },
      { ok: false, problem: 'not_a_date' },
    ],
    [
      { year: 999, month: 1, day: 1 },
      { ok: false, problem: 'not_a_date' },
    ],
    [
      { year: 2025, month: 3, day: 11 },
      { ok: false, problem: 'in_the_future' },
    ],
  ])('judges %j as %j', (parts, expected) => {
    expect(checkCalendarDate(parts, { today })).toEqual(expected);
  });

  it('accepts a future date when the date may lie ahead', () => {
    expect(checkCalendarDate({ year: 2030, month: 1, day: 1 }, { today, future: true })).toEqual({
      ok: true,
      iso: '2030-01-01',
    });
  });
});

describe('checkIsoDate()', () => {
  it.each([
    [' 2024-03-31 ', { ok: true, iso: '2024-03-31' }],
    ['2024-3-31', { ok: false, problem: 'not_a_date' }],
    ['2025-02-30', { ok: false, problem: 'not_a_date' }],
    ['31/03/2024', { ok: false, problem: 'not_a_date' }],
    ['2027-01-01', { ok: false, problem: 'in_the_future' }],
  ])('judges "%s" as %j', (text, expected) => {
    expect(checkIsoDate(text, { today })).toEqual(expected);
  });
});
