import type { RouteModule } from '../route-module.js';
import { accountRoutes } from '../workspace/accounts/account-routes.js';
import { recordsRoutes } from '../workspace/records/records-routes.js';
import { workspaceRoutes } from '../workspace/workspace-routes.js';
import { apiRoutes } from '../open-data/api-routes.js';
import { documentRoutes } from '../documents/document-routes.js';
import { feedRoutes } from '../feed/feed-routes.js';
import { homeRoutes } from '../home/home-routes.js';
import { methodRoutes } from '../method/method-routes.js';
import { openDataRoutes } from '../open-data/open-data-routes.js';
import { organisationRoutes } from '../organisations/organisation-routes.js';
import { searchRoutes } from '../search/search-routes.js';
import { signInRoutes } from '../sign-in/sign-in-routes.js';

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
