import type { FastifyReply } from 'fastify';

import { startSession } from '../../../accounts/sessions.js';
import { authenticate, setPassword } from '../../../accounts/users-service.js';
import { cookieOptions, sessionCookie } from '../../security/cookies.js';
import type { RouteModule } from '../../route-module.js';
import { signInAttemptsPerMinute } from '../../sign-in/sign-in-routes.js';
import { doneNotice, doneUrl } from '../records/done-notice.js';
import { errorValues, fieldError, type FieldError } from '../../forms/form-errors.js';
import { readFormFields } from '../../forms/form-fields.js';
import { actorOf } from '../records/form-page.js';
import { parsePasswordChangeForm } from './account-form.js';

/** Changing your own password, for everyone signed in. */
export const passwordRoutes: RouteModule = (app, { deps }) => {
  const db = deps.database.db;

  function showForm(
    reply: FastifyReply,
    options: { errors?: readonly FieldError[]; notice?: { text: string } } = {},
  ) {
    const errors = options.errors ?? [];
    return reply.page(
      'workspace/accounts/password.njk',
      { title: 'Change your password', notice: options.notice, ...errorValues(errors) },
      errors.length > 0 ? 400 : 200,
    );
  }

  app.get('/workspace/password', { config: { access: 'viewer' } }, (request, reply) => {
    const text = doneNotice(request.query);
    return showForm(reply, { notice: text === undefined ? undefined : { text } });
  });

  app.post(
    '/workspace/password',
    {
      config: {
        access: 'viewer',
        // Guessing the current password here must be no easier than at sign-in.
        rateLimit: { max: signInAttemptsPerMinute, timeWindow: '1 minute' },
      },
    },
    async (request, reply) => {
      const username = actorOf(request);
      const parsed = parsePasswordChangeForm(readFormFields(request.body), {
        username,
        displayName: request.user?.displayName ?? username,
      });
      if (!parsed.ok) return showForm(reply, { errors: parsed.errors });
      if (!(await authenticate(db, username, parsed.value.currentPassword)))
        return showForm(reply, {
          errors: [fieldError('currentPassword', 'Your current password is not right')],
        });
      // Setting a password ends every session of the account, this one too: start a new one so
      // the person stays signed in here and only other browsers are signed out.
      await setPassword(deps, username, parsed.value.newPassword, username);
      const token = await startSession(db, username, deps.now());
      reply.setCookie(sessionCookie, token, cookieOptions(request, 'lax'));
      return reply.redirect(doneUrl('/workspace/password', 'password-changed'), 303);
    },
  );
};
