import type { RouteModule } from './route-module.js';
import { accountRoutes } from '../workspace/account-routes.js';
import { recordsRoutes } from '../workspace/records-routes.js';
import { workspaceRoutes } from '../workspace/workspace-routes.js';
import { apiRoutes } from './api-routes.js';
import { documentRoutes } from './document-routes.js';
import { feedRoutes } from './feed-routes.js';
import { homeRoutes } from './home-routes.js';
import { methodRoutes } from './method-routes.js';
import { openDataRoutes } from './open-data-routes.js';
import { organisationRoutes } from './organisation-routes.js';
import { searchRoutes } from './search-routes.js';
import { signInRoutes } from './sign-in-routes.js';

/** Every group of routes the app serves; add new ones here. */
export const routeModules: readonly RouteModule[] = [
  homeRoutes,
  organisationRoutes,
  documentRoutes,
  searchRoutes,
  methodRoutes,
  openDataRoutes,
  apiRoutes,
  feedRoutes,
  signInRoutes,
  workspaceRoutes,
  recordsRoutes,
  accountRoutes,
];
