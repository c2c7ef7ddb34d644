import type { FastifyInstance, FastifyPluginAsync } from 'fastify';

import type { WebContext } from './web-context.js';

/** A feature's group of routes: adds them to the app (app.ts lists them all). */
export type RouteModule = (app: FastifyInstance, context: WebContext) => void | Promise<void>;

/** A feature's routes as a plugin of their own, so that what one feature adds stays its own. */
export function featureRoutes(routes: RouteModule, context: WebContext): FastifyPluginAsync {
  return async (app) => {
    await routes(app, context);
  };
}
