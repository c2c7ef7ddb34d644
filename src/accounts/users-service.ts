import type { Kysely } from 'kysely';

import { SimwatchError } from '../errors.js';
import { recordChange } from '../register/record-change.js';
import type { RegisterDeps } from '../register/register-deps.js';
import type {
  AccountChangeRecord,
  AccountRecord,
  PasswordSetRecord,
} from '../register/register-event.js';
import { noPasswordHash, type DatabaseSchema } from '../store/schema.js';
import { hashPassword, verifyPassword } from './password-hash.js';
import { passwordWeakness } from './password-strength.js';
import { roleOf, roles, type Role } from './roles.js';

/** A workspace account as the app sees it (never with its password hash). */
export interface User {
  username: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
  createdBy: string;
}

/** The shortest password accepted (NCSC advice: length over complexity rules). */
export const minimumPasswordLength = 12;

type Db = Kysely<DatabaseSchema>;

/** What changing accounts needs: they are changes to the register, recorded and signed. */
export type AccountDeps = Pick<RegisterDeps, 'database' | 'now' | 'signRecord'>;

/** Checks a new account's details; throws `invalid_input` naming what is wrong. */
export function checkNewUser(input: {
  username: string;
  displayName: string;
  role: string;
  password: string;
}): { username: string; displayName: string; role: Role; password: string } {
  const details = checkAccountDetails(input);
  checkPassword(input.password, [details.username, details.displayName]);
  return { ...details, password: input.password };
}

/** Checks an account's username, name and role; throws `invalid_input` naming what is wrong. */
export function checkAccountDetails(input: {
  username: string;
  displayName: string;
  role: string;
}): {
  username: string;
  displayName: string;
  role: Role;
} {
  const username = input.username.trim().toLowerCase();
  if (!/^[a-z0-9][a-z0-9._-]{1,39}$/.test(username))
    throw new SimwatchError(
      'invalid_input',
      'Enter a username of 2 to 40 characters: letters, numbers, dots, dashes or underscores, starting with a letter or number',
      { field: 'username' },
    );
  const displayName = input.displayName.trim();
  if (displayName === '' || displayName.length > 100)
    throw new SimwatchError('invalid_input', 'Enter a display name of up to 100 characters', {
      field: 'displayName',
    });
  const role = roleOf(input.role);
  if (!role)
    throw new SimwatchError('invalid_input', `Choose a role: one of ${roles.join(', ')}`, {
      field: 'role',
    });
  return { username, displayName, role };
}

/**
 * Throws `invalid_input` unless the password is long enough and hard to guess: not a common
 * password or pattern, nor made of `userInputs` (the account's username and name).
 */
export function checkPassword(password: string, userInputs: readonly string[] = []): void {
  const field = { field: 'password' };
  if (password.length < minimumPasswordLength)
    throw new SimwatchError(
      'invalid_input',
      `Enter a password of at least ${minimumPasswordLength} characters`,
      field,
    );
  if (password.length > 200)
    throw new SimwatchError('invalid_input', 'Enter a password of at most 200 characters', field);
  const weakness = passwordWeakness(password, userInputs);
  if (weakness !== undefined) throw new SimwatchError('invalid_input', weakness, field);
}

/**
 * Creates an account, recorded as an event by `actor` (the password hash is stored beside it,
 * never in the record); `conflict` when the username is taken. A null password makes an account
 * that cannot sign in until `setPassword` gives it one.
 */
export async function createUser(
  deps: AccountDeps,
  input: { username: string; displayName: string; role: string; password: string | null },
  actor: string,
): Promise<User> {
  const details = checkAccountDetails(input);
  if (input.password !== null)
    checkPassword(input.password, [details.username, details.displayName]);
  const passwordHash =
    input.password === null ? noPasswordHash : await hashPassword(input.password);
  return recordChange(deps, actor, async (trx, time) => {
    if (await findUser(trx, details.username))
      throw new SimwatchError('conflict', `The username "${details.username}" is already taken`, {
        field: 'username',
      });
    const account: AccountRecord = {
      ...details,
      disabled: false,
      createdAt: time,
      createdBy: actor,
    };
    return {
      events: [{ type: 'account.created', payload: { account } }],
      result: { ...account, role: details.role },
      alongside: async (trx) => {
        await trx
          .updateTable('users')
          .set({ password_hash: passwordHash })
          .where('username', '=', details.username)
          .execute();
      },
    };
  });
}

/** Every account, by username. */
export async function listUsers(db: Db): Promise<User[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('username').execute();
  return rows.map(userFrom);
}

/** One account, or undefined. */
export async function findUser(db: Db, username: string): Promise<User | undefined> {
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', username)
    .executeTakeFirst();
  return row && userFrom(row);
}

/** How many enabled administrators there are. */
export async function countAdministrators(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('role', '=', 'administrator')
    .where('disabled', '=', 0)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/**
 * Changes an account's role or whether it is disabled, recorded as an event by `actor`. Refuses to
 * leave the workspace without an enabled administrator. Disabling an account ends its sessions.
 */
export async function updateUser(
  deps: AccountDeps,
  username: string,
  change: { role?: string; disabled?: boolean },
  actor: string,
): Promise<User> {
  return recordChange(deps, actor, async (trx, time) => {
    const current = await findUser(trx, username);
    if (!current) throw new SimwatchError('not_found', `There is no account "${username}"`);
    const role = change.role === undefined ? current.role : roleOf(change.role);
    if (!role)
      throw new SimwatchError('invalid_input', `Choose a role: one of ${roles.join(', ')}`, {
        field: 'role',
      });
    const disabled = change.disabled ?? current.disabled;
    const stillAdministrator = role === 'administrator' && !disabled;
    if (current.role === 'administrator' && !current.disabled && !stillAdministrator) {
      if ((await countAdministrators(trx)) <= 1)
        throw new SimwatchError(
          'conflict',
          'Cannot remove the last administrator: make another account an administrator first',
          { field: 'role' },
        );
    }
    const result = { ...current, role, disabled };
    if (role === current.role && disabled === current.disabled) return { events: [], result };
    const record: AccountChangeRecord = {
      username: current.username,
      ...(role === current.role ? {} : { role: { from: current.role, to: role } }),
      ...(disabled === current.disabled
        ? {}
        : { disabled: { from: current.disabled, to: disabled } }),
      changedBy: actor,
      changedAt: time,
    };
    return {
      events: [{ type: 'account.changed', payload: { change: record } }],
      result,
      alongside: async (trx) => {
        if (disabled) await endSessions(trx, current.username);
      },
    };
  });
}

/**
 * Sets a new password and ends the account's sessions. The record says that it was set, by whom
 * (its owner: a change; anyone else: a reset), never the password or its hash.
 */
export async function setPassword(
  deps: AccountDeps,
  username: string,
  password: string,
  actor: string,
): Promise<void> {
  const user = await findUser(deps.database.db, username);
  if (!user) throw new SimwatchError('not_found', `There is no account "${username}"`);
  checkPassword(password, [user.username, user.displayName]);
  const passwordHash = await hashPassword(password);
  await recordChange(deps, actor, async (trx, time) => {
    if (!(await findUser(trx, user.username)))
      throw new SimwatchError('not_found', `There is no account "${username}"`);
    const record: PasswordSetRecord = {
      username: user.username,
      setBy: actor,
      setAt: time,
      reset: actor !== user.username,
    };
    return {
      events: [{ type: 'account.password-set', payload: { password: record } }],
      result: undefined,
      alongside: async (trx) => {
        await trx
          .updateTable('users')
          .set({ password_hash: passwordHash })
          .where('username', '=', user.username)
          .execute();
        await endSessions(trx, user.username);
      },
    };
  });
}

async function endSessions(db: Db, username: string): Promise<void> {
  await db.deleteFrom('web_sessions').where('username', '=', username).execute();
}

/** A password hash no password matches, checked when the username is unknown, to take as long. */
const unknownUserHash =
  'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

/** The enabled account these credentials belong to, or undefined. Takes as long either way. */
export async function authenticate(
  db: Db,
  username: string,
  password: string,
): Promise<User | undefined> {
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', username.trim().toLowerCase())
    .executeTakeFirst();
  // An account without a password is checked against a hash too, so it takes as long.
  const stored = row && row.password_hash !== noPasswordHash ? row.password_hash : unknownUserHash;
  const matches = await verifyPassword(password, stored);
  if (!row || !matches || row.disabled === 1) return undefined;
  return userFrom(row);
}

function userFrom(row: DatabaseSchema['users']): User {
  return {
    username: row.username,
    displayName: row.display_name,
    role: roleOf(row.role) ?? 'viewer',
    disabled: row.disabled === 1,
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}
