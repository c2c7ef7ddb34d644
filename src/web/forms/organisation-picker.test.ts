import { describe, expect, it } from 'vitest';

import { ErrorList } from './form-errors.js';
import {
  checkOrganisationChoice,
  organisationPickerGroups,
  readOrganisationField,
  type PickableOrganisation,
} from './organisation-picker.js';

const organisations: PickableOrganisation[] = [
  { code: 'P1', name: 'Northshire Police', kind: 'police_force', formerNames: [], closed: null },
  {
    code: 'T2',
    name: 'Westvale Partnership Trust',
    kind: 'mental_health_trust',
    formerNames: ['Westvale Care Trust'],
    closed: '2024-03-31',
  },
  {
    code: 'T1',
    name: 'Eastmoor Mental Health Trust',
    kind: 'mental_health_trust',
    formerNames: [],
    closed: null,
  },
];

describe('organisationPickerGroups()', () => {
  it('groups organisations by kind in the order lists show kinds, current ones first by name, closed ones marked', () => {
    expect(organisationPickerGroups(organisations, ['P1'])).toEqual([
      {
        label: 'Mental health trust',
        options: [
          {
            value: 'T1',
            text: 'Eastmoor Mental Health Trust (T1)',
            selected: false,
            closed: false,
            search: '',
          },
          {
            value: 'T2',
            text: 'Westvale Partnership Trust (T2) – closed',
            selected: false,
            closed: true,
            search: 'Westvale Care Trust',
          },
        ],
      },
      {
        label: 'Police force',
        options: [
          {
            value: 'P1',
            text: 'Northshire Police (P1)',
            selected: true,
            closed: false,
            search: '',
          },
        ],
      },
    ]);
  });

  it('leaves out kinds with no organisations', () => {
    expect(organisationPickerGroups([], [])).toEqual([]);
  });
});

describe('checkOrganisationChoice()', () => {
  const rules = { known: new Set(['T1', 'T2', 'P1']), max: 2, missing: 'Choose at least one' };

  it.each([
    [['T1', ' T1 ', 'P1'], { ok: true, codes: ['T1', 'P1'] }],
    [[], { ok: false, text: 'Choose at least one' }],
    [['', ' '], { ok: false, text: 'Choose at least one' }],
    [['T1', 'T2', 'P1'], { ok: false, text: 'Choose 2 organisations or fewer' }],
    [['T1', 'X9'], { ok: false, text: 'Choose organisations from the list' }],
  ])('checks %j', (codes, expected) => {
    expect(checkOrganisationChoice(codes, rules)).toEqual(expected);
  });

  it('asks for the one organisation when a single choice is unknown or repeated', () => {
    const single = { known: ['T1', 'P1'], max: 1, missing: 'Select the organisation' };
    expect(checkOrganisationChoice(['X9'], single)).toEqual({
      ok: false,
      text: 'Select the organisation',
    });
    expect(checkOrganisationChoice(['T1', 'P1'], single)).toEqual({
      ok: false,
      text: 'Choose only one organisation',
    });
  });
});

describe('readOrganisationField()', () => {
  it('reads every value the select sent', () => {
    const errors = new ErrorList();
    const rules = { known: ['T1', 'P1'], max: 5, missing: 'Choose one' };
    expect(
      readOrganisationField({ organisations: ['T1', 'P1'] }, 'organisations', rules, errors),
    ).toEqual(['T1', 'P1']);
    expect(errors.errors).toEqual([]);
  });

  it('adds the error, linked to the picker, when nothing was chosen', () => {
    const errors = new ErrorList();
    const rules = { known: ['T1'], max: 5, missing: 'Choose one' };
    expect(readOrganisationField({}, 'organisations', rules, errors)).toBeUndefined();
    expect(errors.errors).toEqual([
      { field: 'organisations', href: '#organisations', text: 'Choose one' },
    ]);
  });
});
