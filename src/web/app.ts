import './request-types.js';

import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';

import type { AppDeps } from '../app/create-app-deps.js';
import { mayAccess } from '../accounts/roles.js';
import { userOfSession } from '../accounts/sessions.js';
import { countEvents } from '../register/ledger/record-reads.js';
import { handleError, handleNotFound } from './render/error-pages.js';
import { createPageCache } from './render/page-cache.js';
import { pageCacheKey } from './render/page-cache-key.js';
import { nhsukStylesheet } from './render/nhsuk-stylesheet.js';
import { layoutValues } from './render/layout-values.js';
import {
  createTemplateEnvironment,
  nhsukFrontend,
  publicDir,
} from './render/template-environment.js';
import { routeModules } from './routes/route-modules.js';
import { cookieOptions, csrfCookieOf, sessionCookie } from './security/cookies.js';
import { formField } from './workspace/uploads/uploaded-files.js';
import { csrfTokenFor, isValidCsrfToken, newCsrfSeed } from './security/csrf-token.js';
import { contentSecurityPolicy } from './security/content-security-policy.js';
import { loadSessionSecret } from './security/session-secret.js';
import type { RouteAccess, WebContext } from './web-context.js';
import type { TrainModel } from '../app/model-training/model-training.js';
import { multipartLimits } from './workspace/uploads/upload-limits.js';

/** The session this request's CSRF token is bound to: its session cookie while it is valid. */
function csrfSessionOf(request: FastifyRequest): string {
  return request.user === null ? '' : (request.cookies[sessionCookie] ?? '');
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Builds the web application on the register: public pages, the JSON API and the reviewer
 * workspace. Every route declares who may use it (`config.access`); a route that does not is
 * refused when the app is built, so none can be left open by mistake.
 */
export async function createWebApp(
  deps: AppDeps,
  options: {
    logger?: boolean;
    /** How the model is trained when an administrator asks (tests give their own). */
    trainModel?: TrainModel;
  } = {},
): Promise<FastifyInstance> {
  const config = deps.config.web;
  const secret = await loadSessionSecret(config);
  const templates = createTemplateEnvironment({ cache: config.production });
  const pageCache = config.pageCache
    ? createPageCache({
        maxPages: 2_000,
        maxPageBytes: 2 * 1024 * 1024,
        maxTotalBytes: 64 * 1024 * 1024,
      })
    : undefined;
  const context: WebContext = {
    deps,
    config,
    trainModel: options.trainModel,
  };

  const app = Fastify({
    logger: options.logger ?? false,
    // Trust the configured number of hops, counted from the socket: the client's address is then
    // the entry the nearest proxy added to X-Forwarded-For. With `true` it would be the leftmost
    // entry, which the client writes itself. (Fastify's own hop count trusts no header at all.)
    trustProxy:
      config.trustProxyHops > 0
        ? (_address: string, hop: number) => hop < config.trustProxyHops
        : false,
    bodyLimit: 1024 * 1024,
  });

  const routeTable: RouteAccess[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    let access = route.config?.access;
    if (access === undefined && route.url.startsWith('/assets/')) access = 'public';
    if (access === undefined)
      throw new Error(
        `The route ${route.method.toString()} ${route.url} does not say who may use it`,
      );
    route.config = { ...route.config, access };
    for (const method of [route.method].flat())
      if (method !== 'HEAD') routeTable.push({ method, url: route.url, access });
  });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { directives: contentSecurityPolicy },
    // Cross-origin isolation would stop people linking to downloads from elsewhere.
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity:
      config.trustProxyHops > 0 ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
  await app.register(fastifyCookie);
  await app.register(fastifyFormbody);
  await app.register(fastifyMultipart, {
    attachFieldsToBody: true,
    limits: multipartLimits(config.maxUploadBytes),
  });
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyStatic, {
    root: publicDir,
    prefix: '/assets/simwatch/',
    maxAge: config.production ? '1d' : 0,
  });
  await app.register(fastifyStatic, {
    root: nhsukFrontend.assets,
    prefix: '/assets/',
    decorateReply: false,
    maxAge: '1d',
  });
  await app.register(fastifyStatic, {
    root: `${nhsukFrontend.dist}/nhsuk`,
    prefix: '/assets/nhsuk/',
    decorateReply: false,
    maxAge: '1d',
    allowedPath: (path) => path.endsWith('.min.js') || path.endsWith('.min.js.map'),
  });
  const stylesheet = await nhsukStylesheet();
  app.get('/assets/nhsuk/nhsuk-frontend.css', (_request, reply) =>
    reply
      .type('text/css; charset=utf-8')
      .header('cache-control', 'public, max-age=86400')
      .send(stylesheet),
  );

  app.decorateRequest('user', null);
  app.decorateRequest('csrfToken', '');
  app.decorateRequest('cacheVersion', -1);
  app.decorateRequest('cacheKey', '');
  app.decorateReply(
    'page',
    function (this: FastifyReply, template: string, values = {}, statusCode = 200) {
      return renderPage(this, template, values, statusCode);
    },
  );

  async function renderPage(
    reply: FastifyReply,
    template: string,
    values: Record<string, unknown>,
    statusCode: number,
  ): Promise<FastifyReply> {
    const shared = await layoutValues(context, reply.request);
    const html = templates.render(template, { ...shared, ...values });
    return reply.code(statusCode).type('text/html; charset=utf-8').send(html);
  }

  app.addHook('onRequest', async (request, reply) => {
    const token = request.cookies[sessionCookie];
    if (token) {
      request.user = (await userOfSession(deps.database.db, token, deps.now())) ?? null;
      if (!request.user) reply.clearCookie(sessionCookie, { path: '/' });
    }
    const seedCookie = csrfCookieOf(request);
    let seed = request.cookies[seedCookie];
    if (!seed || seed.length > 64) {
      seed = newCsrfSeed();
      reply.setCookie(seedCookie, seed, cookieOptions(request, 'strict'));
      request.cookies[seedCookie] = seed;
    }
    request.csrfToken = csrfTokenFor(secret, seed, csrfSessionOf(request));
    const access = request.routeOptions.config.access ?? 'public';
    if (mayAccess(request.user?.role ?? null, access)) {
      const cacheable = request.routeOptions.config.pageCache;
      if (pageCache && request.method === 'GET' && request.user === null && cacheable) {
        request.cacheVersion = await countEvents(deps.database.db);
        request.cacheKey = pageCacheKey(
          request.url,
          request.query as Record<string, unknown>,
          cacheable === true ? [] : cacheable.query,
        );
        const cached = pageCache.find(request.cacheVersion, request.cacheKey);
        if (cached)
          return reply.headers(cached.headers).header('x-simwatch-cache', 'hit').send(cached.body);
      }
      return;
    }
    if (request.user === null && request.method === 'GET' && !request.url.startsWith('/api/')) {
      return reply.redirect(`/sign-in?next=${encodeURIComponent(request.url)}`, 303);
    }
    return refuse(reply, request.user === null ? 401 : 403);
  });

  app.addHook('preHandler', async (request, reply) => {
    if (!unsafeMethods.has(request.method) || request.routeOptions.config.csrf === false) return;
    const seed = request.cookies[csrfCookieOf(request)] ?? '';
    const token = formField(request.body, '_csrf');
    if (
      token !== undefined &&
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

  function refuse(reply: FastifyReply, statusCode: 401 | 403) {
    return reply.page(
      'pages/error.njk',
      statusCode === 401
        ? { title: 'You need to sign in', message: 'Sign in to the workspace to do this.' }
        : {
            title: 'You do not have permission to see this page',
            message: 'Your account does not have the role this page needs. Ask an administrator.',
          },
      statusCode,
    );
  }

  app.addHook('onSend', async (request, reply, payload) => {
    // What a signed-in person sees (drafts, names, pages not public) must stay out of shared and
    // browser caches, where the next user of the machine or the proxy could read it. The static
    // assets are the same for everyone and keep their own caching.
    if (
      ((request.user !== null && !request.url.startsWith('/assets/')) ||
        request.routeOptions.config.noStore === true) &&
      !String(reply.getHeader('cache-control') ?? '').includes('no-store')
    )
      void reply.header('cache-control', 'no-store');
    if (
      pageCache &&
      request.cacheVersion >= 0 &&
      reply.statusCode === 200 &&
      typeof payload === 'string' &&
      reply.getHeader('x-simwatch-cache') === undefined &&
      // A page with a form carries this visitor's CSRF token: never hand it to another.
      !payload.includes('name="_csrf"')
    )
      pageCache.keep(request.cacheVersion, request.cacheKey, {
        body: payload,
        headers: cacheableHeaders(reply),
      });
    return payload;
  });

  app.setNotFoundHandler(handleNotFound);
  app.setErrorHandler<FastifyError>((error, request, reply) =>
    handleError(error, request, reply, config),
  );

  for (const register of routeModules) await register(app, context);
  return app;
}

/** The headers a cached page is sent with again: what it is, not who asked for it. */
function cacheableHeaders(reply: FastifyReply): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of [
    'content-type',
    'content-disposition',
    'access-control-allow-origin',
    'cache-control',
  ]) {
    const value = reply.getHeader(name);
    if (value !== undefined) headers[name] = String(value);
  }
  return headers;
}
