import { rootPlugin } from './root-plugin.js';

/**
 * What a signed-in person sees (drafts, names, pages not public) must stay out of shared and
 * browser caches, where the next user of the machine or the proxy could read it; so must pages
 * whose route says `noStore`. The static assets are the same for everyone and keep their own
 * caching. Registered before `pageCaching`, so a kept page keeps the header it was sent with.
 */
export function noStore() {
  return rootPlugin(async (app) => {
    app.addHook('onSend', async (request, reply, payload) => {
      if (
        ((request.user !== null && !request.url.startsWith('/assets/')) ||
          request.routeOptions.config.noStore === true) &&
        !String(reply.getHeader('cache-control') ?? '').includes('no-store')
      )
        void reply.header('cache-control', 'no-store');
      return Promise.resolve(payload);
    });
    return Promise.resolve();
  });
}
