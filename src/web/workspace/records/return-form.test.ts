import { describe, expect, it } from 'vitest';

import { parseReturnForm } from './return-form.js';

const context = {
  reviews: [{ id: 4, name: 'Review 2024' }],
  organisationCodes: ['DEMO-T01'],
  today: new Date('2026-03-10T12:00:00Z'),
};
const base = { review: '4', organisation: 'DEMO-T01' };

describe('parseReturnForm()', () => {
  it('reads a full return', () => {
    expect(
      parseReturnForm(
        {
          ...base,
          responded: 'yes',
          'respondedOn[day]': '5',
          'respondedOn[month]': '6',
          'respondedOn[year]': '2024',
          usedModel: 'yes',
          'usedFrom[day]': '1',
          'usedFrom[month]': '9',
          'usedFrom[year]': '2019',
          'usedUntil[day]': '1',
          'usedUntil[month]': '1',
          'usedUntil[year]': '2027',
          continuing: ['police_in_care', 'sim_named'],
          notes: ' Late ',
        },
        context,
      ),
    ).toEqual({
      ok: true,
      value: {
        reviewName: 'Review 2024',
        organisationCode: 'DEMO-T01',
        responded: true,
        respondedOn: '2024-06-05',
        usedModel: true,
        usedFrom: '2019-09-01',
        usedUntil: '2027-01-01',
        continuingFeatures: ['police_in_care', 'sim_named'],
        notes: 'Late',
      },
    });
  });

  it.each([
    ['yes', { usedModel: 'no' }, { responded: true, usedModel: false }],
    ['yes', { usedModel: 'unknown' }, { responded: true, usedModel: null }],
    [
      'no',
      { usedModel: 'yes', continuing: 'sim_named', 'usedFrom[day]': 'x' },
      { responded: false, usedModel: null, usedFrom: null, continuingFeatures: [] },
    ],
  ])('reads responded %s with %j', (responded, fields, expected) => {
    const result = parseReturnForm({ ...base, responded, ...fields }, context);
    expect(result.ok && result.value).toMatchObject(expected);
  });

  it.each([
    [
      'an unknown review',
      { review: '5', responded: 'no' },
      'review',
      'Select the review this return answers',
    ],
    [
      'an unknown organisation',
      { organisation: 'X', responded: 'no' },
      'organisation',
      'Select the organisation that made the return',
    ],
    [
      'no answer to whether it responded',
      {},
      'responded',
      'Select whether the organisation responded to the review',
    ],
    [
      'no answer to whether it used the model',
      { responded: 'yes' },
      'usedModel',
      'Select whether they said they used SIM or a SIM-type model',
    ],
    [
      'a response date in the future',
      {
        responded: 'yes',
        usedModel: 'no',
        'respondedOn[day]': '1',
        'respondedOn[month]': '1',
        'respondedOn[year]': '2027',
      },
      'respondedOn',
      'The date they responded must be today or in the past',
    ],
    [
      'use that ends before it began',
      {
        responded: 'yes',
        usedModel: 'yes',
        'usedFrom[day]': '1',
        'usedFrom[month]': '1',
        'usedFrom[year]': '2022',
        'usedUntil[day]': '1',
        'usedUntil[month]': '1',
        'usedUntil[year]': '2021',
      },
      'usedUntil',
      'The date use ended or will end must be the same as or after the date use began',
    ],
    [
      'a feature not on the list',
      { responded: 'yes', usedModel: 'yes', continuing: ['assurance'] },
      'continuing',
      'Select only features from the list',
    ],
    [
      'notes too long',
      { responded: 'no', notes: 'x'.repeat(20_001) },
      'notes',
      'Notes must be 20000 characters or fewer',
    ],
  ])('refuses %s', (_name, fields, field, text) => {
    const result = parseReturnForm({ ...base, ...fields }, context);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toMatchObject([{ field, text }]);
  });
});
