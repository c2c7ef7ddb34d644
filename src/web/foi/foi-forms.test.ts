import { describe, expect, it } from 'vitest';

import { parseNewRequestForm, parseStateForm, readExemptions } from './foi-forms.js';

const context = { organisationCodes: ['RX4', 'RXT', 'RX9'], regions: ['London', 'North West'] };
const text = { subject: 'Police in care', body: 'Dear {organisation}, please tell me...' };

describe('parseNewRequestForm()', () => {
  it('makes a draft to one organisation', () => {
    expect(
      parseNewRequestForm({ target: 'organisation', organisation: 'RX4', ...text }, context),
    ).toEqual({ ok: true, value: { kind: 'single', organisationCode: 'RX4', ...text } });
  });

  it('makes a batch to every mental health trust of a region, with its name', () => {
    expect(
      parseNewRequestForm(
        { target: 'mental_health_trusts', region: 'London', title: 'HIU 2027', ...text },
        context,
      ),
    ).toEqual({
      ok: true,
      value: {
        kind: 'batch',
        title: 'HIU 2027',
        ...text,
        target: { kind: 'mental_health_trusts' },
        region: 'London',
      },
    });
  });

  it('takes chosen organisations from the picker and typed codes, once each', () => {
    const result = parseNewRequestForm(
      {
        target: 'organisations',
        organisations: ['RX4', 'RXT'],
        codes: 'RXT, RX9',
        title: 'Some',
        ...text,
      },
      context,
    );
    expect(result.ok && result.value.kind === 'batch' && result.value.target).toEqual({
      kind: 'organisations',
      codes: ['RX4', 'RXT', 'RX9'],
    });
  });

  it('names every missing or unknown answer', () => {
    const result = parseNewRequestForm({ target: 'organisations', codes: 'RX4 NOPE' }, context);
    expect(result.ok ? [] : result.errors.map((error) => error.text)).toEqual([
      'There is no organisation with the code "NOPE": check the codes',
      'Enter a name for the batch, to find it again',
      'Enter the subject of the request',
      'Enter what you are asking for',
    ]);
    const none = parseNewRequestForm({ ...text }, context);
    expect(none.ok ? [] : none.errors.map((error) => error.field)).toEqual(['target']);
  });
});

describe('readExemptions()', () => {
  it('reads exemptions as people type them', () => {
    expect(readExemptions('s.12, section 40(2); S 43 and s.14')).toEqual([
      's.12',
      's.40(2)',
      's.43',
      's.14',
    ]);
    expect(readExemptions('  ')).toEqual([]);
  });
});

describe('parseStateForm()', () => {
  const today = new Date('2027-03-01T12:00:00Z');
  const on = { 'onDay[day]': '2', 'onDay[month]': '2', 'onDay[year]': '2027' };

  it('needs an exemption for a refusal', () => {
    const result = parseStateForm({ state: 'refused', ...on }, today);
    expect(result.ok ? [] : result.errors.map((error) => error.field)).toEqual(['exemptions']);
    expect(parseStateForm({ state: 'refused', exemptions: 's.12', ...on }, today)).toEqual({
      ok: true,
      value: { state: 'refused', onDay: '2027-02-02', exemptions: ['s.12'], note: undefined },
    });
  });

  it('refuses a move back to draft and a day in the future', () => {
    const result = parseStateForm(
      { state: 'draft', 'onDay[day]': '2', 'onDay[month]': '4', 'onDay[year]': '2027' },
      today,
    );
    expect(result.ok ? [] : result.errors.map((error) => error.field)).toEqual(['state', 'onDay']);
  });
});
