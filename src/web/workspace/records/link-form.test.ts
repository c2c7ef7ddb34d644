import { describe, expect, it } from 'vitest';

import { parseLinkForm } from './link-form.js';

const context = { code: 'A', organisationCodes: ['A', 'B'] };

describe('parseLinkForm()', () => {
  it('reads a relation and the other organisation', () => {
    expect(parseLinkForm({ relation: 'commissions', linkedCode: 'B' }, context)).toEqual({
      ok: true,
      value: { code: 'A', linkedCode: 'B', relation: 'commissions' },
    });
  });

  it.each([
    [{ linkedCode: 'B' }, 'relation', 'Select how the organisations are related'],
    [
      { relation: 'is_friends_with', linkedCode: 'B' },
      'relation',
      'Select how the organisations are related',
    ],
    [{ relation: 'works_with', linkedCode: 'C' }, 'linkedCode', 'Select the other organisation'],
    [
      { relation: 'works_with', linkedCode: 'A' },
      'linkedCode',
      'Select a different organisation: it cannot be linked with itself',
    ],
  ])('refuses %j', (fields, field, text) => {
    const result = parseLinkForm(fields, context);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toMatchObject([{ field, text }]);
  });
});
