import { describe, expect, it } from 'vitest';

import { parseDateParts, type DateInputResult } from './date-input.js';

const today = new Date('2026-03-10T12:00:00Z');
const description = 'the date the assurance was given';

describe('parseDateParts()', () => {
  const cases: [
    string,
    [string, string, string],
    { required?: boolean; allowFuture?: boolean },
    DateInputResult,
  ][] = [
    ['reads a date', ['3', '4', '2024'], {}, { ok: true, date: '2024-04-03' }],
    [
      'accepts leading zeros and spaces',
      [' 03', '04 ', '2024'],
      {},
      { ok: true, date: '2024-04-03' },
    ],
    ['accepts today', ['10', '3', '2026'], {}, { ok: true, date: '2026-03-10' }],
    [
      'accepts 29 February in a leap year',
      ['29', '2', '2024'],
      {},
      { ok: true, date: '2024-02-29' },
    ],
    [
      'gives nothing for an empty optional date',
      ['', '', ''],
      { required: false },
      { ok: true, date: null },
    ],
    [
      'asks for a required date left empty',
      ['', '', ''],
      {},
      { ok: false, text: 'Enter the date the assurance was given', part: 'day' },
    ],
    [
      'names a missing month',
      ['3', '', '2024'],
      {},
      { ok: false, text: 'The date the assurance was given must include a month', part: 'month' },
    ],
    [
      'names every missing part, even of an optional date',
      ['', '', '2024'],
      { required: false },
      {
        ok: false,
        text: 'The date the assurance was given must include a day and month',
        part: 'day',
      },
    ],
    [
      'refuses words',
      ['3', 'April', '2024'],
      {},
      { ok: false, text: 'The date the assurance was given must be a real date', part: 'month' },
    ],
    [
      'refuses a 13th month',
      ['3', '13', '2024'],
      {},
      { ok: false, text: 'The date the assurance was given must be a real date', part: 'month' },
    ],
    [
      'refuses 29 February in other years',
      ['29', '2', '2023'],
      {},
      { ok: false, text: 'The date the assurance was given must be a real date', part: 'day' },
    ],
    [
      'refuses a day 0',
      ['0', '2', '2023'],
      {},
      { ok: false, text: 'The date the assurance was given must be a real date', part: 'day' },
    ],
    [
      'asks for a year of 4 numbers',
      ['3', '4', '24'],
      {},
      {
        ok: false,
        text: 'The date the assurance was given must include a year of 4 numbers',
        part: 'year',
      },
    ],
    [
      'refuses a future date unless allowed',
      ['11', '3', '2026'],
      {},
      {
        ok: false,
        text: 'The date the assurance was given must be today or in the past',
        part: 'day',
      },
    ],
    [
      'accepts a future date when allowed',
      ['1', '1', '2030'],
      { allowFuture: true },
      { ok: true, date: '2030-01-01' },
    ],
  ];
  it.each(cases)('%s', (_name, [day, month, year], options, expected) => {
    expect(
      parseDateParts(
        { day, month, year },
        {
          description,
          required: options.required ?? true,
          allowFuture: options.allowFuture ?? false,
          today,
        },
      ),
    ).toEqual(expected);
  });
});
