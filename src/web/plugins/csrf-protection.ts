import type { FastifyRequest } from 'fastify';

import { exactTextField, readFormFields } from '../forms/form-fields.js';
import { cookieOptions, csrfCookieOf, sessionCookie } from '../security/cookies.js';
import { csrfTokenFor, isValidCsrfToken, newCsrfSeed } from '../security/csrf-token.js';
import { loadSessionSecret } from '../security/session-secret.js';
import type { WebContext } from '../web-context.js';
import { rootPlugin } from './root-plugin.js';

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The session this request's CSRF token is bound to: its session cookie while it is valid. */
function csrfSessionOf(request: FastifyRequest): string {
  return request.user === null ? '' : (request.cookies[sessionCookie] ?? '');
}

/**
 * `request.csrfToken`, the token this browser's forms carry (bound to a seed cookie and to the
 * session); a form sent without a valid one is refused, unless its route says `csrf: false`.
 * Runs after `sessions`.
 */
export function csrfProtection(context: WebContext) {
  return rootPlugin(async (app) => {
    const secret = await loadSessionSecret(context.config);
    app.decorateRequest('csrfToken', '');
    app.addHook('onRequest', async (request, reply) => {
      const seedCookie = csrfCookieOf(request);
      let seed = request.cookies[seedCookie];
      if (!seed || seed.length > 64) {
        seed = newCsrfSeed();
        reply.setCookie(seedCookie, seed, cookieOptions(request, 'strict'));
        request.cookies[seedCookie] = seed;
      }
      request.csrfToken = csrfTokenFor(secret, seed, csrfSessionOf(request));
      return Promise.resolve();
    });
    app.addHook('preHandler', async (request, reply) => {
      if (!unsafeMethods.has(request.method) || request.routeOptions.config.csrf === false) return;
      const seed = request.cookies[csrfCookieOf(request)] ?? '';
      const token = exactTextField(readFormFields(request.body), '_csrf');
      if (
        token !== '' &&
        seed !== '' &&
        isValidCsrfToken(secret, token, { seed, session: csrfSessionOf(request) })
      )
        return;
      await reply.page(
        'pages/error.njk',
        {
          title: 'This form has expired',
          message:
            'For your security, the form could not be sent. Go back, reload the page and try again.',
        },
        403,
      );
    });
  });
}
