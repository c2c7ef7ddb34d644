import { describe, expect, it } from 'vitest';

import { parseReviewForm } from './review-form.js';

const context = { existingNames: ['Review 2024'], today: new Date('2026-03-10T12:00:00Z') };

describe('parseReviewForm()', () => {
  it('reads a name, optional dates and one question a line', () => {
    expect(
      parseReviewForm(
        {
          name: ' Review 2025 ',
          'openedOn[day]': '1',
          'openedOn[month]': '2',
          'openedOn[year]': '2025',
          'closesOn[day]': '1',
          'closesOn[month]': '2',
          'closesOn[year]': '2027',
          questions: 'First?\r\n\r\n  Second?  \n',
        },
        context,
      ),
    ).toEqual({
      ok: true,
      value: {
        name: 'Review 2025',
        openedOn: '2025-02-01',
        closesOn: '2027-02-01',
        questions: ['First?', 'Second?'],
      },
    });
    expect(parseReviewForm({ name: 'Only a name' }, context)).toEqual({
      ok: true,
      value: { name: 'Only a name', openedOn: null, closesOn: null, questions: [] },
    });
  });

  it.each([
    ['no name', {}, 'name', 'Enter the name of the review'],
    [
      'a name already used, in other letters',
      { name: 'review 2024' },
      'name',
      'There is already a review with this name: enter a different name',
    ],
    [
      'an opening date in the future',
      { name: 'R', 'openedOn[day]': '1', 'openedOn[month]': '1', 'openedOn[year]': '2027' },
      'openedOn',
      'The date the review opened must be today or in the past',
    ],
    [
      'half a closing date',
      { name: 'R', 'closesOn[year]': '2027' },
      'closesOn',
      'The date the review closes must include a day and month',
    ],
    [
      'a review that closes before it opens',
      {
        name: 'R',
        'openedOn[day]': '2',
        'openedOn[month]': '1',
        'openedOn[year]': '2025',
        'closesOn[day]': '1',
        'closesOn[month]': '1',
        'closesOn[year]': '2025',
      },
      'closesOn',
      'The date the review closes must be the same as or after the date it opened',
    ],
  ])('refuses %s', (_name, fields, field, text) => {
    const result = parseReviewForm(fields, context);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toMatchObject([{ field, text }]);
  });
});
