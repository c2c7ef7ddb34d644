import { describe, expect, it } from 'vitest';

import { parseAssuranceForm } from './assurance-form.js';

const context = {
  organisationCodes: ['DEMO-T01', 'DEMO-T02'],
  today: new Date('2026-03-10T12:00:00Z'),
};

const valid = {
  organisation: 'DEMO-T01',
  'givenOn[day]': '3',
  'givenOn[month]': '4',
  'givenOn[year]': '2024',
  givenBy: ' Chief executive ',
  scope: 'never_used',
  text: 'We never used it.',
  source: 'https://example.org/board-papers.pdf',
};

describe('parseAssuranceForm()', () => {
  it('turns a complete form into the service’s input', () => {
    expect(parseAssuranceForm(valid, context)).toEqual({
      ok: true,
      value: {
        organisationCode: 'DEMO-T01',
        givenOn: '2024-04-03',
        givenBy: 'Chief executive',
        scope: 'never_used',
        scopeDate: null,
        feature: null,
        text: 'We never used it.',
        sourceDocumentId: null,
        source: 'https://example.org/board-papers.pdf',
      },
    });
  });

  it.each([
    [
      'ended',
      { scope: 'ended', 'endedOn[day]': '31', 'endedOn[month]': '12', 'endedOn[year]': '2021' },
      { scopeDate: '2021-12-31', feature: null },
    ],
    [
      'will_end in the future',
      {
        scope: 'will_end',
        'endsOn[day]': '1',
        'endsOn[month]': '1',
        'endsOn[year]': '2030',
        'endedOn[day]': 'x',
      },
      { scopeDate: '2030-01-01' },
    ],
    [
      'feature_not_used',
      { scope: 'feature_not_used', feature: 'sim_named', 'endsOn[day]': 'x' },
      { scopeDate: null, feature: 'sim_named' },
    ],
    [
      'a document instead of a source',
      { source: '', sourceDocument: '12' },
      { source: null, sourceDocumentId: 12 },
    ],
    ['both a document and a source', { sourceDocument: '7' }, { sourceDocumentId: 7 }],
  ])('reads scope and source for %s', (_name, overrides, expected) => {
    const result = parseAssuranceForm({ ...valid, ...overrides }, context);
    expect(result.ok && result.value).toMatchObject(expected);
  });

  it.each([
    [
      'an unknown organisation',
      { organisation: 'NOPE' },
      'organisation',
      '#organisation',
      'Select the organisation that gave the assurance',
    ],
    [
      'no date',
      { 'givenOn[day]': '', 'givenOn[month]': '', 'givenOn[year]': '' },
      'givenOn',
      '#givenOn-day',
      'Enter the date the assurance was given',
    ],
    [
      'a date in the future',
      { 'givenOn[year]': '2027' },
      'givenOn',
      '#givenOn-day',
      'The date the assurance was given must be today or in the past',
    ],
    [
      'no one who gave it',
      { givenBy: '  ' },
      'givenBy',
      '#givenBy',
      'Enter who gave the assurance',
    ],
    [
      'a name too long',
      { givenBy: 'x'.repeat(201) },
      'givenBy',
      '#givenBy',
      'Who gave the assurance must be 200 characters or fewer',
    ],
    ['no scope', { scope: '' }, 'scope', '#scope', 'Select what the assurance says'],
    ['an unknown scope', { scope: 'maybe' }, 'scope', '#scope', 'Select what the assurance says'],
    [
      'ended without a date',
      { scope: 'ended' },
      'endedOn',
      '#endedOn-day',
      'Enter the date use ended',
    ],
    [
      'ended in the future',
      { scope: 'ended', 'endedOn[day]': '1', 'endedOn[month]': '1', 'endedOn[year]': '2030' },
      'endedOn',
      '#endedOn-day',
      'The date use ended must be today or in the past',
    ],
    [
      'will end without a date',
      { scope: 'will_end' },
      'endsOn',
      '#endsOn-day',
      'Enter the date use will end',
    ],
    [
      'a feature not chosen',
      { scope: 'feature_not_used' },
      'feature',
      '#feature',
      'Select the feature they say is not used',
    ],
    [
      'an unknown feature',
      { scope: 'feature_not_used', feature: 'assurance' },
      'feature',
      '#feature',
      'Select the feature they say is not used',
    ],
    ['no text', { text: '' }, 'text', '#text', 'Enter what the assurance says'],
    [
      'no source at all',
      { source: '' },
      'source',
      '#source',
      'Enter where the assurance can be read, or the number of a document in the register',
    ],
    [
      'a document number that is not a number',
      { sourceDocument: '12a' },
      'sourceDocument',
      '#sourceDocument',
      'Enter the document number as a whole number, like 12',
    ],
    [
      'document 0',
      { sourceDocument: '0' },
      'sourceDocument',
      '#sourceDocument',
      'Enter the document number as a whole number, like 12',
    ],
  ])('refuses %s', (_name, overrides, field, href, text) => {
    expect(parseAssuranceForm({ ...valid, ...overrides }, context)).toEqual({
      ok: false,
      errors: [{ field, href, text }],
    });
  });

  it('reports every mistake at once, in the order of the form', () => {
    const result = parseAssuranceForm({}, context);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors.map((error) => error.field)).toEqual([
        'organisation',
        'givenOn',
        'givenBy',
        'scope',
        'text',
        'source',
      ]);
  });
});
