import { describe, expect, it } from 'vitest';

import {
  parseAccountChangeForm,
  parseNewAccountForm,
  parsePasswordChangeForm,
  parsePasswordResetForm,
} from './account-form.js';

const password = 'a long enough password';
const nina = { username: 'nina.b', displayName: 'Nina Bakshi-Whitfield' };
const context = { existingUsernames: ['ada'] };
const valid = {
  username: ' Nina.B ',
  displayName: ' Nina B ',
  role: 'reviewer',
  newPassword: password,
  confirmPassword: password,
};

describe('parseNewAccountForm()', () => {
  it('reads an account, with the username in lower case and the password exactly as typed', () => {
    expect(
      parseNewAccountForm(
        { ...valid, newPassword: ` ${password}`, confirmPassword: ` ${password}` },
        context,
      ),
    ).toEqual({
      ok: true,
      value: {
        username: 'nina.b',
        displayName: 'Nina B',
        role: 'reviewer',
        password: ` ${password}`,
      },
    });
  });

  it.each([
    ['no username', { username: '' }, 'username', 'Enter a username'],
    [
      'a username taken',
      { username: 'ADA' },
      'username',
      'This username is already taken: choose another',
    ],
    [
      'a username with spaces',
      { username: 'nina b' },
      'username',
      'Enter a username of 2 to 40 characters: letters, numbers, dots, dashes or underscores, starting with a letter or number',
    ],
    ['no name', { displayName: ' ' }, 'displayName', 'Enter the person’s name'],
    [
      'a name too long',
      { displayName: 'x'.repeat(101) },
      'displayName',
      'Enter a display name of up to 100 characters',
    ],
    ['no role', { role: '' }, 'role', 'Select a role'],
    ['a role that does not exist', { role: 'owner' }, 'role', 'Select a role'],
    [
      'no password',
      { newPassword: '', confirmPassword: '' },
      'newPassword',
      'Enter a new password',
    ],
    [
      'a short password',
      { newPassword: 'short', confirmPassword: 'short' },
      'newPassword',
      'Enter a password of at least 12 characters',
    ],
    [
      'passwords that differ',
      { confirmPassword: `${password}.` },
      'confirmPassword',
      'The passwords do not match: type the new password again',
    ],
  ])('refuses %s', (_name, overrides, field, text) => {
    const result = parseNewAccountForm({ ...valid, ...overrides }, context);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toMatchObject([{ field, text }]);
  });
});

describe('parseAccountChangeForm()', () => {
  it.each([
    [
      { role: 'viewer', status: 'enabled' },
      { ok: true, value: { role: 'viewer', disabled: false } },
    ],
    [
      { role: 'administrator', status: 'disabled' },
      { ok: true, value: { role: 'administrator', disabled: true } },
    ],
    [
      { role: 'boss', status: 'enabled' },
      { ok: false, errors: [{ field: 'role', href: '#role', text: 'Select a role' }] },
    ],
    [
      { role: 'viewer' },
      {
        ok: false,
        errors: [
          { field: 'status', href: '#status', text: 'Select whether the account can sign in' },
        ],
      },
    ],
  ])('reads %j', (fields, expected) => {
    expect(parseAccountChangeForm(fields)).toEqual(expected);
  });
});

describe('password forms', () => {
  it('reads the current password and the new one', () => {
    expect(
      parsePasswordChangeForm(
        {
          currentPassword: ' old ',
          newPassword: password,
          confirmPassword: password,
        },
        nina,
      ),
    ).toEqual({
      ok: true,
      value: { currentPassword: ' old ', newPassword: password },
    });
  });

  it('asks for the current password as well as a valid new one', () => {
    const result = parsePasswordChangeForm(
      { newPassword: 'short', confirmPassword: 'short' },
      nina,
    );
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors.map((error) => error.field)).toEqual(['currentPassword', 'newPassword']);
  });

  it('checks a password an administrator sets as carefully', () => {
    expect(
      parsePasswordResetForm({ newPassword: password, confirmPassword: password }, nina),
    ).toEqual({
      ok: true,
      value: { newPassword: password },
    });
    expect(parsePasswordResetForm({ newPassword: password }, nina).ok).toBe(false);
  });
});

describe('new passwords', () => {
  const weak = (reason: string) =>
    `Choose a password that is harder to guess: ${reason}. Use 3 or 4 random words, or a longer password`;

  it.each([
    [
      'a common password with digits',
      'password1234',
      weak('it is a commonly used password with small changes'),
    ],
    ['twelve spaces', ' '.repeat(12), weak('it repeats a character, like "aaa"')],
    ['a row of keys', 'qwertyuiop[]', weak('it is a row of keys on the keyboard')],
    ['the username itself', 'nina.b.nina.b', weak('it contains the account’s username or name')],
    ['the person’s name', 'Bakshi-Whitfield', weak('it contains the account’s username or name')],
  ])('refuses %s, saying why', (_name, newPassword, text) => {
    for (const result of [
      parsePasswordResetForm({ newPassword, confirmPassword: newPassword }, nina),
      parsePasswordChangeForm(
        { currentPassword: 'old', newPassword, confirmPassword: newPassword },
        nina,
      ),
      parseNewAccountForm(
        { ...valid, ...nina, newPassword, confirmPassword: newPassword },
        context,
      ),
    ]) {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors).toMatchObject([{ field: 'newPassword', text }]);
    }
  });

  it('accepts a passphrase of unrelated words', () => {
    const passphrase = 'lantern orchard velvet harbour';
    expect(
      parsePasswordResetForm({ newPassword: passphrase, confirmPassword: passphrase }, nina),
    ).toEqual({ ok: true, value: { newPassword: passphrase } });
  });
});
