import type { Kysely } from 'kysely';

import { SimwatchError } from '../errors.js';
import type { DatabaseSchema } from '../store/schema.js';
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

/** Checks a new account's details; throws `invalid_input` naming what is wrong. */
export function checkNewUser(input: {
  username: string;
  displayName: string;
  role: string;
  password: string;
}): { username: string; displayName: string; role: Role; password: string } {
  const username = input.username.trim().toLowerCase();
  if (!/^[a-z0-9][a-z0-9._-]{1,39}$/.test(username))
    throw new SimwatchError(
      'invalid_input',
      'Enter a username of 2 to 40 characters: letters, numbers, dots, dashes or underscores, starting with a letter or number',
    );
  const displayName = input.displayName.trim();
  if (displayName === '' || displayName.length > 100)
    throw new SimwatchError('invalid_input', 'Enter a display name of up to 100 characters');
  const role = roleOf(input.role);
  if (!role) throw new SimwatchError('invalid_input', `Choose a role: one of ${roles.join(', ')}`);
  checkPassword(input.password, [username, displayName]);
  return { username, displayName, role, password: input.password };
}

/**
 * Throws `invalid_input` unless the password is long enough and hard to guess: not a common
 * password or pattern, nor made of `userInputs` (the account's username and name).
 */
export function checkPassword(password: string, userInputs: readonly string[] = []): void {
  if (password.length < minimumPasswordLength)
    throw new SimwatchError(
      'invalid_input',
      `Enter a password of at least ${minimumPasswordLength} characters`,
    );
  if (password.length > 200)
    throw new SimwatchError('invalid_input', 'Enter a password of at most 200 characters');
  const weakness = passwordWeakness(password, userInputs);
  if (weakness !== undefined) throw new SimwatchError('invalid_input', weakness);
}

/** Creates an account; `conflict` when the username is taken. */
export async function createUser(
  db: Db,
  input: { username: string; displayName: string; role: string; password: string },
  createdBy: string,
  now: Date,
): Promise<User> {
  const checked = checkNewUser(input);
  const passwordHash = await hashPassword(checked.password);
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('users')
      .select('username')
      .where('username', '=', checked.username)
      .executeTakeFirst();
    if (existing)
      throw new SimwatchError('conflict', `The username "${checked.username}" is already taken`);
    const row = {
      username: checked.username,
      display_name: checked.displayName,
      role: checked.role,
      password_hash: passwordHash,
      disabled: 0,
      created_at: now.toISOString(),
      created_by: createdBy,
    };
    await trx.insertInto('users').values(row).execute();
    return userFrom(row);
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
 * Changes an account's role or whether it is disabled. Refuses to leave the workspace without an
 * enabled administrator. Disabling an account ends its sessions.
 */
export async function updateUser(
  db: Db,
  username: string,
  change: { role?: string; disabled?: boolean },
): Promise<User> {
  return db.transaction().execute(async (trx) => {
    const current = await findUser(trx, username);
    if (!current) throw new SimwatchError('not_found', `There is no account "${username}"`);
    const role = change.role === undefined ? current.role : roleOf(change.role);
    if (!role)
      throw new SimwatchError('invalid_input', `Choose a role: one of ${roles.join(', ')}`);
    const disabled = change.disabled ?? current.disabled;
    const stillAdministrator = role === 'administrator' && !disabled;
    if (current.role === 'administrator' && !current.disabled && !stillAdministrator) {
      if ((await countAdministrators(trx)) <= 1)
        throw new SimwatchError(
          'conflict',
          'Cannot remove the last administrator: make another account an administrator first',
        );
    }
    await trx
      .updateTable('users')
      .set({ role, disabled: disabled ? 1 : 0 })
      .where('username', '=', username)
      .execute();
    if (disabled) await trx.deleteFrom('web_sessions').where('username', '=', username).execute();
    return { ...current, role, disabled };
  });
}

/** Sets a new password and ends the account's other sessions. */
export async function setPassword(db: Db, username: string, password: string): Promise<void> {
  const user = await findUser(db, username);
  if (!user) throw new SimwatchError('not_found', `There is no account "${username}"`);
  checkPassword(password, [user.username, user.displayName]);
  const passwordHash = await hashPassword(password);
  const result = await db
    .updateTable('users')
    .set({ password_hash: passwordHash })
    .where('username', '=', username)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n)
    throw new SimwatchError('not_found', `There is no account "${username}"`);
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
  const matches = await verifyPassword(password, row?.password_hash ?? unknownUserHash);
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
