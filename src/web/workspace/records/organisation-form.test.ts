import { describe, expect, it } from 'vitest';

import type { Organisation } from '../../../register/organisations/organisation.js';
import { isWebAddress, parseOrganisationForm } from './organisation-form.js';

const current: Organisation = {
  id: 3,
  code: 'RX4',
  name: 'Old Trust',
  kind: 'mental_health_trust',
  region: 'North East',
  formerNames: ['Older Trust'],
  sourceUrl: null,
  icbCode: null,
  opened: null,
  closed: null,
  successorCodes: [],
};
const adding = { adding: true, existingCodes: ['RX4'] } as const;
const editing = { adding: false, current } as const;

describe('parseOrganisationForm()', () => {
  it('reads a new organisation', () => {
    expect(
      parseOrganisationForm(
        { code: ' RY1 ', name: 'New Trust', kind: 'police_force', region: '', sourceUrl: '' },
        adding,
      ),
    ).toEqual({
      ok: true,
      value: {
        code: 'RY1',
        name: 'New Trust',
        kind: 'police_force',
        region: null,
        formerNames: [],
        sourceUrl: null,
      },
    });
  });

  it('keeps the code when editing, whatever the form sends', () => {
    const result = parseOrganisationForm(
      {
        code: 'OTHER',
        name: 'New Name',
        kind: 'other',
        region: 'London',
        sourceUrl: 'https://example.org/x',
      },
      editing,
    );
    expect(result).toEqual({
      ok: true,
      value: {
        code: 'RX4',
        name: 'New Name',
        kind: 'other',
        region: 'London',
        formerNames: [],
        sourceUrl: 'https://example.org/x',
      },
    });
  });

  it.each([
    ['no code', { name: 'N', kind: 'other' }, adding, 'code', 'Enter the organisation’s code'],
    [
      'a code with spaces',
      { code: 'R X', name: 'N', kind: 'other' },
      adding,
      'code',
      'The code must be up to 64 letters, numbers, dots, hyphens or underscores, starting with a letter or number',
    ],
    [
      'a code taken, in other letters',
      { code: 'rx4', name: 'N', kind: 'other' },
      adding,
      'code',
      'There is already an organisation with this code',
    ],
    ['no name', { code: 'A', kind: 'other' }, adding, 'name', 'Enter the organisation’s name'],
    [
      'no kind',
      { code: 'A', name: 'N', kind: 'trust' },
      adding,
      'kind',
      'Select the kind of organisation',
    ],
    [
      'an address that is not a web address',
      { code: 'A', name: 'N', kind: 'other', sourceUrl: 'javascript:alert(1)' },
      adding,
      'sourceUrl',
      'Enter a web address starting with https:// or http://',
    ],
    [
      'a recorded region removed',
      { name: 'N', kind: 'other', region: '' },
      editing,
      'region',
      'Enter the region: a recorded region can be changed but not removed',
    ],
  ])('refuses %s', (_name, fields, context, field, text) => {
    const result = parseOrganisationForm(fields, context);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toMatchObject([{ field, text }]);
  });
});

describe('isWebAddress()', () => {
  it.each([
    ['https://example.org/list.csv', true],
    ['HTTP://example.org', true],
    ['ftp://example.org', false],
    ['javascript:alert(1)', false],
    ['https://', false],
    ['example.org', false],
  ])('%s: %s', (text, expected) => {
    expect(isWebAddress(text)).toBe(expected);
  });
});
