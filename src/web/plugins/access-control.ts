import { mayAccess } from '../../accounts/roles.js';
import { rootPlugin } from './root-plugin.js';

/**
 * Lets a request through only when its account's role may use the route: a person not signed in
 * is sent to sign in (or told 401 by the API), one without the role is told 403. Runs after
 * `sessions` and `csrfProtection` (the refusal page's header carries the sign-out form).
 */
export function accessControl() {
  return rootPlugin(async (app) => {
    app.addHook('onRequest', async (request, reply) => {
      const access = request.routeOptions.config.access ?? 'public';
      if (mayAccess(request.user?.role ?? null, access)) return;
      if (request.user === null && request.method === 'GET' && !request.url.startsWith('/api/'))
        return reply.redirect(`/sign-in?next=${encodeURIComponent(request.url)}`, 303);
      return reply.page(
        'pages/error.njk',
        request.user === null
          ? { title: 'You need to sign in', message: 'Sign in to the workspace to do this.' }
          : {
              title: 'You do not have permission to see this page',
              message: 'Your account does not have the role this page needs. Ask an administrator.',
            },
        request.user === null ? 401 : 403,
      );
    });
    return Promise.resolve();
  });
}
