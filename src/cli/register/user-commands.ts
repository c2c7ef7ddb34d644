import { randomBytes } from 'node:crypto';

import { SimwatchError } from '../../errors.js';
import { roles } from '../../accounts/roles.js';
import { createUser, listUsers, setPassword } from '../../accounts/users-service.js';
import type { Terminal } from '../terminal.js';
import {
  defineCommandGroup,
  defineRegisterCommand,
  requiredOption,
  stringOption,
} from './define-register-command.js';

const passwordHelp = `The password is read from standard input when --password-stdin is given
(for example: printf '%s' "$PASSWORD" | simwatch user add ...). Otherwise a strong
password is made and printed once. Passwords are never taken as arguments, which
other users of the machine could see. A password needs 12 characters or more and
must be hard to guess: not a common password, keyboard pattern or repeat, nor the
account's username or name (3 or 4 random words do well).`;

/** `simwatch user add`: makes a workspace account (the first administrator, for instance). */
const userAddCommand = defineRegisterCommand({
  name: 'user add',
  summary: 'Create a workspace account (administrator, reviewer or viewer)',
  usage:
    'Usage: simwatch user add USERNAME --role administrator|reviewer|viewer [--name "FULL NAME"] [--password-stdin]',
  help: `Creates an account for the reviewer workspace of the web application.

Options:
  --role ROLE        ${roles.join(', ')}
  --name NAME        the name shown in the workspace (default the username)
  --password-stdin   read the password from standard input

${passwordHelp}`,
  options: {
    role: { type: 'string' },
    name: { type: 'string' },
    'password-stdin': { type: 'boolean' },
  },
  fields: { role: '--role ROLE', displayName: '--name NAME', password: '--password-stdin' },
  async run(context) {
    const { positionals, values, deps, terminal, actor, json } = context;
    const username = positionals[0];
    if (username === undefined)
      throw new SimwatchError('usage', 'Cannot run simwatch user add: give the USERNAME');
    const role = requiredOption(values, 'role');
    const given = values['password-stdin'] === true ? await readPassword(terminal) : undefined;
    const password = given ?? generatePassword();
    const user = await createUser(
      deps,
      { username, displayName: stringOption(values.name) ?? username, role, password },
      actor,
    );
    if (json) {
      context.print(
        JSON.stringify({ ...user, password: given === undefined ? password : undefined }, null, 2),
      );
      return 0;
    }
    context.print(`Created ${user.role} account "${user.username}" (${user.displayName}).`);
    if (given === undefined) {
      context.print(`Password (shown only now): ${password}`);
      context.print('Sign in at /sign-in and keep the password somewhere safe.');
    }
    return 0;
  },
});

/** `simwatch user list`: the workspace's accounts. */
const userListCommand = defineRegisterCommand({
  name: 'user list',
  summary: 'List workspace accounts and their roles',
  usage: 'Usage: simwatch user list [--json]',
  help: 'Lists the accounts of the reviewer workspace, with their roles and whether they are disabled.',
  async run({ deps, json, print }) {
    const users = await listUsers(deps.database.db);
    if (json) {
      print(JSON.stringify(users, null, 2));
      return 0;
    }
    if (users.length === 0) print('No accounts yet: create one with "simwatch user add".');
    for (const user of users)
      print(
        `${user.username.padEnd(24)} ${user.role.padEnd(14)} ${user.disabled ? 'disabled' : 'enabled '} ${user.displayName}`,
      );
    return 0;
  },
});

/** `simwatch user password`: gives an account a new password (and signs it out everywhere). */
const userPasswordCommand = defineRegisterCommand({
  name: 'user password',
  summary: 'Set a new password for a workspace account',
  usage: 'Usage: simwatch user password USERNAME [--password-stdin]',
  help: `Sets a new password and ends the account's sessions.

${passwordHelp}`,
  options: { 'password-stdin': { type: 'boolean' } },
  fields: { password: '--password-stdin' },
  async run({ positionals, values, deps, terminal, actor, print }) {
    const username = positionals[0];
    if (username === undefined)
      throw new SimwatchError('usage', 'Cannot run simwatch user password: give the USERNAME');
    const given = values['password-stdin'] === true ? await readPassword(terminal) : undefined;
    const password = given ?? generatePassword();
    await setPassword(deps, username, password, actor);
    print(`Set a new password for "${username}".`);
    if (given === undefined) print(`Password (shown only now): ${password}`);
    return 0;
  },
});

/** `simwatch user ...`. */
export const userCommand = defineCommandGroup('user', 'Manage workspace accounts', [
  userAddCommand,
  userListCommand,
  userPasswordCommand,
]);

/** A random password of 20 characters from an alphabet without look-alikes. */
function generatePassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzACDEFGHJKLMNPQRSTUVWXYZ23456789';
  return [...randomBytes(20)].map((byte) => alphabet[byte % alphabet.length]).join('');
}

async function readPassword(terminal: Terminal): Promise<string> {
  const chunks: string[] = [];
  for await (const chunk of terminal.stdin)
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
  const password = chunks.join('').replace(/\r?\n$/, '');
  if (password === '')
    throw new SimwatchError('usage', 'Cannot read the password: standard input was empty');
  return password;
}
