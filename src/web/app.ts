import './request-types.js';

import Fastify, { type FastifyInstance } from 'fastify';

import type { AppDeps } from '../app/create-app-deps.js';
import { contributionRoutes } from './contributions/contribution-routes.js';
import { actionRoutes } from './coproduction/action-routes.js';
import { agreementRoutes } from './coproduction/agreement-routes.js';
import { jointDocumentRoutes } from './coproduction/joint-document-routes.js';
import { publicationRoutes } from './coproduction/publication-routes.js';
import { documentRoutes } from './documents/document-routes.js';
import { feedRoutes } from './feed/feed-routes.js';
import { foiRoutes } from './foi/foi-routes.js';
import { homeRoutes } from './home/home-routes.js';
import { mapRoutes } from './map/map-routes.js';
import { methodRoutes } from './method/method-routes.js';
import { apiRoutes } from './open-data/api-routes.js';
import { openDataRoutes } from './open-data/open-data-routes.js';
import { organisationRoutes } from './organisations/organisation-routes.js';
import { accessControl } from './plugins/access-control.js';
import { csrfProtection } from './plugins/csrf-protection.js';
import { errorPages } from './plugins/error-pages.js';
import { noStore } from './plugins/no-store.js';
import { pageCaching } from './plugins/page-caching.js';
import { pageRendering } from './plugins/page-rendering.js';
import { requestParsing } from './plugins/request-parsing.js';
import { routeAccess } from './plugins/route-access.js';
import { securityHeaders } from './plugins/security-headers.js';
import { sessions } from './plugins/sessions.js';
import { staticAssets } from './plugins/static-assets.js';
import { featureRoutes } from './route-module.js';
import { searchRoutes } from './search/search-routes.js';
import { searchFeedRoutes } from './search/search-feed-routes.js';
import { signInRoutes } from './sign-in/sign-in-routes.js';
import type { WebContext } from './web-context.js';
import { accountRoutes } from './workspace/accounts/account-routes.js';
import { recordsRoutes } from './workspace/records/records-routes.js';
import { recordRoutes } from './record/record-routes.js';
import { workspaceRoutes } from './workspace/workspace-routes.js';

/**
 * Builds the web application on the register: public pages, the JSON API and the reviewer
 * workspace. Each concern is one plugin, in the order a request meets them; then the features.
 */
export async function createWebApp(
  deps: AppDeps,
  options: { logger?: boolean } = {},
): Promise<FastifyInstance> {
  const config = deps.config.web;
  const context: WebContext = { deps, config };
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

  await app.register(routeAccess());
  await app.register(securityHeaders(config));
  await app.register(requestParsing(config));
  await app.register(staticAssets(config));
  await app.register(pageRendering(context));
  await app.register(sessions(context));
  await app.register(csrfProtection(context));
  await app.register(accessControl());
  await app.register(noStore());
  await app.register(pageCaching(context));
  await app.register(errorPages(config));

  await app.register(featureRoutes(homeRoutes, context));
  await app.register(featureRoutes(organisationRoutes, context));
  await app.register(featureRoutes(mapRoutes, context));
  await app.register(featureRoutes(documentRoutes, context));
  await app.register(featureRoutes(searchRoutes, context));
  await app.register(featureRoutes(searchFeedRoutes, context));
  await app.register(featureRoutes(methodRoutes, context));
  await app.register(featureRoutes(openDataRoutes, context));
  await app.register(featureRoutes(apiRoutes, context));
  await app.register(featureRoutes(feedRoutes, context));
  await app.register(featureRoutes(signInRoutes, context));
  await app.register(featureRoutes(workspaceRoutes, context));
  await app.register(featureRoutes(recordsRoutes, context));
  await app.register(featureRoutes(accountRoutes, context));
  await app.register(featureRoutes(contributionRoutes, context));
  await app.register(featureRoutes(recordRoutes, context));
  await app.register(featureRoutes(agreementRoutes, context));
  await app.register(featureRoutes(jointDocumentRoutes, context));
  await app.register(featureRoutes(actionRoutes, context));
  await app.register(featureRoutes(publicationRoutes, context));
  await app.register(featureRoutes(foiRoutes, context));
  return app;
}
