import { describe, expect, it } from 'vitest';
import type { RedactionKind } from './redaction.js';
import { redactionSummary } from './redaction-summary.js';

function spans(...kinds: RedactionKind[]): { kind: RedactionKind }[] {
  return kinds.map((kind) => ({ kind }));
}

describe('redactionSummary()', () => {
  it.each([
    [spans(), 'No items removed'],
    [spans('email'), '1 item removed: 1 email address'],
    [spans('phone', 'nhs_number'), '2 items removed: 1 NHS number, 1 phone number'],
    [spans('name', 'name', 'date_of_birth'), '3 items removed: 1 date of birth, 2 names'],
    [
      spans('postcode', 'postcode', 'date_of_birth', 'date_of_birth', 'email', 'email'),
      '6 items removed: 2 email addresses, 2 postcodes, 2 dates of birth',
    ],
    [
      spans('nhs_number', 'nhs_number', 'phone', 'phone'),
      '4 items removed: 2 NHS numbers, 2 phone numbers',
    ],
  ])('describes %j as %j', (redacted, expected) => {
    expect(redactionSummary(redacted)).toBe(expected);
  });
});
