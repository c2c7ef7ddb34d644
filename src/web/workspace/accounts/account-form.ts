import { SimwatchError } from '../../../errors.js';
import { roleOf, type Role } from '../../../accounts/roles.js';
import { checkNewUser, checkPassword } from '../../../accounts/users-service.js';
import { ErrorList, type FormResult } from '../../forms/form-errors.js';
import { exactTextField, textField, type FormFields } from '../../forms/form-fields.js';

/** Short names of the roles, for tables. */
export const roleNames: Readonly<Record<Role, string>> = {
  viewer: 'Viewer',
  reviewer: 'Reviewer',
  administrator: 'Administrator',
};

/** Who a password is for: it may not be made of these. */
export interface AccountNames {
  username: string;
  displayName: string;
}

/** A new account from the form, ready for `createUser`. */
export interface NewAccount {
  username: string;
  displayName: string;
  role: Role;
  password: string;
}

/** A valid stand-in, so that `checkNewUser` can judge one field at a time. */
const validAccount = {
  username: 'someone',
  displayName: 'Someone',
  role: 'viewer',
  // Strong, and unlike any name, so that only the field being judged can be at fault.
  password: 'Stand-in: Zq8#vR2!mK9@wL4$',
} as const;

/**
 * The users service's verdict on one field of a new account, or undefined when it is fine. The
 * service's rules stay the only ones: each field is checked alongside valid stand-ins for the
 * others, so every problem can be shown beside its own field.
 */
function problemWith(field: 'username' | 'displayName', value: string): string | undefined {
  try {
    checkNewUser({ ...validAccount, [field]: value });
    return undefined;
  } catch (error) {
    if (error instanceof SimwatchError) return error.message;
    throw error;
  }
}

/**
 * Checks the new account form: a username not yet taken, display name, role and the password
 * typed twice.
 */
export function parseNewAccountForm(
  fields: FormFields,
  context: { existingUsernames: readonly string[] },
): FormResult<NewAccount> {
  const errors = new ErrorList();
  const username = textField(fields, 'username').toLowerCase();
  const usernameProblem =
    username === ''
      ? 'Enter a username'
      : context.existingUsernames.includes(username)
        ? 'This username is already taken: choose another'
        : problemWith('username', username);
  if (usernameProblem) errors.add('username', usernameProblem);
  const displayName = textField(fields, 'displayName');
  const nameProblem =
    displayName === '' ? 'Enter the person’s name' : problemWith('displayName', displayName);
  if (nameProblem) errors.add('displayName', nameProblem);
  const role = roleOf(textField(fields, 'role'));
  if (!role) errors.add('role', 'Select a role');
  const password = readNewPassword(fields, errors, [username, displayName]);
  return errors.result(() => ({
    username,
    displayName,
    role: role ?? 'viewer',
    password: password ?? '',
  }));
}

/** Checks the form that changes an account's role and whether it may sign in. */
export function parseAccountChangeForm(
  fields: FormFields,
): FormResult<{ role: Role; disabled: boolean }> {
  const errors = new ErrorList();
  const role = roleOf(textField(fields, 'role'));
  if (!role) errors.add('role', 'Select a role');
  const status = textField(fields, 'status');
  if (status !== 'enabled' && status !== 'disabled')
    errors.add('status', 'Select whether the account can sign in');
  return errors.result(() => ({ role: role ?? 'viewer', disabled: status === 'disabled' }));
}

/**
 * Reads a new password typed twice (`newPassword`, `confirmPassword`), with the users service's
 * rules (long enough, hard to guess, not made of `userInputs`: the account's username and name).
 * Returns it, or undefined after adding the errors.
 */
export function readNewPassword(
  fields: FormFields,
  errors: ErrorList,
  userInputs: readonly string[],
): string | undefined {
  const password = exactTextField(fields, 'newPassword');
  const confirmation = exactTextField(fields, 'confirmPassword');
  if (password === '') {
    errors.add('newPassword', 'Enter a new password');
    return undefined;
  }
  try {
    checkPassword(password, userInputs);
  } catch (error) {
    if (!(error instanceof SimwatchError)) throw error;
    errors.add('newPassword', error.message);
    return undefined;
  }
  if (confirmation !== password) {
    errors.add('confirmPassword', 'The passwords do not match: type the new password again');
    return undefined;
  }
  return password;
}

/**
 * Checks the form that changes your own password: the current one, then the new one twice (not
 * made of `account`'s username or name).
 */
export function parsePasswordChangeForm(
  fields: FormFields,
  account: AccountNames,
): FormResult<{ currentPassword: string; newPassword: string }> {
  const errors = new ErrorList();
  const currentPassword = exactTextField(fields, 'currentPassword');
  if (currentPassword === '') errors.add('currentPassword', 'Enter your current password');
  const newPassword = readNewPassword(fields, errors, [account.username, account.displayName]);
  return errors.result(() => ({ currentPassword, newPassword: newPassword ?? '' }));
}

/** Checks the form an administrator uses to set `account`'s password. */
export function parsePasswordResetForm(
  fields: FormFields,
  account: AccountNames,
): FormResult<{ newPassword: string }> {
  const errors = new ErrorList();
  const newPassword = readNewPassword(fields, errors, [account.username, account.displayName]);
  return errors.result(() => ({ newPassword: newPassword ?? '' }));
}
