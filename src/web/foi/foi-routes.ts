import type { RouteModule } from '../route-module.js';
import { foiFeedRoutes } from './foi-feed-routes.js';
import { foiPublicRoutes } from './foi-public-routes.js';
import { foiWorkspaceRoutes } from './foi-workspace-routes.js';

/** Freedom of information requests: the public pages and feeds, and the workspace's. */
export const foiRoutes: RouteModule = async (app, context) => {
  await foiPublicRoutes(app, context);
  await foiFeedRoutes(app, context);
  await foiWorkspaceRoutes(app, context);
};
