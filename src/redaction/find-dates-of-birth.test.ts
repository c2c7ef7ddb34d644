import { describe, expect, it } from 'vitest';
import { findDatesOfBirth } from './find-dates-of-birth.js';

function found(text: string): string[] {
  return findDatesOfBirth(text).map((span) => text.slice(span.start, span.end));
}

describe('findDatesOfBirth()', () => {
  it.each([
    ['DOB: 12/03/1985.', '12/03/1985'],
    ['D.O.B. 12-03-85', '12-03-85'],
    ['d.o.b 12.03.1985', '12.03.1985'],
    ['date of birth 12 March 1985', '12 March 1985'],
    ['born 3 Jan 1990', '3 Jan 1990'],
    ['born on 3rd of January 1990', '3rd of January 1990'],
    ['Born: March 12, 1985', 'March 12, 1985'],
    ['Date of Birth (DOB): 1985-03-12', '1985-03-12'],
    ['her date of birth is 1/2/1990', '1/2/1990'],
    ['DOB - Sept. 4, 1979, NFA', 'Sept. 4, 1979'],
    ['DOB 12/03-1985 (as typed)', '12/03-1985'],
  ])('finds the date of birth in %j and leaves its label', (text, expected) => {
    const start = text.indexOf(expected);
    expect(findDatesOfBirth(text)).toEqual([
      { kind: 'date_of_birth', start, end: start + expected.length },
    ]);
  });

  it.each([
    ['12 March 2021', 'a date with no marker'],
    ['the meeting on 12/03/2021', 'a meeting date'],
    ['Date of review: 12/03/1985', 'another kind of date'],
    ['newborn checks from 3 Jan 2020', '"born" inside a longer word'],
    ['a stubborn 12 March 2021 backlog', '"born" at the end of a longer word'],
    ['the DOB field was updated on 12/03/2021', 'other words between marker and date'],
    ['DOB: unknown', 'a marker with no date'],
    ['born and raised in Leeds', 'a marker with no date after it'],
    ['costs borne on 1 April 2021', '"borne", not "born"'],
    ['DOB 12/03/1985/2', 'a longer number than a date'],
  ])('ignores %j (%s)', (text) => {
    expect(found(text)).toEqual([]);
  });
});
