import type { FastifyInstance } from 'fastify';

import type { WebContext } from './web-context.js';

/** A group of routes: adds them to the app (see route-modules for the list of them all). */
export type RouteModule = (app: FastifyInstance, context: WebContext) => void | Promise<void>;
