import type { FastifyReply } from 'fastify';

import { countEvents } from '../../register/ledger/record-reads.js';
import { createPageCache } from '../render/page-cache.js';
import { pageCacheKey } from '../render/page-cache-key.js';
import type { WebContext } from '../web-context.js';
import { rootPlugin } from './root-plugin.js';

/**
 * Keeps the public pages whose route sets `config.pageCache`, as sent to people not signed in,
 * until the register changes (when the configuration turns the page cache on). Runs after
 * `accessControl`, so a kept page is only ever sent to someone who may see it.
 */
export function pageCaching(context: WebContext) {
  return rootPlugin(async (app) => {
    app.decorateRequest('cacheVersion', -1);
    app.decorateRequest('cacheKey', '');
    if (!context.config.pageCache) return Promise.resolve();
    const pageCache = createPageCache({
      maxPages: 2_000,
      maxPageBytes: 2 * 1024 * 1024,
      maxTotalBytes: 64 * 1024 * 1024,
    });
    app.addHook('onRequest', async (request, reply) => {
      const cacheable = request.routeOptions.config.pageCache;
      if (request.method !== 'GET' || request.user !== null || !cacheable) return;
      request.cacheVersion = await countEvents(context.deps.database.db);
      // Pages also change with the day (promised ends pass, citations give the day accessed),
      // so a page is kept for the day it was rendered on.
      const today = context.deps.now().toISOString().slice(0, 10);
      request.cacheKey = `${today} ${pageCacheKey(
        request.url,
        request.query as Record<string, unknown>,
        cacheable === true ? [] : cacheable.query,
      )}`;
      const cached = pageCache.find(request.cacheVersion, request.cacheKey);
      if (cached)
        return reply.headers(cached.headers).header('x-simwatch-cache', 'hit').send(cached.body);
    });
    app.addHook('onSend', async (request, reply, payload) => {
      if (
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
      return Promise.resolve(payload);
    });
    return Promise.resolve();
  });
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
