import type { FastifyReply } from 'fastify';

import { SimwatchError } from '../../../errors.js';
import { roleDescriptions, roles } from '../../../accounts/roles.js';
import {
  createUser,
  findUser,
  listUsers,
  setPassword,
  updateUser,
  type User,
} from '../../../accounts/users-service.js';
import type { RouteModule } from '../../route-module.js';
import { doneNotice, doneUrl } from '../records/done-notice.js';
import { errorValues, type FieldError } from '../../forms/form-errors.js';
import { readFormFields, type FormFields } from '../../forms/form-fields.js';
import { actorOf, serviceRefusal } from '../records/form-page.js';
import {
  parseAccountChangeForm,
  parseNewAccountForm,
  parsePasswordResetForm,
  roleNames,
} from './account-form.js';

const access = { config: { access: 'administrator' } } as const;
const roleItems = roles.map((role) => ({ value: role, text: roleDescriptions[role] }));

/** Administrators' pages: the accounts, a new account, and changes to one. */
export const accountAdminRoutes: RouteModule = (app, { deps }) => {
  const db = deps.database.db;

  async function getUser(username: string): Promise<User> {
    const user = await findUser(db, username);
    if (!user) throw new SimwatchError('not_found', 'There is no account with this username');
    return user;
  }

  app.get('/workspace/accounts', access, async (request, reply) => {
    const users = await listUsers(db);
    const text = doneNotice(request.query);
    return reply.page('workspace/accounts/accounts.njk', {
      title: 'Accounts',
      notice: text === undefined ? undefined : { text },
      accounts: users.map((user) => ({
        ...user,
        roleName: roleNames[user.role],
        encodedUsername: encodeURIComponent(user.username),
      })),
    });
  });

  function showNewForm(
    reply: FastifyReply,
    values: FormFields,
    errors: readonly FieldError[] = [],
  ) {
    // Passwords are never sent back to the browser, not even after a mistake.
    const kept = Object.fromEntries(
      Object.entries(values).filter(
        ([name]) => name !== 'newPassword' && name !== 'confirmPassword',
      ),
    );
    return reply.page(
      'workspace/accounts/account-new.njk',
      { title: 'Add an account', values: kept, roleItems, ...errorValues(errors) },
      errors.length > 0 ? 400 : 200,
    );
  }

  app.get('/workspace/accounts/new', access, (_request, reply) => showNewForm(reply, {}));

  app.post('/workspace/accounts', access, async (request, reply) => {
    const fields = readFormFields(request.body);
    const existing = await listUsers(db);
    const parsed = parseNewAccountForm(fields, {
      existingUsernames: existing.map((user) => user.username),
    });
    if (!parsed.ok) return showNewForm(reply, fields, parsed.errors);
    try {
      await createUser(deps, parsed.value, actorOf(request));
    } catch (error) {
      return showNewForm(reply, fields, [serviceRefusal(error, 'username')]);
    }
    return reply.redirect(doneUrl('/workspace/accounts', 'account-created'), 303);
  });

  async function showEditForm(
    reply: FastifyReply,
    account: User,
    options: { values?: FormFields; errors?: readonly FieldError[]; self: boolean },
  ) {
    const errors = options.errors ?? [];
    return reply.page(
      'workspace/accounts/account-edit.njk',
      {
        title: `Change ${account.displayName}’s account`,
        account,
        self: options.self,
        action: `/workspace/accounts/${encodeURIComponent(account.username)}`,
        values: options.values ?? {
          role: account.role,
          status: account.disabled ? 'disabled' : 'enabled',
        },
        roleItems,
        ...errorValues(errors),
      },
      errors.length > 0 ? 400 : 200,
    );
  }

  app.get<{ Params: { username: string } }>(
    '/workspace/accounts/:username/edit',
    access,
    async (request, reply) => {
      const account = await getUser(request.params.username);
      return showEditForm(reply, account, { self: account.username === actorOf(request) });
    },
  );

  app.post<{ Params: { username: string } }>(
    '/workspace/accounts/:username',
    access,
    async (request, reply) => {
      const account = await getUser(request.params.username);
      const self = account.username === actorOf(request);
      const fields = readFormFields(request.body);
      const parsed = parseAccountChangeForm(fields);
      if (!parsed.ok)
        return showEditForm(reply, account, { values: fields, errors: parsed.errors, self });
      let updated: User;
      try {
        updated = await updateUser(deps, account.username, parsed.value, actorOf(request));
      } catch (error) {
        return showEditForm(reply, account, {
          values: fields,
          errors: [serviceRefusal(error, 'role', '#role')],
          self,
        });
      }
      // Someone who has just taken away their own access cannot see the accounts page any more.
      if (self && updated.disabled) return reply.redirect('/sign-in', 303);
      if (self && updated.role !== 'administrator') return reply.redirect('/workspace', 303);
      return reply.redirect(doneUrl('/workspace/accounts', 'account-updated'), 303);
    },
  );

  app.post<{ Params: { username: string } }>(
    '/workspace/accounts/:username/password',
    access,
    async (request, reply) => {
      const account = await getUser(request.params.username);
      const self = account.username === actorOf(request);
      const parsed = parsePasswordResetForm(readFormFields(request.body), account);
      if (!parsed.ok) return showEditForm(reply, account, { errors: parsed.errors, self });
      await setPassword(deps, account.username, parsed.value.newPassword, actorOf(request));
      if (self) return reply.redirect('/sign-in', 303);
      return reply.redirect(doneUrl('/workspace/accounts', 'account-password-set'), 303);
    },
  );
};
