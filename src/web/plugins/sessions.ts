import { userOfSession } from '../../accounts/sessions.js';
import { sessionCookie } from '../security/cookies.js';
import type { WebContext } from '../web-context.js';
import { rootPlugin } from './root-plugin.js';

/** `request.user`: the account signed in by the session cookie, or null (a stale cookie is cleared). */
export function sessions(context: WebContext) {
  return rootPlugin(async (app) => {
    app.decorateRequest('user', null);
    app.addHook('onRequest', async (request, reply) => {
      const token = request.cookies[sessionCookie];
      if (!token) return;
      const db = context.deps.database.db;
      request.user = (await userOfSession(db, token, context.deps.now())) ?? null;
      if (!request.user) reply.clearCookie(sessionCookie, { path: '/' });
    });
    return Promise.resolve();
  });
}
