import { describe, expect, it } from 'vitest';
import { findEmails } from './find-emails.js';

function found(text: string): string[] {
  return findEmails(text).map((span) => text.slice(span.start, span.end));
}

describe('findEmails()', () => {
  it.each([
    ['Write to jane.doe@nhs.net today.', 'jane.doe@nhs.net'],
    ['email a_b+c@example.co.uk.', 'a_b+c@example.co.uk'],
    ['<j.smith@example.org>', 'j.smith@example.org'],
    ['mailto:someone@example.com', 'someone@example.com'],
    ['zoë@example.org wrote', 'zoë@example.org'],
    ['First.Last@Sub.Example.NHS.UK', 'First.Last@Sub.Example.NHS.UK'],
    ['x-y%z@example-trust.nhs.uk', 'x-y%z@example-trust.nhs.uk'],
    ['(info@example.com)', 'info@example.com'],
    ['sent from 07700900123@example.com', '07700900123@example.com'],
    ['old address jane@example.com_old', 'jane@example.com'],
  ])('finds the address in %j', (text, expected) => {
    const start = text.indexOf(expected);
    expect(findEmails(text)).toEqual([{ kind: 'email', start, end: start + expected.length }]);
  });

  it.each([
    ['follow @NHSEngland', 'a social media handle'],
    ['thanks @handle', 'a lower-case handle'],
    ['user@localhost', 'a host with no dot'],
    ['name@', 'nothing after the @'],
    ['see @example.com', 'nothing before the @'],
    ['a@b.c', 'a one-letter top-level label'],
    ['x@y.123', 'a numeric top-level label'],
    ['2023@2024', 'numbers either side of an @'],
    ['foo@bar', 'a bare word after the @'],
    ['jane@example.c0m', 'a digit in the top-level label'],
  ])('ignores %j (%s)', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('finds several addresses in one text, in order', () => {
    expect(found('a@example.org, b@example.org; c@example.org')).toEqual([
      'a@example.org',
      'b@example.org',
      'c@example.org',
    ]);
  });
});
