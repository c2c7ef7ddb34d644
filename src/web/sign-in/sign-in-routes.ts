import { authenticate } from '../../accounts/users-service.js';
import { errorsByField } from '../forms/form-errors.js';
import { endSession, startSession } from '../../accounts/sessions.js';
import { cookieOptions, sessionCookie } from '../security/cookies.js';
import { exactTextField, readFormFields, textField } from '../forms/form-fields.js';
import type { RouteModule } from '../route-module.js';

/** How many attempts a minute one address may make to sign in to one account. */
export const signInAttemptsPerMinute = 10;

/** How many attempts a minute one address may make to sign in to any accounts. */
export const addressAttemptsPerMinute = 100;

/** Signing in and out of the workspace. */
export const signInRoutes: RouteModule = (app, { deps }) => {
  const perAddress = app.createRateLimit({ max: addressAttemptsPerMinute, timeWindow: 60_000 });
  const perAccount = app.createRateLimit({
    max: signInAttemptsPerMinute,
    timeWindow: 60_000,
    keyGenerator: (request) =>
      `${request.ip}|${textField(readFormFields(request.body), 'username').toLowerCase()}`,
  });

  app.get('/sign-in', { config: { access: 'public', noStore: true } }, (request, reply) => {
    const next = safeNext((request.query as Record<string, unknown>).next);
    if (request.user) return reply.redirect(next, 303);
    return reply.page('pages/sign-in.njk', { title: 'Sign in', next, values: {} });
  });

  app.post(
    '/sign-in',
    {
      config: { access: 'public', noStore: true },
      // Guessing one account's password is slowed per address and account; trying many accounts
      // from one address, per address.
      preHandler: async (request, reply) => {
        for (const limit of [perAddress, perAccount]) {
          const result = await limit(request);
          if (!result.isAllowed && result.isExceeded) {
            void reply.header('retry-after', String(result.ttlInSeconds));
            throw Object.assign(new Error('Too many sign-in attempts'), { statusCode: 429 });
          }
        }
      },
    },
    async (request, reply) => {
      const fields = readFormFields(request.body);
      const username = textField(fields, 'username');
      const password = exactTextField(fields, 'password');
      const next = safeNext(exactTextField(fields, 'next'));
      const errors = [];
      if (username === '') errors.push({ text: 'Enter your username', href: '#username' });
      if (password === '') errors.push({ text: 'Enter your password', href: '#password' });
      const user =
        errors.length === 0 ? await authenticate(deps.database.db, username, password) : undefined;
      if (errors.length === 0 && !user)
        errors.push({ text: 'The username or password is not right', href: '#username' });
      if (!user || errors.length > 0)
        return reply.page(
          'pages/sign-in.njk',
          {
            title: 'Sign in',
            next,
            errors,
            fieldErrors: errorsByField(errors),
            values: { username },
          },
          400,
        );
      const old = request.cookies[sessionCookie];
      if (old) await endSession(deps.database.db, old);
      const token = await startSession(deps.database.db, user.username, deps.now());
      reply.setCookie(sessionCookie, token, cookieOptions(request, 'lax'));
      return reply.redirect(next, 303);
    },
  );

  app.post('/sign-out', { config: { access: 'public' } }, async (request, reply) => {
    const token = request.cookies[sessionCookie];
    if (token) await endSession(deps.database.db, token);
    reply.clearCookie(sessionCookie, { path: '/' });
    return reply.redirect('/', 303);
  });
};

/** Where to go after signing in: a path on this site only, never another site. */
export function safeNext(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//'))
    return '/workspace';
  // A browser sends an address percent-encoded: anything but printable ASCII (a raw "é" or "Ā",
  // which cannot go in a Location header) is not one of ours.
  if (value.includes('\\') || !/^[\x21-\x7e]+$/.test(value)) return '/workspace';
  return value;
}
