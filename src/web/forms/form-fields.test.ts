import { describe, expect, it } from 'vitest';

import { exactTextField, listField, readFormFields, textField } from './form-fields.js';

describe('readFormFields()', () => {
  it.each([
    [
      'a url-encoded body',
      { name: 'Ada', feature: ['a', 'b'] },
      { name: 'Ada', feature: ['a', 'b'] },
    ],
    [
      'a multipart body, leaving files out',
      {
        name: { type: 'field', value: 'Ada' },
        upload: { type: 'file', file: {}, value: undefined },
        feature: [{ value: 'a' }, { value: 'b' }],
      },
      { name: 'Ada', feature: ['a', 'b'] },
    ],
    ['nothing', undefined, {}],
    ['a body that is not a form', 'text', {}],
  ])('reads %s', (_name, body, expected) => {
    expect(readFormFields(body)).toEqual(expected);
  });
});

describe('form field readers', () => {
  const fields = { name: '  Ada  ', repeated: [' x ', '', 'y'], password: ' secret ' };
  it.each([
    [textField(fields, 'name'), 'Ada'],
    [textField(fields, 'repeated'), 'x'],
    [textField(fields, 'missing'), ''],
    [exactTextField(fields, 'password'), ' secret '],
    [exactTextField(fields, 'missing'), ''],
  ])('reads a text field as %j', (actual, expected) => {
    expect(actual).toBe(expected);
  });

  it.each([
    ['repeated', ['x', 'y']],
    ['name', ['Ada']],
    ['missing', []],
  ])('lists the values of %s', (name, expected) => {
    expect(listField(fields, name)).toEqual(expected);
  });
});

describe('multipart fields, as the upload form sends them', () => {
  const fields = readFormFields({
    title: { value: ' Minutes ' },
    organisations: [{ value: 'RX1' }, { value: '' }, { type: 'file', file: {}, value: 'x' }],
    one: { value: 'RX2' },
  });

  it('reads a text field, trimmed, and nothing for a field not sent', () => {
    expect(textField(fields, 'title')).toBe('Minutes');
    expect(textField(fields, 'missing')).toBe('');
  });

  it('lists every text value of a repeated field, leaving out files and empty values', () => {
    expect(listField(fields, 'organisations')).toEqual(['RX1']);
    expect(listField(fields, 'one')).toEqual(['RX2']);
    expect(listField(fields, 'missing')).toEqual([]);
  });
});
