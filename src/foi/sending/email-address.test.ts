import { describe, expect, it } from 'vitest';

import { isEmailAddress, mailboxAddress } from './email-address.js';

describe('isEmailAddress()', () => {
  it.each([
    ['foi@trust.nhs.uk', true],
    ['first.last+foi@example.org', true],
    ['foi@localhost', false],
    ['foi trust@nhs.uk', false],
    ['foi@@nhs.uk', false],
    ['<foi@nhs.uk>', false],
    ['foi@nhs.uk.', false],
    ['', false],
  ])('%j is %s', (text, expected) => {
    expect(isEmailAddress(text)).toBe(expected);
  });
});

describe('mailboxAddress()', () => {
  it('reads the address from "Name <address>" or a bare address', () => {
    expect(mailboxAddress('Research team <foi@example.org>')).toBe('foi@example.org');
    expect(mailboxAddress(' foi@example.org ')).toBe('foi@example.org');
    expect(mailboxAddress('Research team')).toBeUndefined();
  });
});
